import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalChatKey } from '../../src/storage/conversation-store';
import type { TeamsUser } from '../harness/fake-teams-connector';
import { cardText, person, SCHOOL_ID, schoolWith, TEST_TENANT, TestBot } from '../harness/test-bot';
import { HELP_VERBS } from '../../src/journeys/help/help-verbs';
import { TABLE_NAMES } from '../../src/storage/table-storage';
import { snapshotStorage } from './storage-snapshot';

// The Bot Framework token binds the channel id and the service URL. Teams writes `from`,
// `conversation` and `channelData` itself; Web Chat and Direct Line let their client choose them.
// So only a Teams activity may say who its sender is, and only `conversation.tenantId` says where from.

const ava = person({
  id: 'P1',
  role: 'pupil',
  givenName: 'Ava',
  familyName: 'Patel',
  email: 'ava.patel@school.example',
  yearGroup: 7,
  form: '7A',
});
const leader = person({ id: 'S1', role: 'careers_leader', givenName: 'Helen', familyName: 'Marsh', email: 'helen.marsh@school.example' });
const CHANNEL = { teamId: '19:careers-team@thread.tacv2', channelId: '19:careers-general@thread.tacv2' };
const OTHER_CHANNEL_ANSWER = /works only in Microsoft Teams/;

describe('activities that Teams did not vouch for', () => {
  let bot: TestBot;
  let pupil: TeamsUser;

  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith([ava, leader]) });
    pupil = bot.userFor(ava);
    // Ava has used Waypoint in Teams: her personal chat is on record for proactive messages.
    expect(cardText((await bot.say(pupil, 'my record'))[0]!)).toContain('Year 7');
    const helen = bot.userFor(leader);
    await bot.say(helen, 'hello');
    await bot.sayInChannel(helen, CHANNEL, 'post the digest here');
  });
  afterAll(async () => bot?.stop());

  /** What a Web Chat client can send: a made-up sender carrying Ava's object id, the tenant only in channelData. */
  const forged = (overrides: Record<string, unknown> = {}) => ({
    ...bot.baseActivity(pupil),
    channelId: 'webchat',
    from: { id: 'dl_made-up-user', name: 'Ava Patel', aadObjectId: pupil.aadObjectId },
    conversation: { id: 'webchat-conversation-1', conversationType: 'personal' },
    channelData: { tenant: { id: TEST_TENANT } },
    ...overrides,
  });

  // (Once per test: the outbox spaces messages to one chat a second apart.)
  const avasNextCard = async (key: string) => {
    await bot.waypoint.services.outbox.enqueue({
      schoolId: SCHOOL_ID,
      key,
      to: { kind: 'person', personId: ava.id },
      text: `Question ${key}`,
    });
    await bot.waypoint.outboxSender.flush();
    return bot.connector.sent.filter((entry) => entry.activity.text === `Question ${key}`).map((entry) => entry.conversationId);
  };

  it('answers a message from another channel with one polite line, not as the pupil, and writes nothing', async () => {
    const before = await snapshotStorage(bot, TABLE_NAMES);
    const from = bot.connector.sent.length;
    const response = await bot.post({ ...forged(), type: 'message', text: 'my record' });
    expect(response.status).toBe(200);
    const replies = bot.connector.sent.slice(from).map((entry) => entry.activity);
    expect(replies.map((reply) => reply.text)).toEqual([expect.stringMatching(OTHER_CHANNEL_ANSWER)]);
    expect(replies.map((reply) => cardText(reply)).join('\n')).not.toMatch(/careers record|Year 7|7A|Ava/);
    expect(await snapshotStorage(bot, TABLE_NAMES)).toEqual(before);
  });

  it('leaves the pupil’s personal chat where it was, so her next card still reaches her in Teams', async () => {
    await bot.post({ ...forged(), type: 'message', text: 'hello' });
    const saved = await bot.waypoint.services.conversations.find(SCHOOL_ID, personalChatKey(ava.id));
    expect(saved?.conversation?.id).toBe(bot.personalConversation(pupil));
    expect(await avasNextCard('after-forgery')).toEqual([bot.personalConversation(pupil)]);
  });

  it('answers a card tap from another channel on the card, changing nothing', async () => {
    const before = await snapshotStorage(bot, TABLE_NAMES);
    const from = bot.connector.sent.length;
    const response = await bot.post({
      ...forged(),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: HELP_VERBS.run.name, data: { command: 'my record' } }, trigger: 'manual' },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { value?: string };
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(body.value).toMatch(OTHER_CHANNEL_ANSWER);
    expect(bot.connector.sent.slice(from)).toEqual([]);
    expect(await snapshotStorage(bot, TABLE_NAMES)).toEqual(before);
  });

  it('ignores a forged “bot removed from the team”, so the digest keeps its channel', async () => {
    const from = bot.connector.sent.length;
    const response = await bot.post({
      ...forged({ channelData: { tenant: { id: TEST_TENANT }, team: { id: CHANNEL.teamId } } }),
      type: 'conversationUpdate',
      membersRemoved: [{ id: '28:waypoint-bot' }],
    });
    expect(response.status).toBeLessThan(300);
    expect(await bot.waypoint.services.digests.registration(SCHOOL_ID)).toMatchObject({ teamId: CHANNEL.teamId });
    expect(bot.connector.sent.slice(from)).toEqual([]);
  });

  it('takes the tenant from the conversation only: a Teams activity with it only in channelData is another organisation', async () => {
    const before = await snapshotStorage(bot, TABLE_NAMES);
    const { tenantId: _tenant, ...conversation } = bot.baseActivity(pupil).conversation;
    const replies = await bot.say(pupil, 'my record', { conversation: { ...conversation, id: 'a:personal-elsewhere' } });
    expect(replies.map((reply) => reply.text)).toEqual([expect.stringMatching(/set up for another organisation/)]);
    expect(await snapshotStorage(bot, TABLE_NAMES)).toEqual(before);
  });

  it('serves no one whose roster entry is another user: the object id must be the one the roster API returns', async () => {
    const newcomer = bot.userFor(
      person({ id: 'X9', role: 'pupil', givenName: 'Zed', familyName: 'Nobody', email: 'zed@elsewhere.example' }),
    );
    // Ava's Teams id (so the roster API answers with Ava) but a user Waypoint has never seen.
    const before = await snapshotStorage(bot, TABLE_NAMES);
    const replies = await bot.say(newcomer, 'my record', {
      from: { id: pupil.id, name: 'Ava Patel', aadObjectId: newcomer.aadObjectId },
      conversation: { id: 'a:personal-newcomer', conversationType: 'personal', tenantId: TEST_TENANT },
    });
    expect(replies.map((reply) => reply.text)).toEqual([expect.stringMatching(/can’t find you on your school’s roster/)]);
    expect(await snapshotStorage(bot, TABLE_NAMES)).toEqual(before);
    expect(await bot.waypoint.services.identities.find({ tenantId: TEST_TENANT, aadObjectId: newcomer.aadObjectId })).toBeUndefined();
  });
});
