import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SENT_PRIVATELY } from '../../src/bot/private-answer';
import type { Person, Role } from '../../src/domain/school';
import { notUnderstoodMessage } from '../../src/journeys/help/help-card';
import { cardOf, cardText, person, press, schoolWith, TestBot } from '../harness/test-bot';

// People type what they mean in their own words; each role's ordinary phrasings now open the card
// of the command they mean, and a pupil's name typed with a slip offers the nearest pupils.

const pupil = (id: string, givenName: string, familyName: string, yearGroup: number) =>
  person({ id, role: 'pupil', givenName, familyName, email: `${id.toLowerCase()}@school.example`, yearGroup, form: `${yearGroup}A` });
const staff = (id: string, role: Role, givenName: string) =>
  person({
    id,
    role,
    givenName,
    familyName: 'Staff',
    email: `${givenName.toLowerCase()}@school.example`,
    subjects: role === 'teacher' ? ['Mathematics'] : [],
  });
const ava = pupil('P0001', 'Ava', 'Patel', 10);
const eva = pupil('P0002', 'Eva', 'Patel', 9);
const noah = pupil('P0003', 'Noah', 'Brown', 11);
const teacher = staff('T1', 'teacher', 'Sam');
const leader = staff('S1', 'careers_leader', 'Lee');
const adviser = staff('S2', 'careers_adviser', 'Dana');
const senco = staff('S3', 'senco', 'Kim');
const admin = staff('S4', 'admin', 'Pat');

// Who typed what, and the heading of the card they should get.
const PHRASINGS: [Person, string, string][] = [
  [ava, 'when is my meeting?', 'Your careers meeting'],
  [ava, 'I want to book a meeting please', 'Book a careers guidance meeting'],
  [ava, 'cancel my meeting', 'Your careers meeting'],
  [ava, 'what have I done so far?', 'My careers record'],
  [teacher, 'I want to log a link', 'Log a careers link'],
  [teacher, 'show my links please', 'My careers links'],
  [teacher, 'take the register for the careers fair', 'Attendance'],
  [leader, 'how are we doing on benchmark 5?', 'Benchmark report'],
  [leader, 'report Year 10', 'Benchmark report: Year 10'],
  [leader, 'what are our gaps?', 'Careers gaps today'],
  [adviser, 'when is my next meeting?', 'Diary: Dana Staff'],
  [adviser, 'I want to add some slots', 'Add meeting slots'],
  [adviser, "show me Ava Patel's record", 'Careers record: Ava Patel'],
  [senco, 'show me SEND pupils', 'Benchmark report: SEND pupils'],
  [senco, 'how are we doing on benchmark 5?', 'Benchmark report'],
  [senco, 'look up Ava Patel', 'Careers record: Ava Patel'],
  [admin, 'how are we doing on benchmark 5?', 'Benchmark report'],
  [admin, 'what are the gaps?', 'Careers gaps today'],
  [admin, 'open the settings please', 'School settings'],
];

