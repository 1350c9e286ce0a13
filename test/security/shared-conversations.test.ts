import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_VERBS, MESSAGE_COMMANDS, audienceOf } from '../../src/journeys';
import { ASK_IN_PERSONAL_CHAT, SENT_PRIVATELY } from '../../src/bot/private-answer';
import type { CardVerb, MessageCommand } from '../../src/bot/route';
import type { Role } from '../../src/domain/school';
import { DEMO_PEOPLE, generateDemoSchool } from '../../src/schooldata/demo-school';
import type { CapturedActivity, TeamsUser } from '../harness/fake-teams-connector';
import { cardOf, cardText, messageOf, TestBot } from '../harness/test-bot';

// Pupils are in class teams and group chats. Every registered command and card verb is posted
// there as Teams sends it (with the @mention), by someone allowed to use it; nothing personal may
// come back into the shared conversation, and what may not answer there reaches the person privately.

const AS_OF = '2026-03-04';
const NOW = new Date(`${AS_OF}T10:00:00Z`);
const CHANNEL = { teamId: '19:year10-team@thread.tacv2', channelId: '19:year10-general@thread.tacv2' };
const GROUP_CHAT = '19:group-chat-year10@thread.v2';

// What a pupil typed, which must never reach a shared conversation.
const REQUEST_REASON = 'worried about my dyslexia and choosing between college courses';
const PLAN = 'veterinary nurse apprenticeship';

/** What reaches each command (the first matching pattern wins, as in the bot). */
const COMMAND_TEXT: Record<string, string> = {
  help: 'help',
  'my details': 'my details',
  'log link': 'log link',
  'my links': 'my links',
  'my coverage': 'my coverage',
  coverage: 'coverage',
  'record activity': 'record an employer encounter',
  attendance: 'take attendance',
  'school settings': 'school settings',
  report: 'benchmark report',
  'post the digest here': 'post the digest here',
  'stop the digest': 'stop the digest',
  gaps: 'gaps',
  stop: 'stop',
  'book a meeting': 'book a meeting',
  'request a meeting': 'request a meeting',
  meetings: 'my meeting',
  'my diary': 'my diary',
  'add slots': 'add slots',
  'my slots': 'my slots',
  requests: 'requests',
  'my record': 'my record',
  'my plans': 'my plans',
  'pupil record': `record ${DEMO_PEOPLE.pupilYear10.id}`,
  'my actions': 'my actions',
  feedback: 'feedback',
  'link shortcut': 'Y9 maths: ratio and proportion -> nurse',
  leavers: 'leavers',
  'planned activities': 'planned activities',
  'plan an activity': 'plan an activity',
};

