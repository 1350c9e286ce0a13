import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_VERBS, MESSAGE_COMMANDS } from '../../src/journeys';
import { ROLE_GROUP_NAMES } from '../../src/domain/roles';
import { ROLES, type Role } from '../../src/domain/school';
import { DEMO_PEOPLE, generateDemoSchool } from '../../src/schooldata/demo-school';
import type { TeamsUser } from '../harness/fake-teams-connector';
import { cardText, TestBot, type InvokeResult } from '../harness/test-bot';
import { changedTables, snapshotStorage } from './storage-snapshot';

// Who may do what, for every registered command and card verb. The tables below are the decision;
// the registry must agree with them, so a new command or verb fails here until someone decides
// which roles may use it, and each decision is then exercised against the running bot.

const AS_OF = '2026-03-04';
const NOW = new Date(`${AS_OF}T10:00:00Z`);

const ALL: readonly Role[] = ROLES;
const STAFF: readonly Role[] = ['teacher', 'careers_leader', 'careers_adviser', 'senco', 'admin'];
const PUPIL: readonly Role[] = ['pupil'];
const RECORDERS: readonly Role[] = ['teacher', 'careers_leader', 'careers_adviser'];
const LEADER_ADMIN: readonly Role[] = ['careers_leader', 'admin'];
const REPORT_READERS: readonly Role[] = ['careers_leader', 'careers_adviser', 'senco', 'admin'];
const ADVISERS: readonly Role[] = ['careers_adviser', 'careers_leader'];
const RECORD_READERS: readonly Role[] = ['careers_adviser', 'careers_leader', 'senco'];

interface CommandRow {
  roles: readonly Role[];
  /** What a user types to reach this command (checked to reach it and no earlier one). */
  text: string;
  /** Allowed roles for whom this must still write nothing (e.g. a pupil's "X: Y" is not a link). */
  writesNothingFor?: readonly Role[];
}

interface VerbRow {
  roles: readonly Role[];
  /** The smallest data of the right shape: it passes the verb's own schema. */
  data: Record<string, unknown>;
}

/** Every typed command, by its registered name. */
const COMMAND_MATRIX: Record<string, CommandRow> = {
  help: { roles: ALL, text: 'help' },
  'my details': { roles: ALL, text: 'my details' },
  'log link': { roles: STAFF, text: 'log link' },
  'my links': { roles: STAFF, text: 'my links' },
  'my coverage': { roles: STAFF, text: 'my coverage' },
  coverage: { roles: STAFF, text: 'coverage' },
  'record activity': { roles: RECORDERS, text: 'record an employer encounter' },
  attendance: { roles: RECORDERS, text: 'take attendance' },
  'school settings': { roles: LEADER_ADMIN, text: 'school settings' },
  report: { roles: REPORT_READERS, text: 'benchmark report' },
  leavers: { roles: REPORT_READERS, text: 'this year’s leavers' },
  'post the digest here': { roles: LEADER_ADMIN, text: 'post the digest here' },
  'stop the digest': { roles: LEADER_ADMIN, text: 'stop the digest' },
  gaps: { roles: LEADER_ADMIN, text: 'gaps' },
  stop: { roles: ALL, text: 'stop' },
  'book a meeting': { roles: PUPIL, text: 'book a meeting' },
  'request a meeting': { roles: PUPIL, text: 'request a meeting' },
  meetings: { roles: [...PUPIL, ...ADVISERS], text: 'my meeting' },
  'my diary': { roles: ADVISERS, text: 'my diary' },
  'add slots': { roles: ADVISERS, text: 'add slots' },
  'my slots': { roles: ADVISERS, text: 'my slots' },
  requests: { roles: ADVISERS, text: 'requests' },
  'my record': { roles: PUPIL, text: 'my record' },
  'my plans': { roles: PUPIL, text: 'my plans' },
  'pupil record': { roles: RECORD_READERS, text: `record ${DEMO_PEOPLE.pupilYear11.id}` },
  'my actions': { roles: PUPIL, text: 'my actions' },
  // Planning ahead: whoever may record an activity.
  'planned activities': { roles: RECORDERS, text: 'planned activities' },
  'plan an activity': { roles: RECORDERS, text: 'plan an employer encounter' },
  feedback: { roles: ADVISERS, text: 'pupil feedback' },
  // Everyone reaches the loose shortcut; a pupil's is answered as not understood and records nothing.
  'link shortcut': { roles: ALL, text: 'Y9 maths: ratio and proportion -> nurse', writesNothingFor: PUPIL },
};

