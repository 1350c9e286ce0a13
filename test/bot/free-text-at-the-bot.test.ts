import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SENT_PRIVATELY } from '../../src/bot/private-answer';
import type { Person, Role } from '../../src/domain/school';
import { notUnderstoodMessage } from '../../src/journeys/help/help-card';
import { hasOptedOut } from '../../src/journeys/nudges/nudge-store';
import { cardOf, cardText, person, press, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';
import { Clock, meetingBotPerSuite, meetingsStored, seedSlot, slotButton, ava as bookingPupil } from '../meetings/meeting-fixtures';

// People type what they mean in their own words: a message no command's own words take is read
// by the intent model (trained from the examples beside each route) among the commands the
// sender's role may use, and runs the one it clearly means exactly as if typed.

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

const NOT_UNDERSTOOD = 'Here is what you can do. Tap one, or type “help” for more.';
const ADVISERS_ONLY = 'Sorry, only careers advisers or the careers leader can do that in Waypoint. Type “help” to see what you can do.';
const GAPS = 'Careers gaps today';
// The pupil record's own answer until it reads names from free text (the details helper's work).

// Who typed what, and the first line of what they should get: a dozen or more per role.
const PHRASINGS: [Person, string, string][] = [
  [ava, 'i need some careers advice', 'Book a careers guidance meeting'],
  [ava, 'can i get a carrers apointment', 'Book a careers guidance meeting'],
  [ava, 'is my careers interview still on?', 'Your careers meeting'],
  [ava, 'i cant come to my appointment', 'Your careers meeting'],
  [ava, 'cancel my meeting', 'Your careers meeting'],
  [ava, 'show me everything ive done for careers', 'My careers record'],
  [ava, 'what have I done so far?', 'My careers record'],
  [ava, 'none of the times suit me', 'Ask for a careers meeting'],
  [ava, 'i want to be a vet', 'My plans'],
  [ava, 'what did i agree to do', 'My agreed actions'],
  [ava, 'what can you do?', 'Hi Ava'],
  [ava, 'whats my role', 'Your details in Waypoint'],
  [teacher, 'what have i logged so far?', 'My careers links'],
  [teacher, 'I want to log a link', 'Log a careers link'],
  [teacher, 'which year groups havent i covered yet', 'My Benchmark 4 coverage'],
  [teacher, 'how is the department doing', 'Coverage in your subjects'],
  [teacher, 'take the register for the careers fair', 'Attendance'],
  [teacher, 'we had a visit from a local employer', 'Record an activity'],
  [teacher, 'whats coming up', 'Planned activities'],
  [teacher, 'plan an employer talk for year 9', 'Plan an activity'],
  [teacher, 'show my links please', 'My careers links'],
  [teacher, 'add a curriculum link please', 'Log a careers link'],
  [teacher, 'what can i do here', 'Hi Sam'],
  [teacher, 'who do you think i am', 'Your details in Waypoint'],
  [adviser, 'who am i seeing today?', 'Diary: Dana Staff'],
  [adviser, 'when is my next meeting?', 'Diary: Dana Staff'],
  [adviser, 'any pupils waiting to see me?', 'Meeting requests'],
  [adviser, 'im free thursday afternoon', 'Add meeting slots'],
  [adviser, 'show my free slots', 'Meeting slots: Dana Staff'],
  [adviser, 'record meeting outcome', 'Diary: Dana Staff'],
  [adviser, 'look up Ava Patel', 'Careers record: Ava Patel'],
  [adviser, 'how are we doing on benchmark 5?', 'Benchmark report'],
  [adviser, 'what did pupils think of the careers fair', 'Pupil feedback'],
  [adviser, 'who has left this year', 'Leavers in the last 12 months'],
  [adviser, 'log an employer talk', 'Record an activity'],
  [adviser, 'what have we got planned', 'Planned activities'],
  [leader, 'how is year 11 doing on guidance meetings?', 'Benchmark report: Year 11'],
  [leader, 'what should i focus on this week?', GAPS],
  [leader, 'what are our gaps?', GAPS],
  [leader, 'show me SEND pupils', 'Benchmark report: SEND pupils'],
  [leader, 'I need to change the school settings', 'School settings'],
  [leader, 'mark who attended', 'Attendance'],
  [leader, 'we had a visit from a local employer', 'Record an activity'],
  [leader, 'what have we got planned', 'Planned activities'],
  [leader, 'who has left this year', 'Leavers in the last 12 months'],
  [leader, 'any new requests?', 'Meeting requests'],
  [leader, 'what did pupils think of the talk', 'Pupil feedback'],
  [leader, 'how are we doing on benchmark 5?', 'Benchmark report'],
  [senco, 'show me SEND pupils', 'Benchmark report: SEND pupils'],
  [senco, 'how are pupils with send doing in year 11', 'Benchmark report: SEND pupils in Year 11'],
  [senco, 'how is the school doing', 'Benchmark report'],
  [senco, 'who has left this year', 'Leavers in the last 12 months'],
  [senco, 'look up Ava Patel', 'Careers record: Ava Patel'],
  [senco, 'what are the gaps', 'Benchmark report'],
  [senco, 'which subjects have logged links', 'Coverage in your subjects'],
  [senco, 'what can you do', 'Hi Kim'],
  [senco, 'whats my role', 'Your details in Waypoint'],
  [senco, 'year 9 benchmarks', 'Benchmark report: Year 9'],
  [senco, 'show me my links', 'My careers links'],
  [senco, 'I want to log a link', 'Log a careers link'],
  [admin, 'open the settings please', 'School settings'],
  [admin, 'change the term dates', 'School settings'],
  [admin, 'what are the gaps?', GAPS],
  [admin, 'what should i focus on this week', GAPS],
  [admin, 'how are we doing on benchmark 5?', 'Benchmark report'],
  [admin, 'who has left this year', 'Leavers in the last 12 months'],
  [admin, 'year 10 report', 'Benchmark report: Year 10'],
  [admin, 'who am i', 'Your details in Waypoint'],
  [admin, 'how does this work', 'Hi Pat'],
  [admin, 'which subjects have logged links', 'Department coverage'],
  [admin, 'the printer is jammed', NOT_UNDERSTOOD],
  // Typed as the command itself, so the office is told who may add slots.
  [
    admin,
    'add some slots',
    'Sorry, only careers advisers or the careers leader can do that in Waypoint. Type “help” to see what you can do.',
  ],
];

const firstLine = (reply: Awaited<ReturnType<TestBot['say']>>[number] | undefined) =>
  reply?.attachments?.length ? cardText(cardOf(reply)).split('\n')[0] : reply?.text;

describe('free text at the bot', () => {
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
    '%s: "%s" answers “%s”, in one message',
    async (_role, text, heading, who) => {
      const replies = await bot.say(bot.userFor(who), text);
      expect(replies).toHaveLength(1);
      expect(firstLine(replies[0])).toContain(heading);
    },
  );

  const channel = { teamId: '19:staff@thread.tacv2', channelId: '19:staff-general@thread.tacv2' };
  const answersPrivately = PHRASINGS.filter(
    ([, , heading]) => ![GAPS, NOT_UNDERSTOOD, ADVISERS_ONLY].includes(heading) && !heading.startsWith('Hi '),
  );

  it.each(answersPrivately.map(([who, text, heading]) => [who.role, text, heading, who] as const))(
    'in a channel, %s: "%s" tells the channel it went privately and sends “%s” to the personal chat',
    async (_role, text, heading, who) => {
      const user = bot.userFor(who);
      await bot.say(user, 'hello');
      const before = bot.connector.sent.length;
      await bot.sayInChannel(user, channel, text);
      const sent = bot.connector.sent.slice(before);
      const inTheChannel = sent.filter((entry) => entry.conversationId.startsWith(channel.channelId));
      expect(inTheChannel.map((entry) => entry.activity.text)).toEqual([SENT_PRIVATELY]);
      const inPrivate = sent.filter((entry) => !entry.conversationId.startsWith(channel.channelId));
      expect(inPrivate.map((entry) => firstLine(entry.activity))).toEqual([expect.stringContaining(heading)]);
    },
  );

  it('answers in the channel itself what may be shown there: the gaps, and help without anyone’s name', async () => {
    const gaps = await bot.sayInChannel(bot.userFor(leader), channel, 'what should i focus on this week?');
    expect(gaps).toHaveLength(1);
    expect(firstLine(gaps[0])).toContain(GAPS);
    const help = await bot.sayInChannel(bot.userFor(teacher), channel, 'what can i do here');
    expect(help).toHaveLength(1);
    expect(firstLine(help[0])).toBe('Waypoint');
    expect(cardText(cardOf(help[0]))).not.toContain('Sam');
  });

  it('reads a message with a colon that is no link: “Question: when is my meeting?” opens the pupil’s meeting', async () => {
    const replies = await bot.say(bot.userFor(ava), 'Question: when is my meeting?');
    expect(replies).toHaveLength(1);
    expect(firstLine(replies[0])).toContain('Your careers meeting');
    // A teacher's one-line link is still recorded at once.
    const link = await bot.say(bot.userFor(teacher), 'Y9 maths: ratio and proportion -> nurse, pharmacist');
    expect(cardText(cardOf(link[0]))).toContain('Careers link saved');
  });

  it('takes an adviser’s “record meeting outcome” to the diary, not a pupil called “meeting outcome”', async () => {
    const replies = await bot.say(bot.userFor(adviser), 'record meeting outcome');
    expect(replies).toHaveLength(1);
    expect(firstLine(replies[0])).toContain('Diary: Dana Staff');
    expect(JSON.stringify(replies)).not.toContain('meeting outcome');
  });

  it('asks “Did you mean…?” with at most three buttons when a message could mean several, and a button runs its command', async () => {
    const user = bot.userFor(teacher);
    const replies = await bot.say(user, 'careers fair');
    expect(replies).toHaveLength(1);
    const card = cardOf(replies[0]);
    expect(cardText(card)).toContain('Did you mean…?');
    const buttons = (card.actions ?? []).map((action: { title: string }) => action.title);
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    expect(buttons.length).toBeLessThanOrEqual(3);
    expect(buttons).toContain('Plan an activity');
    const [answer, after] = await bot.executeWithReplies(user, card.actions[buttons.indexOf('Plan an activity')].verb, {
      ...card.actions[buttons.indexOf('Plan an activity')].data,
    });
    expect(firstLine(answer)).toContain('Plan an activity');
    expect(cardText(cardOf(after))).toContain('You chose “plan an activity”.');
  });

  it('offers what would change something at once instead of doing it: “stop messaging me” is a button to tap', async () => {
    const replies = await bot.say(bot.userFor(leader), 'stop messaging me');
    expect(replies).toHaveLength(1);
    const card = cardOf(replies[0]);
    expect(cardText(card)).toContain('Did you mean…?');
    expect(card.actions.map((action: { title: string }) => action.title)).toContain('Stop reminders');
    expect(await hasOptedOut(bot.waypoint.services, SCHOOL_ID, leader.id)).toBe(false);
  });

  it('answers a “none” phrase with the one not-understood message, running nothing', async () => {
    for (const text of ['thanks!', 'i hate school', 'whats the weather']) {
      const replies = await bot.say(bot.userFor(ava), text);
      expect(replies, text).toHaveLength(1);
      expect(replies[0]!.text, text).toBe(notUnderstoodMessage());
      expect(cardText(cardOf(replies[0])), text).toContain(NOT_UNDERSTOOD);
    }
  });

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
    expect(inPrivate.map((entry) => cardText(cardOf(entry.activity)).split('\n')[0])).toEqual(['Benchmark report: Benchmark 5']);
    const inChannel = await bot.sayInChannel(user, channel, 'what are our gaps?');
    expect(cardText(cardOf(inChannel[0]))).toContain('Careers gaps today');
  });
});

describe('free text never changes anything by itself', () => {
  const clock = new Clock();
  const holder = meetingBotPerSuite(clock);

  it('books from the card “i need some careers advice” opens; “cancel my meeting” opens the meeting card, still booked', async () => {
    const { bot } = holder;
    await seedSlot(bot, '2026-03-03T10:20');
    const user = bot.userFor(bookingPupil);
    const [free] = await bot.say(user, 'i need some careers advice');
    const button = slotButton(cardOf(free), 'Tue 3 Mar 2026', '10:20');
    const confirm = cardOf(await bot.execute(user, button.verb, button.data));
    expect(cardText(cardOf(await press(bot, user, confirm, 'Confirm booking')))).toContain('Meeting booked');
    const replies = await bot.say(user, 'cancel my meeting');
    expect(replies).toHaveLength(1);
    const card = cardOf(replies[0]);
    expect(cardText(card)).toContain('Your careers meeting');
    expect(JSON.stringify(card)).toContain('Cancel meeting');
    expect((await meetingsStored(bot)).map((meeting) => meeting.status)).toEqual(['booked']);
  });
});