/** Data each verb accepts; where it names a pupil, the one whose data must stay private. */
const VERB_DATA: Record<string, Record<string, unknown>> = {
  'report.pupils': { asOf: AS_OF, benchmark: '5', yearGroup: 10 },
  'record.open': { pupilId: DEMO_PEOPLE.pupilYear10.id },
  'actions.done': { actionId: 'no-such-action' },
  'link.subject': { draftId: 'shared-draft', subject: 'Mathematics' },
  'link.save': { draftId: 'shared-draft', subject: 'Mathematics' },
  'link.edit': { linkIds: ['no-such-link'] },
  'link.undo': { linkIds: ['no-such-link'] },
  'link.delete': { linkId: 'no-such-link' },
  'activity.kind': { draftId: 'shared-draft', kind: 'employer_encounter' },
  'activity.save': { draftId: 'shared-draft', kind: 'employer_encounter' },
  'activity.edit': { activityId: 'no-such-activity' },
  'attendance.open': { activityId: 'no-such-activity' },
  'attendance.update': { activityId: 'no-such-activity' },
  'attendance.save': { activityId: 'no-such-activity' },
  'plan.attendance.save': { activityId: 'no-such-activity', pupils: [] },
  'feedback.answer': { activityId: 'no-such-activity', rating: 3 },
  'settings.save': { etag: 'stale' },
  'settings.saveCalendar': { etag: 'stale' },
  'digest.nudge': { yearGroup: 9, subjects: ['Mathematics'] },
  'digest.nudge.send': { missing: [{ yearGroup: 9, subjects: ['Mathematics'] }], teacherIds: ['no-such-teacher'] },
  'meeting.pick': { slotKey: 'no-such-slot' },
  'meeting.book': { slotKey: 'no-such-slot' },
  'meeting.askCancel': { meetingId: 'no-such-meeting' },
  'meeting.cancel': { meetingId: 'no-such-meeting' },
  'meeting.moveTo': { meetingId: 'no-such-meeting', slotKey: 'no-such-slot' },
  'meeting.request': { reason: '', preferredTimes: '' },
  'meeting.acceptOffer': { requestId: 'no-such-request' },
  'slots.day': { date: AS_OF },
  'slots.remove': { slotKey: 'no-such-slot' },
  'requests.offerForm': { requestId: 'no-such-request' },
  'requests.offer': { requestId: 'no-such-request' },
  'meeting.recordForm': { meetingId: 'no-such-meeting' },
  'meeting.record': { meetingId: 'no-such-meeting' },
  'record.savePlans': { kind: '', destination: '' },
  'plan.save': { draftId: 'shared-draft' },
  'plan.edit': { activityId: 'no-such-activity' },
  'plan.move': { activityId: 'no-such-activity' },
  'plan.saveMove': { activityId: 'no-such-activity', etag: 'stale' },
  'plan.cancel': { activityId: 'no-such-activity' },
  'plan.confirmCancel': { activityId: 'no-such-activity', etag: 'stale' },
};

/** Commands that may answer in a channel or group chat: they show nobody's personal data. */
const ANSWER_IN_SHARED = ['help', 'help.more', 'post the digest here', 'stop the digest', 'gaps', 'digest.all'];

/** Whoever may use it, staff first: the careers leader can use almost everything. */
const PREFERRED: readonly Role[] = ['careers_leader', 'pupil', 'careers_adviser', 'teacher', 'senco', 'admin'];
const playerFor = (roles: readonly Role[]) => PREFERRED.find((role) => roles.includes(role))!;

type Where = 'team channel' | 'group chat';

/** What a person reads in a message: its text, or its card's. */
const readable = (activity: CapturedActivity['activity']) =>
  activity.attachments?.length ? cardText(activity) : String(activity.text ?? '');