describe('ordinary phrasings at the bot', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({
      school: schoolWith([ava, eva, noah, teacher, leader, adviser, senco, admin], {
        curriculum: [{ subject: 'Mathematics', yearGroups: [7, 8, 9, 10, 11] }],
      }),
    });
  });
  afterAll(async () => bot.stop());

  it.each(PHRASINGS.map(([who, text, heading]) => [who.role, text, heading, who] as const))(
    '%s: "%s" opens “%s”',
    async (_role, text, heading, who) => {
      const replies = await bot.say(bot.userFor(who), text);
      expect(replies).toHaveLength(1);
      expect(cardText(cardOf(replies[0])).split('\n')[0]).toContain(heading);
    },
  );

  it(
    'gives pupils and teachers nothing staff-only for "report Year 10" (now a command of its own: who may run it) or "show me ' +
      'SEND pupils" (the usual not-understood answer)',
    async () => {
      for (const who of [ava, teacher]) {
        const replies = await bot.say(bot.userFor(who), 'report Year 10');
        expect(replies.map((reply) => [reply.text, reply.attachments ?? []])).toEqual([
          [
            'Sorry, only the careers leader, administrators, the SENCO or careers advisers can do that in Waypoint. Type ' +
              '“help” to see what you can do.',
            [],
          ],
        ]);
        const send = await bot.say(bot.userFor(who), 'show me SEND pupils');
        expect(send.map((reply) => reply.text)).toEqual([notUnderstoodMessage()]);
      }
    },
  );

  it('offers the nearest pupils for "record Ava Patell", and a button opens the record', async () => {
    const user = bot.userFor(adviser);
    const [reply] = await bot.say(user, 'record Ava Patell');
    const card = cardOf(reply);
    const text = cardText(card);
    expect(text).toContain('Did you mean…?');
    expect(text).toContain('I couldn’t find a pupil called “Ava Patell”.');
    expect(text).toContain('Eva Patel, Year 9, 9A, P0002');
    expect(text).not.toContain('Noah');
    expect(cardText(cardOf(await press(bot, user, card, 'Ava Patel, Year 10, 10A, P0001')))).toContain('Careers record: Ava Patel');
  });

  it('still says plainly when no pupil is even close', async () => {
    const [reply] = await bot.say(bot.userFor(senco), 'record Zara Whyte');
    expect(reply?.text).toBe('I couldn’t find a pupil called “Zara Whyte”. Try their surname or their school id.');
  });

  it('tells an administrator who may open pupils’ records, politely, and opens none', async () => {
    const user = bot.userFor(admin);
    for (const text of ['record Ava Patel', 'record Ava Patell', 'record P0001']) {
      const replies = await bot.say(user, text);
      expect(replies, text).toHaveLength(1);
      expect(replies[0]!.attachments ?? [], text).toEqual([]);
      expect(replies[0]!.text).toBe(
        'Sorry, only careers advisers, the careers leader or the SENCO can open a pupil’s careers record, which holds the ' +
          'advice they were given. ' +
          'As an administrator you can see the benchmark report and the gaps, which count pupils without opening anyone’s record. ' +
          'If you need something from a record, please ask one of them, as only they can do that in Waypoint. Type “help” ' +
          'to see what you can do.',
      );
    }
    // A pupil gets the usual answer, naming who may.
    expect((await bot.say(bot.userFor(ava), 'record Noah Brown'))[0]!.text).toBe(
      'Sorry, only careers advisers, the careers leader or the SENCO can do that in Waypoint. Type “help” to see what you can do.',
    );
  });

  it(
    'offers an administrator no record action: not on the help card, its “More” list, the fallback card, nor for an ordinary ' + 'phrasing',
    async () => {
      const user = bot.userFor(admin);
      const recordActions = (card: unknown) => {
        const json = JSON.stringify(card);
        return [...json.matchAll(/"command":"([^"]*)"/g)]
          .map((match) => match[1]!)
          .filter((command) => /record/i.test(command) && command !== 'record activity');
      };
      const help = cardOf((await bot.say(user, 'help'))[0]);
      expect(cardText(help)).not.toContain('Pupil record');
      expect(recordActions(help)).toEqual([]);
      const all = cardOf(await press(bot, user, help, 'More'));
      expect(cardText(all)).toContain('School settings');
      expect(cardText(all)).not.toContain('Pupil record');
      expect(recordActions(all)).toEqual([]);
      for (const text of ["show me Ava Patel's record", 'look up Ava Patel', 'purple bananas on Tuesday']) {
        const [reply] = await bot.say(user, text);
        expect(reply?.text, text).toBe(notUnderstoodMessage());
        const fallback = cardOf(reply);
        expect(cardText(fallback), text).not.toContain('record');
        expect(recordActions(fallback), text).toEqual([]);
      }
    },
  );

  it('keeps each command’s audience in a channel: the report goes privately, the gaps answer in the channel', async () => {
    const channel = { teamId: '19:staff@thread.tacv2', channelId: '19:staff-general@thread.tacv2' };
    const user = bot.userFor(leader);
    await bot.say(user, 'hello');
    const before = bot.connector.sent.length;
    await bot.sayInChannel(user, channel, 'how are we doing on benchmark 5?');
    const sent = bot.connector.sent.slice(before);
    const inTheChannel = sent.filter((entry) => entry.conversationId.startsWith(channel.channelId));
    expect(inTheChannel.map((entry) => entry.activity.text)).toEqual([SENT_PRIVATELY]);
    const inPrivate = sent.filter((entry) => !entry.conversationId.startsWith(channel.channelId));
    expect(inPrivate.map((entry) => cardText(cardOf(entry.activity)).split('\n')[0])).toEqual(['Benchmark report']);
    const inChannel = await bot.sayInChannel(user, channel, 'what are our gaps?');
    expect(cardText(cardOf(inChannel[0]))).toContain('Careers gaps today');
  });
});
