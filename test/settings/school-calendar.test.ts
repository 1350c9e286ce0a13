// The school's name, term dates (with half-terms and training days) and the meeting-change cut-off:
// set from "school settings" in chat, checked with clear messages, nothing saved on bad input.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isSchoolDay, termDatesCovering } from '../../src/domain/calendar';
import { cardOf, cardText, inputOn, messageOf, person, press, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';

const leader = person({ id: 'S1', role: 'careers_leader', givenName: 'Helen', familyName: 'Marsh', email: 'helen@school.example' });
const admin = person({ id: 'S3', role: 'admin', givenName: 'Ian', familyName: 'Fox', email: 'ian@school.example' });
const teacher = person({ id: 'T1', role: 'teacher', givenName: 'Sam', familyName: 'Okafor', email: 'sam@school.example' });
const pupil = person({ id: 'P1', role: 'pupil', givenName: 'Ava', familyName: 'Patel', email: 'ava@school.example', yearGroup: 9 });
const TODAY = new Date('2026-03-03T10:00:00Z');

/** Northfield's 2025/26 year: its own dates, not the usual ones. */
const TERMS = {
  schoolName: 'Northfield Academy',
  cutoffHours: '48',
  autumnStart: '2025-09-03',
  autumnEnd: '2025-12-19',
  autumnHalfStart: '2025-10-27',
  autumnHalfEnd: '2025-10-31',
  springStart: '2026-01-05',
  springEnd: '2026-03-27',
  springHalfStart: '2026-02-16',
  springHalfEnd: '2026-02-20',
  summerStart: '2026-04-13',
  summerEnd: '2026-07-22',
  summerHalfStart: '2026-05-25',
  summerHalfEnd: '2026-05-29',
  closures: 'Wed 3 Sep 2025\n2026-01-05\nMon 4 May 2026',
};

describe('school name, term dates and meeting-change cut-off in chat', () => {
  let bot: TestBot;
  const stored = async () => (await bot.waypoint.services.settings.get(SCHOOL_ID)).settings;
  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith([leader, admin, teacher, pupil]), now: () => TODAY });
  });
  afterAll(async () => bot.stop());
  beforeEach(async () => {
    await bot.waypoint.services.storage
      .table('settings', SCHOOL_ID)
      .deleteEntity(SCHOOL_ID, 'school')
      .catch(() => undefined);
  });

  async function openCalendar(user = bot.userFor(leader)) {
    const [reply] = await bot.say(user, 'school settings');
    return cardOf(await press(bot, user, cardOf(reply), 'School name, terms and cut-off'));
  }

  it('opens from school settings with this year’s usual dates, and saves the school’s own', async () => {
    const card = await openCalendar();
    expect(cardText(card)).toContain('Term dates for 2025/26');
    expect(inputOn(card, 'autumnStart')!.value).toBe('2025-09-03');
    expect(inputOn(card, 'cutoffHours')!.value).toBe(24);
    expect(inputOn(card, 'closures')!.value).toBe('Mon 4 May 2026');

    const saved = cardText(cardOf(await press(bot, bot.userFor(leader), card, 'Save terms and settings', TERMS)));
    expect(saved).toContain('Terms and settings saved');
    expect(saved).toContain('School name: Northfield Academy');
    expect(saved).toContain('up to 48 hours before it starts');
    expect(saved).toContain('Spring: Mon 5 Jan 2026 to Fri 27 Mar 2026, half-term Mon 16 Feb 2026 to Fri 20 Feb 2026');
    expect(saved).toContain('Training days and closures: Wed 3 Sep 2025, Mon 5 Jan 2026, Mon 4 May 2026');

    const settings = await stored();
    expect(settings).toMatchObject({ schoolName: 'Northfield Academy', meetingChangeCutoffHours: 48 });
    // The rest of the school reads them: a training day and the school's own Easter holiday are not school days.
    const terms = termDatesCovering('2025-09-01', '2026-08-31', settings.termDates);
    expect(isSchoolDay('2026-01-05', terms)).toBe(false);
    expect(isSchoolDay('2026-03-30', terms)).toBe(false);
    expect(isSchoolDay('2026-01-06', terms)).toBe(true);
    // Reopened, the card shows what was saved.
    const again = await openCalendar(bot.userFor(admin));
    expect(inputOn(again, 'springEnd')!.value).toBe('2026-03-27');
    expect(inputOn(again, 'schoolName')!.value).toBe('Northfield Academy');
  });

  it.each([
    ['an inverted term', { springEnd: '2026-01-02' }, 'The spring term ends before it starts.'],
    [
      'overlapping terms',
      { springStart: '2025-12-15' },
      'The spring term overlaps or comes before the autumn term, which ends on Fri 19 Dec 2025.',
    ],
    ['an inverted half-term', { autumnHalfEnd: '2025-10-20' }, 'The half-term ends before it starts.'],
    [
      'a half-term outside its term',
      { summerHalfStart: '2026-07-20', summerHalfEnd: '2026-07-24' },
      'The half-term must fall inside the summer term (Mon 13 Apr 2026 to Wed 22 Jul 2026).',
    ],
    ['half a half-term', { springHalfEnd: '' }, 'Give the first and last day of the half-term, or neither.'],
    [
      'a term in another school year',
      { summerEnd: '2026-09-04' },
      'The summer term must fall in the 2025/26 school year (Mon 1 Sep 2025 to Mon 31 Aug 2026).',
    ],
    ['a missing date', { autumnStart: '' }, 'Choose a date from the calendar.'],
    ['a training day in the holidays', { closures: 'Mon 6 Apr 2026' }, 'Mon 6 Apr 2026 is not in term time'],
    ['a closure that is not a date', { closures: 'the Monday after Easter' }, '“the Monday after Easter” isn’t a date'],
    ['a cut-off that is not a whole number', { cutoffHours: '2.5' }, 'Enter a whole number of hours from 0 to 336 (two weeks).'],
    ['a cut-off over two weeks', { cutoffHours: '400' }, 'Enter a whole number of hours from 0 to 336'],
    ['a name too long', { schoolName: 'N'.repeat(101) }, 'Keep the name to 100 characters.'],
  ])('refuses %s with a clear message and saves nothing', async (_case, change, message) => {
    const card = await openCalendar();
    const answer = cardText(cardOf(await press(bot, bot.userFor(leader), card, 'Save terms and settings', { ...TERMS, ...change })));
    expect(answer).toContain(message);
    expect(answer).toContain('Nothing has been saved yet');
    expect((await bot.waypoint.services.settings.get(SCHOOL_ID)).etag).toBeUndefined();
  });

  it('keeps other years’ terms when one year is saved, and refuses a save over someone else’s', async () => {
    const card = await openCalendar();
    await press(bot, bot.userFor(leader), card, 'Save terms and settings', TERMS);
    const next = cardOf(await press(bot, bot.userFor(leader), await openCalendar(), '2026/27 terms'));
    expect(cardText(next)).toContain('Term dates for 2026/27');
    const nextYear = {
      ...TERMS,
      autumnStart: '2026-09-02',
      autumnEnd: '2026-12-18',
      autumnHalfStart: '2026-10-26',
      autumnHalfEnd: '2026-10-30',
      springStart: '2027-01-04',
      springEnd: '2027-03-26',
      springHalfStart: '2027-02-15',
      springHalfEnd: '2027-02-19',
      summerStart: '2027-04-12',
      summerEnd: '2027-07-21',
      summerHalfStart: '2027-05-31',
      summerHalfEnd: '2027-06-04',
      closures: '2026-09-02',
    };
    const savedNext = cardText(cardOf(await press(bot, bot.userFor(leader), next, 'Save terms and settings', nextYear)));
    expect(savedNext).toContain('Autumn: Wed 2 Sep 2026 to Fri 18 Dec 2026');
    const terms = (await stored()).termDates!;
    expect(terms.terms.map((term) => term.start)).toEqual([
      '2025-09-03',
      '2026-01-05',
      '2026-04-13',
      '2026-09-02',
      '2027-01-04',
      '2027-04-12',
    ]);
    expect(terms.closures).toEqual(['2025-09-03', '2026-01-05', '2026-05-04', '2026-09-02']);

    // The card the admin opened before the leader saved again is refused, and shows the leader's.
    const stale = await openCalendar(bot.userFor(admin));
    await press(bot, bot.userFor(leader), await openCalendar(), 'Save terms and settings', { ...TERMS, cutoffHours: '12' });
    const refused = cardText(
      cardOf(await press(bot, bot.userFor(admin), stale, 'Save terms and settings', { ...TERMS, cutoffHours: '36' })),
    );
    expect(refused).toContain('Someone else saved the settings while you were editing');
    expect((await stored()).meetingChangeCutoffHours).toBe(12);
  });

  it('is only for the careers leader and the school office', async () => {
    for (const user of [teacher, pupil]) {
      const answer = messageOf(await bot.execute(bot.userFor(user), 'settings.saveCalendar', { etag: '', ...TERMS }));
      expect(answer).not.toContain('saved');
    }
    expect((await bot.waypoint.services.settings.get(SCHOOL_ID)).etag).toBeUndefined();
  });
});