/** Every Action.Execute verb. */
const VERB_MATRIX: Record<string, VerbRow> = {
  'help.more': { roles: ALL, data: {} },
  'link.start': { roles: STAFF, data: {} },
  'link.subject': { roles: STAFF, data: { draftId: 'matrix-draft', subject: 'Mathematics' } },
  'link.save': { roles: STAFF, data: { draftId: 'matrix-draft', subject: 'Mathematics' } },
  'link.edit': { roles: STAFF, data: { linkIds: ['no-such-link'] } },
  'link.undo': { roles: STAFF, data: { linkIds: ['no-such-link'] } },
  'link.delete': { roles: STAFF, data: { linkId: 'no-such-link' } },
  'link.mine': { roles: STAFF, data: {} },
  'link.coverage': { roles: STAFF, data: {} },
  'activity.start': { roles: RECORDERS, data: {} },
  'activity.kind': { roles: RECORDERS, data: { draftId: 'matrix-draft', kind: 'employer_encounter' } },
  'activity.save': { roles: RECORDERS, data: { draftId: 'matrix-draft', kind: 'employer_encounter' } },
  'activity.edit': { roles: RECORDERS, data: { activityId: 'no-such-activity' } },
  'attendance.open': { roles: RECORDERS, data: { activityId: 'no-such-activity' } },
  'attendance.update': { roles: RECORDERS, data: { activityId: 'no-such-activity' } },
  'attendance.save': { roles: RECORDERS, data: { activityId: 'no-such-activity' } },
  'settings.open': { roles: LEADER_ADMIN, data: {} },
  'settings.save': { roles: LEADER_ADMIN, data: { etag: 'stale' } },
  'settings.calendar': { roles: LEADER_ADMIN, data: {} },
  'settings.saveCalendar': { roles: LEADER_ADMIN, data: { etag: 'stale' } },
  'report.show': { roles: REPORT_READERS, data: {} },
  'report.gaps': { roles: REPORT_READERS, data: {} },
  'report.pupils': { roles: REPORT_READERS, data: { asOf: AS_OF, benchmark: '8', yearGroup: 10 } },
  'digest.all': { roles: LEADER_ADMIN, data: {} },
  'digest.nudge': { roles: LEADER_ADMIN, data: { yearGroup: 9, subjects: ['Underwater basket weaving'] } },
  'digest.nudge.send': {
    roles: LEADER_ADMIN,
    data: { missing: [{ yearGroup: 9, subjects: ['Underwater basket weaving'] }], teacherIds: ['no-such-teacher'] },
  },
  'digest.nudge.cancel': { roles: LEADER_ADMIN, data: {} },
  'meeting.slots': { roles: PUPIL, data: {} },
  'meeting.pick': { roles: PUPIL, data: { slotKey: 'no-such-slot' } },
  'meeting.book': { roles: PUPIL, data: { slotKey: 'no-such-slot' } },
  'meeting.mine': { roles: PUPIL, data: {} },
  'meeting.askCancel': { roles: PUPIL, data: { meetingId: 'no-such-meeting' } },
  'meeting.cancel': { roles: PUPIL, data: { meetingId: 'no-such-meeting' } },
  'meeting.moveTo': { roles: PUPIL, data: { meetingId: 'no-such-meeting', slotKey: 'no-such-slot' } },
  'meeting.requestForm': { roles: PUPIL, data: {} },
  'meeting.request': { roles: PUPIL, data: { reason: '', preferredTimes: '' } },
  'meeting.acceptOffer': { roles: PUPIL, data: { requestId: 'no-such-request' } },
  'diary.show': { roles: ADVISERS, data: {} },
  'slots.form': { roles: ADVISERS, data: {} },
  'slots.add': { roles: ADVISERS, data: {} },
  'slots.list': { roles: ADVISERS, data: {} },
  'slots.day': { roles: ADVISERS, data: { date: AS_OF } },
  'slots.remove': { roles: ADVISERS, data: { slotKey: 'no-such-slot' } },
  'requests.list': { roles: ADVISERS, data: {} },
  'requests.offerForm': { roles: ADVISERS, data: { requestId: 'no-such-request' } },
  'requests.offer': { roles: ADVISERS, data: { requestId: 'no-such-request' } },
  'meeting.recordForm': { roles: ADVISERS, data: { meetingId: 'no-such-meeting' } },
  'meeting.record': { roles: ADVISERS, data: { meetingId: 'no-such-meeting' } },
  'record.open': { roles: [...PUPIL, ...RECORD_READERS], data: {} },
  'record.plansForm': { roles: PUPIL, data: {} },
  'record.savePlans': { roles: PUPIL, data: { kind: '', destination: '' } },
  'record.addToActivity': { roles: RECORDERS, data: {} },
  'actions.mine': { roles: PUPIL, data: {} },
  'actions.done': { roles: [...PUPIL, ...ADVISERS], data: { actionId: 'no-such-action' } },
  // Planning ahead.
  'plan.list': { roles: RECORDERS, data: {} },
  'plan.start': { roles: RECORDERS, data: {} },
  'plan.save': { roles: RECORDERS, data: { draftId: 'matrix-draft' } },
  'plan.edit': { roles: RECORDERS, data: { activityId: 'no-such-activity' } },
  'plan.move': { roles: RECORDERS, data: { activityId: 'no-such-activity' } },
  'plan.saveMove': { roles: RECORDERS, data: { activityId: 'no-such-activity', etag: 'stale' } },
  'plan.cancel': { roles: RECORDERS, data: { activityId: 'no-such-activity' } },
  'plan.confirmCancel': { roles: RECORDERS, data: { activityId: 'no-such-activity', etag: 'stale' } },
  'plan.attendance.save': { roles: RECORDERS, data: { activityId: 'no-such-activity', pupils: [] } },
  'feedback.answer': { roles: PUPIL, data: { activityId: 'no-such-activity', rating: 3 } },
  'feedback.results': { roles: ADVISERS, data: {} },
};