describe('team channels and group chats', () => {
  let bot: TestBot;
  let users: Partial<Record<Role, TeamsUser>>;

  beforeAll(async () => {
    bot = await TestBot.start({ school: generateDemoSchool({ asOf: AS_OF, pupilsPerYear: 3 }), now: () => NOW });
    users = {
      careers_leader: bot.userFor(DEMO_PEOPLE.careersLeader),
      pupil: bot.userFor(DEMO_PEOPLE.pupilYear10),
      careers_adviser: bot.userFor(DEMO_PEOPLE.adviser),
      teacher: bot.userFor(DEMO_PEOPLE.teacher),
    };
    // Everyone has opened a personal chat with the bot, so a private answer can reach them.
    for (const user of Object.values(users)) await bot.say(user!, 'hello');
    // A pupil's own words, for the adviser's request queue and the pupil's record.
    expect(
      (await bot.execute(users.pupil!, 'meeting.request', { reason: REQUEST_REASON, preferredTimes: 'Tuesday afternoons' })).status,
    ).toBe(200);
    expect((await bot.execute(users.pupil!, 'record.savePlans', { kind: 'aspiration', destination: PLAN })).status).toBe(200);
  });
  afterAll(async () => bot?.stop());

  function activityIn(where: Where, user: TeamsUser) {
    return where === 'team channel' ? bot.channelActivity(user, CHANNEL) : bot.groupChatActivity(user, GROUP_CHAT);
  }

  /** Everything the bot sent after `from`, split into the person's personal chat and everywhere else. */
  function sentSince(from: number, user: TeamsUser): { personal: CapturedActivity['activity'][]; shared: CapturedActivity['activity'][] } {
    const entries = bot.connector.sent.slice(from);
    const personalId = bot.personalConversation(user);
    return {
      personal: entries.filter((entry) => entry.conversationId === personalId).map((entry) => entry.activity),
      shared: entries.filter((entry) => entry.conversationId !== personalId).map((entry) => entry.activity),
    };
  }

  async function personalDataIn(texts: string[]): Promise<string[]> {
    return bot.personalDataIn(texts, [REQUEST_REASON, PLAN]);
  }

  it('has a sample for every registered command and verb, and one list decides where each may answer', () => {
    expect(MESSAGE_COMMANDS.map((command) => command.name).sort()).toEqual(Object.keys(COMMAND_TEXT).sort());
    for (const [name, text] of Object.entries(COMMAND_TEXT))
      expect(MESSAGE_COMMANDS.find((command) => command.pattern.test(text))?.name, text).toBe(name);
    for (const verb of CARD_VERBS) expect(verb.data.safeParse(VERB_DATA[verb.verb] ?? {}).success, verb.verb).toBe(true);
    const shared = [
      ...MESSAGE_COMMANDS.map((command) => [command.name, command] as const),
      ...CARD_VERBS.map((verb) => [verb.verb, verb] as const),
    ]
      .filter(([, entry]) => audienceOf(entry as MessageCommand | CardVerb) === 'any conversation')
      .map(([name]) => name);
    expect(shared.sort()).toEqual([...ANSWER_IN_SHARED].sort());
  });

  describe.each<Where>(['team channel', 'group chat'])('in a %s', (where) => {
    it.each(MESSAGE_COMMANDS.map((command) => [command.name, command] as const))(
      'typed command “%s” posts nothing personal there',
      async (name, command) => {
        const user = users[playerFor(command.roles)]!;
        const from = bot.connector.sent.length;
        const response = await bot.post({ ...activityIn(where, user), type: 'message', ...bot.mentioning(COMMAND_TEXT[name]!) });
        expect(response.status).toBeLessThan(300);
        const { personal, shared } = sentSince(from, user);
        const sharedTexts = shared.map(readable);
        expect(await personalDataIn(sharedTexts), `${name} in a ${where}`).toEqual([]);
        if (audienceOf(command) === 'personal chat') {
          expect(sharedTexts, `${name} in a ${where}`).toEqual([SENT_PRIVATELY]);
          expect(personal.length, `${name}: the answer reached the personal chat`).toBeGreaterThan(0);
        } else {
          expect(sharedTexts.length, `${name} answered in the ${where}`).toBeGreaterThan(0);
          expect(sharedTexts).not.toContain(SENT_PRIVATELY);
        }
      },
    );

    it.each(CARD_VERBS.map((verb) => [verb.verb, verb] as const))('card verb %s posts nothing personal there', async (name, verb) => {
      const user = users[playerFor(verb.roles)]!;
      const from = bot.connector.sent.length;
      const shape = activityIn(where, user);
      const result = await bot.execute(user, name, VERB_DATA[name] ?? {}, {
        conversation: shape.conversation,
        channelData: shape.channelData,
      });
      expect(result.status).toBe(200);
      const answer =
        result.body?.type === 'application/vnd.microsoft.card.adaptive' ? cardText({ body: cardOf(result) }) : messageOf(result);
      const { shared } = sentSince(from, user);
      expect(await personalDataIn([answer, ...shared.map(readable)]), `${name} in a ${where}`).toEqual([]);
      if (audienceOf(verb) === 'personal chat') expect(answer, name).toBe(SENT_PRIVATELY);
    });
  });

  it('sends a pupil’s record asked for in a channel to the personal chat, where it names the pupil', async () => {
    const leader = users.careers_leader!;
    const from = bot.connector.sent.length;
    const shape = bot.channelActivity(leader, CHANNEL);
    const result = await bot.execute(leader, 'record.open', VERB_DATA['record.open']!, {
      conversation: shape.conversation,
      channelData: shape.channelData,
    });
    expect(messageOf(result)).toBe(SENT_PRIVATELY);
    const { personal } = sentSince(from, leader);
    expect(personal).toHaveLength(1);
    expect(cardText(personal[0]!)).toContain(`${DEMO_PEOPLE.pupilYear10.givenName} ${DEMO_PEOPLE.pupilYear10.familyName}`);
    expect(cardText(personal[0]!)).toContain(PLAN);
  });

  it('tells someone with no personal chat yet to ask there, and does nothing', async () => {
    const newcomer = bot.userFor(DEMO_PEOPLE.pupilYear11);
    const from = bot.connector.sent.length;
    const response = await bot.post({ ...bot.channelActivity(newcomer, CHANNEL), type: 'message', ...bot.mentioning('my record') });
    expect(response.status).toBeLessThan(300);
    const { personal, shared } = sentSince(from, newcomer);
    expect(shared.map((activity) => activity.text)).toEqual([ASK_IN_PERSONAL_CHAT]);
    expect(personal).toEqual([]);
  });

  it('lists on the help card in a channel only what answers there, and names nobody', async () => {
    const leader = users.careers_leader!;
    const from = bot.connector.sent.length;
    await bot.post({ ...bot.channelActivity(leader, CHANNEL), type: 'message', ...bot.mentioning('help') });
    const [inChannel] = sentSince(from, leader).shared;
    const channelCard = cardOf(inChannel);
    expect((channelCard.actions ?? []).map((action: { title: string }) => action.title).sort()).toEqual(['Gaps now', 'Weekly digest']);
    expect(cardText(inChannel!)).not.toContain(DEMO_PEOPLE.careersLeader.givenName);
    const [personal] = await bot.say(leader, 'help');
    expect((cardOf(personal).actions ?? []).map((action: { title: string }) => action.title)).toContain('Benchmark report');
  });

  it('says, when added to a team, that the channel needs an @mention, and understands a message that has one', async () => {
    const leader = users.careers_leader!;
    let from = bot.connector.sent.length;
    await bot.post({ ...bot.channelActivity(leader, CHANNEL), type: 'conversationUpdate', membersAdded: [{ id: '28:waypoint-bot' }] });
    const [welcome] = sentSince(from, leader).shared;
    expect(cardText(welcome!)).toMatch(
      /only see messages that @mention me: type “@Waypoint” and then the command, for example “@Waypoint help”/,
    );

    from = bot.connector.sent.length;
    await bot.post({ ...bot.channelActivity(leader, CHANNEL), type: 'message', ...bot.mentioning('gaps') });
    const [gaps] = sentSince(from, leader).shared;
    expect(cardText(gaps!)).toContain('Careers gaps today');
  });

  it('treats a one-to-one conversation with no type (as the Agents Playground sends some) as personal', async () => {
    const pupil = users.pupil!;
    const [reply] = await bot.say(pupil, 'my details', { conversation: { id: bot.personalConversation(pupil), tenantId: pupil.tenantId } });
    expect(cardText(reply!)).toContain(DEMO_PEOPLE.pupilYear10.email);
  });

  it('says it sent something privately only when Teams took it', async () => {
    const leader = users.careers_leader!;
    bot.connector.failNextSends(403);
    const from = bot.connector.sent.length;
    await bot.post({ ...bot.channelActivity(leader, CHANNEL), type: 'message', ...bot.mentioning('my details') });
    const { personal, shared } = sentSince(from, leader);
    expect(personal).toEqual([]);
    expect(shared.map(readable)).toEqual([ASK_IN_PERSONAL_CHAT]);
  });
});
