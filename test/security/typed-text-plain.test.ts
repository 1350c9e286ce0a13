import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slotKeyOf } from '../../src/journeys/meetings/meeting-codecs';
import { DEMO_PEOPLE, generateDemoSchool } from '../../src/schooldata/demo-school';
import { encodeKey } from '../../src/storage/keys';
import { TABLE_NAMES } from '../../src/storage/table-storage';
import { cardOf, cardText, press, SCHOOL_ID, TestBot, type InvokeResult } from '../harness/test-bot';
import { adviser, ava, Clock, seedSlot, slotButton, startMeetingBot } from '../meetings/meeting-fixtures';

// What a pupil types reaches staff in cards. Markdown in it must stay text: no link to click, no
// image fetched, no formatting.

const AS_OF = '2026-03-04';
const MARKDOWN = 'Help with [your exam results](https://evil.example/login) ![tracker](https://evil.example/t.png) **urgent**';

/** Every string a card would render as markdown: TextBlock text and FactSet titles and values. */
function markdownRendered(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'TextBlock' && typeof record.text === 'string') found.push(record.text);
    if (record.type === 'FactSet')
      for (const fact of record.facts as Array<{ title: string; value: string }>) found.push(fact.title, fact.value);
    Object.values(record).forEach(walk);
  };
  walk(card);
  return found;
}

/** The text of every TextRun: never read as markdown. */
function plainRuns(card: unknown): string[] {
  return (
    JSON.stringify(card)
      .match(/"type":"TextRun","text":"(?:[^"\\]|\\.)*"/g)
      ?.map((run) => JSON.parse(`{${run}}`).text as string) ?? []
  );
}

describe('text typed by pupils, shown to staff', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({ school: generateDemoSchool({ asOf: AS_OF, pupilsPerYear: 3 }), now: () => new Date(`${AS_OF}T10:00:00Z`) });
    const pupil = bot.userFor(DEMO_PEOPLE.pupilYear10);
    expect(
      (await bot.execute(pupil, 'meeting.request', { reason: MARKDOWN, preferredTimes: `[any](https://evil.example) time` })).status,
    ).toBe(200);
    expect((await bot.execute(pupil, 'record.savePlans', { kind: 'aspiration', destination: MARKDOWN })).status).toBe(200);
  });
  afterAll(async () => bot?.stop());

  it('shows a meeting request’s reason and times as plain text in the adviser’s queue', async () => {
    const [reply] = await bot.say(bot.userFor(DEMO_PEOPLE.adviser), 'requests');
    const card = cardOf(reply);
    expect(plainRuns(card)).toEqual(expect.arrayContaining([MARKDOWN, 'Times that suit: [any](https://evil.example) time']));
    for (const text of markdownRendered(card)) expect(text).not.toContain('evil.example');
  });

  it('shows a pupil’s plans as plain text in their record', async () => {
    const [reply] = await bot.say(bot.userFor(DEMO_PEOPLE.adviser), `record ${DEMO_PEOPLE.pupilYear10.id}`);
    const card = cardOf(reply);
    expect(plainRuns(card).some((run) => run.includes(MARKDOWN))).toBe(true);
    for (const text of markdownRendered(card)) expect(text).not.toContain('evil.example');
  });
});

describe('a meeting topic typed by a pupil, in the adviser’s diary', () => {
  const clock = new Clock();
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startMeetingBot({ clock });
  });
  afterAll(async () => bot?.stop());

  it('is plain text', async () => {
    await seedSlot(bot, '2026-03-03T10:20');
    const pupil = bot.userFor(ava);
    const [list] = await bot.say(pupil, 'book a meeting');
    const button = slotButton(cardOf(list), 'Tue 3 Mar 2026', '10:20');
    const confirm = cardOf(await bot.execute(pupil, button.verb, button.data));
    expect((await press(bot, pupil, confirm, 'Confirm booking', { topic: MARKDOWN })).status).toBe(200);
    const [diary] = await bot.say(bot.userFor(adviser), 'my diary');
    const card = cardOf(diary);
    expect(plainRuns(card)).toContain(`To talk about: ${MARKDOWN}`);
    for (const text of markdownRendered(card)) expect(text).not.toContain('evil.example');
  });
});