const sorted = (roles: readonly string[]) => [...roles].sort();

/** The roster person who plays each role. */
const PLAYERS: Record<Role, (typeof DEMO_PEOPLE)[keyof typeof DEMO_PEOPLE]> = {
  pupil: DEMO_PEOPLE.pupilYear10,
  teacher: DEMO_PEOPLE.teacher,
  careers_leader: DEMO_PEOPLE.careersLeader,
  careers_adviser: DEMO_PEOPLE.adviser,
  senco: DEMO_PEOPLE.senco,
  admin: DEMO_PEOPLE.admin,
};

type Outsider = 'someone not on the roster' | 'the careers leader of another organisation';
const OUTSIDER_ANSWERS: Record<Outsider, RegExp> = {
  'someone not on the roster': /can’t find you on your school’s roster/,
  'the careers leader of another organisation': /set up for another organisation/,
};

/** What a user sees after an action: the chat replies, or the card or message an invoke returned. */
interface Seen {
  texts: string[];
  /** The words of the polite refusal, when that is all the user got. */
  refusal?: string;
}

function refusalOf(texts: string[]): string | undefined {
  return texts.length === 1 && texts[0]!.startsWith('Sorry, only ') ? texts[0] : undefined;
}

describe('the authorisation matrix: every command and card verb, for every role', () => {
  let bot: TestBot;
  let users: Record<Role, TeamsUser>;
  let outsiders: Record<Outsider, TeamsUser>;

  beforeAll(async () => {
    bot = await TestBot.start({ school: generateDemoSchool({ asOf: AS_OF, pupilsPerYear: 3 }), now: () => NOW });
    users = Object.fromEntries(ROLES.map((role) => [role, bot.userFor(PLAYERS[role])])) as Record<Role, TeamsUser>;
    outsiders = {
      'someone not on the roster': bot.userFor({
        id: 'X404',
        givenName: 'Nemo',
        familyName: 'Outsider',
        email: 'nemo.outsider@northfield.example',
      }),
      'the careers leader of another organisation': bot.userFor(DEMO_PEOPLE.careersLeader, 'd3adbeef-0000-4000-8000-0000000000ff'),
    };
  });
  afterAll(async () => bot?.stop());

  it('has a decision for every registered command and verb, equal to the roles registered', () => {
    expect(sorted(MESSAGE_COMMANDS.map((command) => command.name))).toEqual(sorted(Object.keys(COMMAND_MATRIX)));
    expect(sorted(CARD_VERBS.map((verb) => verb.verb))).toEqual(sorted(Object.keys(VERB_MATRIX)));
    for (const command of MESSAGE_COMMANDS)
      expect(sorted(command.roles), `command “${command.name}”`).toEqual(sorted(COMMAND_MATRIX[command.name]!.roles));
    for (const verb of CARD_VERBS) expect(sorted(verb.roles), `verb ${verb.verb}`).toEqual(sorted(VERB_MATRIX[verb.verb]!.roles));
  });

  it('reaches each command with its sample text, and passes each verb’s own data check with its sample data', () => {
    for (const [name, row] of Object.entries(COMMAND_MATRIX)) {
      // The first matching pattern wins, as in the bot.
      expect(MESSAGE_COMMANDS.find((command) => command.pattern.test(row.text))?.name, `“${row.text}”`).toBe(name);
    }
    for (const verb of CARD_VERBS) expect(verb.data.safeParse(VERB_MATRIX[verb.verb]!.data).success, verb.verb).toBe(true);
  });

  async function say(user: TeamsUser, text: string): Promise<Seen> {
    const replies = await bot.say(user, text);
    const texts = replies.map((reply) => (reply.attachments?.length ? cardText(reply) : String(reply.text ?? '')));
    return { texts, refusal: refusalOf(texts) };
  }

  async function execute(user: TeamsUser, verb: string, data: Record<string, unknown>): Promise<Seen> {
    const result: InvokeResult = await bot.execute(user, verb, data);
    expect(result.status, `${verb} answered HTTP ${result.status}: ${JSON.stringify(result.body)}`).toBe(200);
    const body = result.body;
    const texts =
      body?.type === 'application/vnd.microsoft.activity.message'
        ? [String(body.value)]
        : body?.type === 'application/vnd.microsoft.card.adaptive'
          ? [cardText({ body: body.value })]
          : [`unexpected answer ${JSON.stringify(body)}`];
    return { texts, refusal: refusalOf(texts) };
  }

  /**
   * Runs one entry for every role and outsider. Everyone refused goes first, as one batch between
   * two snapshots (a write shows its keys in the failure); then the allowed roles.
   */
  async function checkEntry(
    label: string,
    allowed: readonly Role[],
    act: (user: TeamsUser) => Promise<Seen>,
    writesNothingFor: readonly Role[] = [],
  ) {
    const refused = ROLES.filter((candidate) => !allowed.includes(candidate));
    const before = await snapshotStorage(bot);
    for (const role of refused) {
      const seen = await act(users[role]);
      expect(seen.refusal, `${label} as ${role}: ${seen.texts.join(' | ')}`).toBeDefined();
      expect(seen.refusal, `${label} as ${role}`).toMatch(
        /^Sorry, only .+ can do that in Waypoint\. Type “help” to see what you can do\.$/,
      );
      for (const allowedRole of allowed) expect(seen.refusal, `${label} as ${role} names who may`).toContain(ROLE_GROUP_NAMES[allowedRole]);
    }
    for (const [who, answer] of Object.entries(OUTSIDER_ANSWERS) as Array<[Outsider, RegExp]>) {
      const seen = await act(outsiders[who]);
      expect(seen.texts, `${label} as ${who}`).toHaveLength(1);
      expect(seen.texts[0], `${label} as ${who}`).toMatch(answer);
    }
    expect(
      changedTables(before, await snapshotStorage(bot)),
      `${label} refused to ${[...refused, 'outsiders'].join(', ')}, yet storage changed`,
    ).toEqual({});

    for (const role of allowed) {
      const ownBefore = writesNothingFor.includes(role) ? await snapshotStorage(bot) : undefined;
      const seen = await act(users[role]);
      expect(seen.texts.length, `${label} as ${role} got no answer`).toBeGreaterThan(0);
      for (const text of seen.texts) expect(text, `${label} as ${role}`).not.toMatch(/Sorry, only /);
      if (ownBefore) expect(changedTables(ownBefore, await snapshotStorage(bot)), `${label} as ${role} wrote`).toEqual({});
    }
  }

  it.each(Object.entries(COMMAND_MATRIX))('typed command “%s”', async (_name, row) => {
    await checkEntry(`“${row.text}”`, row.roles, (user) => say(user, row.text), row.writesNothingFor);
  });

  it.each(Object.entries(VERB_MATRIX))('card verb %s', async (verb, row) => {
    await checkEntry(verb, row.roles, (user) => execute(user, verb, row.data));
  });
});
