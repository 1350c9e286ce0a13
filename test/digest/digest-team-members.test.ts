import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUPILS_IN_CHAT_MESSAGE, PUPILS_IN_TEAM_MESSAGE } from '../../src/journeys/digest/team-pupils';
import { DEMO_PEOPLE, generateDemoSchool } from '../../src/schooldata/demo-school';
import type { TeamsUser } from '../harness/fake-teams-connector';
import { cardText, SCHOOL_ID, TestBot } from '../harness/test-bot';

// The digest counts pupils by year group and group: it never goes to a team pupils are in. Who is
// in the team comes from the Teams roster API (paged; the fake answers two members a page).

const MONDAY_9AM = new Date('2026-03-09T09:00:00Z');
const CHANNEL = { teamId: '19:year10-class@thread.tacv2', channelId: '19:year10-general@thread.tacv2' };

describe('the digest and teams with pupils in them', () => {
  let bot: TestBot;
  let leader: TeamsUser;
  let staff: TeamsUser[];
  let pupil: TeamsUser;

  beforeAll(async () => {
    bot = await TestBot.start({ school: generateDemoSchool({ asOf: '2026-03-06', pupilsPerYear: 6 }), now: () => MONDAY_9AM });
    leader = bot.userFor(DEMO_PEOPLE.careersLeader);
    staff = [leader, bot.userFor(DEMO_PEOPLE.teacher), bot.userFor(DEMO_PEOPLE.adviser), bot.userFor(DEMO_PEOPLE.senco)];
    pupil = bot.userFor(DEMO_PEOPLE.pupilYear10);
    await bot.say(leader, 'hello');
  });
  afterAll(async () => bot?.stop());

  const registration = () =>
    bot.waypoint.services.storage
      .table('channels')
      .getEntity(SCHOOL_ID, 'digest')
      .then(
        () => true,
        () => false,
      );

  it('refuses “post the digest here” in a team with a pupil in it, however far down its member list', async () => {
    bot.connector.setTeamMembers(CHANNEL.teamId, [...staff, pupil]);
    const replies = await bot.sayInChannel(leader, CHANNEL, 'post the digest here');
    expect(replies.map((reply) => reply.text)).toEqual([PUPILS_IN_TEAM_MESSAGE]);
    expect(await registration()).toBe(false);
  });

  it('sets nothing up when Teams cannot say who is in the team', async () => {
    bot.connector.setTeamMembers(CHANNEL.teamId, 'unavailable');
    const replies = await bot.sayInChannel(leader, CHANNEL, 'post the digest here');
    // (The roster call is retried for a few seconds, so Teams is shown typing meanwhile.)
    expect(replies.filter((reply) => reply.type === 'message').map((reply) => reply.text)).toEqual([
      'I couldn’t check who is in this team, so I haven’t set up the digest here. Please try again in a few minutes.',
    ]);
    expect(await registration()).toBe(false);
  });

  it('accepts a team of staff only', async () => {
    bot.connector.setTeamMembers(CHANNEL.teamId, staff);
    const [done] = await bot.sayInChannel(leader, CHANNEL, 'post the digest here');
    expect(done!.text).toMatch(/^Done: I’ll post the careers digest here/);
    expect(await registration()).toBe(true);
  });

  it('posts nothing while Teams cannot say who is in the team, and tries again on the next run', async () => {
    bot.connector.setTeamMembers(CHANNEL.teamId, 'unavailable');
    const from = bot.connector.sent.length;
    const [run] = await bot.waypoint.jobs.runWeeklyDigest(MONDAY_9AM);
    expect(run!.outcome).toBe('team-unchecked');
    expect(bot.connector.sent.slice(from)).toEqual([]);
    expect(await registration()).toBe(true);
  });

  it('does not post the weekly digest once a pupil has joined the team, stops it, and tells the careers leader why', async () => {
    bot.connector.setTeamMembers(CHANNEL.teamId, [pupil, ...staff]);
    const from = bot.connector.sent.length;
    const [run] = await bot.waypoint.jobs.runWeeklyDigest(MONDAY_9AM);
    expect(run!.outcome).toBe('pupils-in-team');
    const sent = bot.connector.sent.slice(from);
    expect(sent.filter((entry) => entry.conversationId.startsWith(CHANNEL.channelId))).toEqual([]);
    const toLeader = sent
      .filter((entry) => entry.conversationId === bot.personalConversation(leader))
      .map((entry) => cardText(entry.activity));
    expect(toLeader).toHaveLength(1);
    expect(toLeader[0]).toMatch(
      /haven’t posted this week’s careers digest, and I’ve stopped posting it: the team where it went now has pupils in it/,
    );
    expect(await registration()).toBe(false);
  });

  describe('“gaps” typed where others read it', () => {
    const CHAT = '19:careers-and-year-10@thread.v2';
    const gapsInChat = async () => {
      const from = bot.connector.sent.length;
      const response = await bot.post({ ...bot.groupChatActivity(leader, CHAT), type: 'message', ...bot.mentioning('gaps') });
      expect(response.status).toBe(200);
      return bot.connector.sent.slice(from).filter((entry) => entry.activity.type === 'message');
    };

    it('refuses in a group chat with a pupil in it, posting no counts there', async () => {
      bot.connector.setTeamMembers(CHAT, [...staff, pupil]);
      const sent = await gapsInChat();
      expect(sent.map((entry) => [entry.conversationId, entry.activity.text])).toEqual([[CHAT, PUPILS_IN_CHAT_MESSAGE]]);
      expect(sent.map((entry) => cardText(entry.activity)).join('\n')).not.toContain('Careers gaps today');
    });

    it('shows nothing when Teams cannot say who is in the chat', async () => {
      bot.connector.setTeamMembers(CHAT, 'unavailable');
      const sent = await gapsInChat();
      expect(sent.map((entry) => entry.activity.text)).toEqual([expect.stringMatching(/couldn’t check who can read this conversation/)]);
    });

    it('refuses in a channel of a team with a pupil in it', async () => {
      bot.connector.setTeamMembers(CHANNEL.teamId, [pupil, ...staff]);
      const replies = await bot.sayInChannel(leader, CHANNEL, 'gaps');
      expect(replies.map((reply) => reply.text)).toEqual([PUPILS_IN_CHAT_MESSAGE]);
    });

    it('shows the gaps in a group chat of staff only', async () => {
      bot.connector.setTeamMembers(CHAT, staff);
      const [card] = await gapsInChat();
      expect(card!.conversationId).toBe(CHAT);
      expect(cardText(card!.activity)).toContain('Careers gaps today');
    });
  });
});