// Issue 23, item 3: every free-text field a user can fill, through the real cards, and every card
// that shows what was typed. A markdown link must stay text (only ever in a TextRun), and the
// characters nobody can see (a bidi override that reverses what follows; BEL, NUL and ESC) are
// removed when the text comes in, so they are neither stored nor shown.
describe('every free-text field, on every card that shows it', () => {
  const LINK = '[Reset your school password](https://evil.example/login)';
  // Careers (80 characters at most, split on slashes and commas) and rooms (60) get a short link without either.
  const SHORT_LINK = '[Reset](mailto:r@evil.example)';
  const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;
  /** What each field is sent: its name, the link, a filename reversed by U+202E, BEL, NUL, ESC and an ANSI colour. */
  const typed = (field: string, link = LINK) => `${field}: ${link} \u202Egnp.exe\u0007\u0000\u001b[0m`;
  /** What is stored and shown. */
  const shown = (field: string, link = LINK) => `${field}: ${link} gnp.exe[0m`;

  const pupil10 = DEMO_PEOPLE.pupilYear10;
  const pupil11 = DEMO_PEOPLE.pupilYear11;
  const cards: Record<string, unknown> = {};
  let bot: TestBot;
  const school = generateDemoSchool({ asOf: AS_OF, pupilsPerYear: 5 });
  // A Year 11 pupil who left in February, with destinations from the school's destinations.csv
  // (whose cells lose invisible characters on import: test/schooldata/parse-good-files.test.ts).
  const leaver = school.people.find((person) => person.role === 'pupil' && person.yearGroup === 11 && person.id !== pupil11.id)!;
  leaver.leftOn = '2026-02-13';
  school.destinations.push(
    { pupilId: leaver.id, kind: 'intended', date: '2026-01-20', destination: shown('intended, imported') },
    { pupilId: leaver.id, kind: 'actual', date: '2026-02-20', destination: shown('actual, imported') },
  );
  const user = (who: { id: string }) => bot.userFor(school.people.find((person) => person.id === who.id)!);
  const answered = (result: InvokeResult) => {
    expect(result.status).toBe(200);
    return cardOf(result);
  };
  const said = async (who: { id: string }, text: string) => cardOf((await bot.say(user(who), text))[0]);

  beforeAll(async () => {
    bot = await TestBot.start({ school, now: () => new Date(`${AS_OF}T10:00:00Z`) });
    const { adviser, careersLeader: leader, teacher } = DEMO_PEOPLE;
    const services = bot.waypoint.services;

    // A pupil asks for a meeting; the adviser hears, and sees it in the requests.
    cards.requestSent = answered(
      await bot.execute(user(pupil10), 'meeting.request', { reason: typed('reason'), preferredTimes: typed('times') }),
    );
    const notice = (await services.outbox.history(SCHOOL_ID)).find((entry) => entry.message.key.startsWith('meeting-request:'));
    cards.adviserNotice = notice!.message.card;
    cards.requests = await said(adviser, 'requests');

    // The adviser adds a slot in a typed room; another pupil books it with a topic.
    cards.slotsAdded = answered(
      await bot.execute(user(adviser), 'slots.add', {
        adviserId: adviser.id,
        date: '2026-03-13',
        start: '11:00',
        end: '11:30',
        length: '30',
        placeKind: 'room',
        room: typed('room', SHORT_LINK),
        repeat: 'once',
      }),
    );
    const requestId = (await services.meetingTables.requests.list(SCHOOL_ID))[0]!.id;
    cards.offerForm = answered(await bot.execute(user(adviser), 'requests.offerForm', { requestId }));
    cards.freeSlots = await said(pupil11, 'book a meeting');
    cards.booked = answered(
      await bot.execute(user(pupil11), 'meeting.book', { slotKey: slotKeyOf(adviser.id, '2026-03-13T11:00'), topic: typed('topic') }),
    );
    cards.myMeeting = await said(pupil11, 'my meeting');
    cards.diary = await said(adviser, 'my diary');

    // The careers leader records the advice and an agreed action after their past meeting.
    const meeting = (await services.school.collections.meetings.get(SCHOOL_ID, encodeKey('M0001')))!.item;
    cards.recorded = answered(
      await bot.execute(user(leader), 'meeting.record', {
        meetingId: 'M0001',
        outcome: 'attended',
        advice: `${typed('advice')}\n${typed('advice, line 2')}`,
        who1: 'Pupil',
        what1: typed('action'),
        by1: '2026-06-01',
      }),
    );
    const meetingPupil = school.people.find((person) => person.id === meeting.pupilId)!;
    cards.meetingPupilsRecord = await said(leader, `record ${meetingPupil.id}`);
    cards.meetingPupilsActions = await said(meetingPupil, 'my actions');

    // A teacher records an activity and its attendance; the Year 10 pupils who were there say what they learned.
    cards.activitySaved = answered(
      await bot.execute(user(teacher), 'activity.save', {
        draftId: 'hostile',
        kind: 'employer_encounter',
        date: '',
        title: typed('title'),
        organisation: typed('organisation'),
      }),
    );
    const activityId = 'A-hostile';
    const year10 = school.people.filter((person) => person.role === 'pupil' && person.yearGroup === 10 && !person.leftOn);
    cards.attendance = answered(await bot.execute(user(teacher), 'attendance.open', { activityId }));
    const counted = cardOf(await press(bot, user(teacher), cards.attendance, 'Find names and update count', { yearGroups: '10' }));
    cards.attendanceSaved = cardOf(await press(bot, user(teacher), counted, `Save attendance for ${year10.length} pupils`));
    cards.recentActivities = await said(teacher, 'attendance');
    cards.attendance = answered(await bot.execute(user(teacher), 'attendance.open', { activityId }));
    for (const [index, pupil] of year10.entries())
      cards[`thanks${index}`] = answered(
        await bot.execute(user(pupil), 'feedback.answer', { activityId, rating: 4, learned: typed(`learned ${index}`) }),
      );
    cards.feedbackResults = await said(leader, 'feedback');

    // A planned activity, a pupil's plans, the school's name.
    cards.planSaved = answered(
      await bot.execute(user(leader), 'plan.save', {
        draftId: 'hostile-plan',
        kind: 'employer_encounter',
        date: '2026-05-14',
        title: typed('plan title'),
        organisation: typed('plan organisation'),
        yearGroups: '10',
      }),
    );
    cards.plans = await said(leader, 'planned activities');
    cards.pupilsRecord = await said(pupil10, 'my record');
    cards.plansSaved = answered(
      await bot.execute(user(pupil11), 'record.savePlans', { kind: 'intended', destination: typed('destination') }),
    );
    cards.adviserSeesRecord = await said(adviser, `record ${pupil11.id}`);
    const calendar = answered(await bot.execute(user(leader), 'settings.calendar', {}));
    cards.calendarSaved = cardOf(await press(bot, user(leader), calendar, 'Save terms and settings', { schoolName: typed('school') }));
    cards.report = await said(leader, 'report');
    cards.leavers = await said(leader, 'leavers');
    // The careers leader's name is kept for the report's Benchmark 1 check, and shown on no card.
    const settings = answered(await bot.execute(user(leader), 'settings.open', {}));
    expect(cardText(cardOf(await press(bot, user(leader), settings, 'Save settings', { leaderName: typed('leader') })))).toContain('saved');

    // A teacher's link, on its card and in one typed line.
    cards.linkSaved = answered(
      await bot.execute(user(teacher), 'link.save', {
        draftId: 'hostile-link',
        subject: 'Mathematics',
        yearGroups: '9',
        topic: typed('link topic'),
        careerChoices: '',
        otherCareers: typed('career', SHORT_LINK),
        date: '',
        note: typed('note'),
      }),
    );
    cards.myLinks = await said(teacher, 'my links');
    cards.oneLineLink = await said(teacher, `Y9 maths: ${typed('one-line topic')} -> ${typed('one-line career', SHORT_LINK)}`);
  });
  afterAll(async () => bot?.stop());

  // One row per field a user types into: who types it, and the cards that show it.
  const FIELDS: Array<{ field: string; by: string; link?: string; cards: string[] }> = [
    { field: 'reason', by: 'a pupil asking for a meeting', cards: ['requestSent', 'adviserNotice', 'requests', 'offerForm'] },
    { field: 'times', by: 'a pupil asking for a meeting', cards: ['requestSent', 'adviserNotice', 'requests', 'offerForm'] },
    { field: 'room', link: SHORT_LINK, by: 'an adviser adding slots', cards: ['slotsAdded', 'freeSlots', 'booked', 'myMeeting', 'diary'] },
    { field: 'topic', by: 'a pupil booking a meeting', cards: ['booked', 'myMeeting', 'diary'] },
    { field: 'advice', by: 'an adviser recording a meeting', cards: ['recorded', 'meetingPupilsRecord'] },
    { field: 'advice, line 2', by: 'an adviser recording a meeting', cards: ['recorded', 'meetingPupilsRecord'] },
    { field: 'action', by: 'an adviser recording a meeting', cards: ['recorded', 'meetingPupilsRecord', 'meetingPupilsActions'] },
    {
      field: 'title',
      by: 'a teacher recording an activity',
      cards: ['activitySaved', 'attendanceSaved', 'recentActivities', 'attendance', 'thanks0', 'feedbackResults', 'pupilsRecord'],
    },
    { field: 'organisation', by: 'a teacher recording an activity', cards: ['activitySaved'] },
    { field: 'learned 0', by: 'a pupil answering feedback', cards: ['feedbackResults'] },
    { field: 'plan title', by: 'the careers leader planning an activity', cards: ['planSaved', 'plans', 'pupilsRecord'] },
    { field: 'plan organisation', by: 'the careers leader planning an activity', cards: ['planSaved'] },
    { field: 'destination', by: 'a pupil giving their plans', cards: ['plansSaved', 'adviserSeesRecord'] },
    { field: 'intended, imported', by: 'the school office, in destinations.csv', cards: ['leavers'] },
    { field: 'actual, imported', by: 'the school office, in destinations.csv', cards: ['leavers'] },
    { field: 'school', by: 'the careers leader naming the school', cards: ['calendarSaved', 'report'] },
    { field: 'link topic', by: 'a teacher logging a link', cards: ['linkSaved', 'myLinks'] },
    { field: 'career', by: 'a teacher logging a link', link: SHORT_LINK, cards: ['linkSaved', 'myLinks'] },
    { field: 'note', by: 'a teacher logging a link', cards: ['linkSaved'] },
    { field: 'one-line topic', by: 'a teacher typing a link in one line', cards: ['oneLineLink'] },
  ];

  for (const { field, by, link, cards: names } of FIELDS) {
    it(`shows “${field}” (typed by ${by}) only as plain text, without hidden characters`, () => {
      for (const name of names) {
        const card = cards[name];
        expect(card, name).toBeDefined();
        expect(
          plainRuns(card).some((run) => run.includes(shown(field, link))),
          `${name} shows it in a TextRun`,
        ).toBe(true);
        expect(
          markdownRendered(card).filter((text) => text.includes('evil.example')),
          `${name} renders none of it as markdown`,
        ).toEqual([]);
        expect(cardText({ body: card }), `${name} shows no hidden character`).not.toMatch(INVISIBLE);
      }
    });
  }

  it('stores none of the hidden characters, in any table', async () => {
    const storage = bot.waypoint.services.storage;
    const stored: string[] = [];
    for (const name of TABLE_NAMES)
      for (const table of await storage.everyTable(name))
        for await (const entity of table.listEntities())
          stored.push(JSON.stringify(entity).replace(/\\u00[0-9a-f]{2}/g, (code) => JSON.parse(`"${code}"`)));
    const all = stored.join('\n');
    for (const { field, link } of [...FIELDS, { field: 'leader' }]) expect(all, field).toContain(shown(field, link));
    expect(stored.filter((text) => INVISIBLE.test(text))).toEqual([]);
  });
});
