import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../src/domain/school';
import { buttonOn, cardOf, cardText, inputOn, messageOf, person, press, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';
import { togglesOn } from './card-values';

const GIVEN = [
  'Ava',
  'Noah',
  'Zoë',
  'Kwame',
  'Grace',
  'Tomasz',
  'Siân',
  'Leo',
  'Maya',
  'Oliver',
  'Amelia',
  'Isla',
  'Harry',
  'Freya',
  'Arjun',
  'Chloe',
  'Yusuf',
  'Ella',
  'Jack',
  'Mia',
];
const FAMILY = ['Patel', 'Williams', "O'Brien", 'Mensah', 'Hughes', 'Nowak', 'Evans', 'Khan', 'Chen', 'Smith'];

function pupilsOf(yearGroup: number, count: number, families: readonly string[]): Person[] {
  return Array.from({ length: count }, (_, index) => {
    const givenName = GIVEN[index % GIVEN.length]!;
    const familyName = families[Math.floor(index / GIVEN.length) % families.length]!;
    const id = `P${yearGroup}${String(index).padStart(3, '0')}`;
    return person({
      id,
      role: 'pupil',
      givenName,
      familyName,
      email: `${id}@school.example`,
      yearGroup,
      form: `${yearGroup}${'ABCDEFG'[index % 7]}`,
    });
  });
}

const year9 = pupilsOf(9, 200, FAMILY);
const year10 = pupilsOf(10, 30, ['Jones', 'Taylor']);
const leader = person({ id: 'S1', role: 'careers_leader', givenName: 'Jo', familyName: 'Reid', email: 'jo@school.example' });
const teacher = person({ id: 'T1', role: 'teacher', givenName: 'Sam', familyName: 'Okafor', email: 'sam@school.example' });
const activity = {
  id: 'ACT1',
  date: '2026-03-02',
  kind: 'employer_encounter' as const,
  title: 'Year 9 NHS assembly',
  providerAccess: false,
  meaningful: true,
};
const TODAY = new Date('2026-03-03T10:00:00Z');
const ABSENT = ['Ava Patel', 'Noah Williams', 'Zoë O’Brien', 'Kwame Mensah', 'Grace Hughes', 'Tomasz Nowak'];

describe('attendance for a whole year group', () => {
  let bot: TestBot;
  const attendees = async (): Promise<string[]> =>
    (await bot.waypoint.services.school.collections.attendance.list(SCHOOL_ID))
      .filter((row) => row.activityId === 'ACT1')
      .map((row) => row.pupilId)
      .sort();
  const idsOf = (names: string[]) =>
    names.map((name) => [...year9, ...year10].find((p) => `${p.givenName} ${p.familyName}`.replace("'", '’') === name)!.id);

  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith([...year9, ...year10, leader, teacher], { activities: [activity] }), now: () => TODAY });
  });
  afterAll(async () => bot.stop());
  beforeEach(async () => {
    const rows = await bot.waypoint.services.school.collections.attendance.list(SCHOOL_ID);
    for (const row of rows) await bot.waypoint.services.school.collections.attendance.deleteItem(SCHOOL_ID, row);
  });

  async function openAttendance(user = bot.userFor(leader)) {
    const [reply] = await bot.say(user, 'attendance');
    const chooser = cardOf(reply);
    expect(cardText(chooser)).toContain('Year 9 NHS assembly');
    return { user, card: cardOf(await press(bot, user, chooser, 'Attendance')) };
  }

  it('records a 200-pupil assembly with six absentees in three taps, showing the count before saving', async () => {
    const { user, card } = await openAttendance();
    expect(inputOn(card, 'yearGroups')!.choices).toEqual([
      { title: 'Year 9 (200)', value: '9' },
      { title: 'Year 10 (30)', value: '10' },
    ]);
    // Tap 1: tick Year 9 and type the absentees (lower case and without accents, as people type).
    const counted = cardOf(
      await press(bot, user, card, 'Find names and update count', {
        yearGroups: '9',
        find: 'ava patel, noah williams, zoe obrien\nkwame mensah; grace hughes, tomasz nowak',
      }),
    );
    expect(cardText(counted)).toContain('194 pupils on the list: Year 9, less 6 not there.');
    const absentees = idsOf(ABSENT).map((id) => year9.find((p) => p.id === id)!);
    expect(
      togglesOn(counted)
        .filter((toggle) => toggle.on)
        .map((toggle) => toggle.title)
        .sort(),
    ).toEqual(absentees.map((p) => `${p.givenName} ${p.familyName} (${p.form})`).sort());
    // Tap 2: save, with the count on the button.
    buttonOn(counted, 'Save attendance for 194 pupils');
    const saved = cardOf(await press(bot, user, counted, 'Save attendance for 194 pupils'));
    expect(cardText(saved)).toContain('Attendance saved');
    expect(cardText(saved)).toContain('194 pupils at Year 9 NHS assembly, Mon 2 Mar 2026.');
    const stored = await attendees();
    expect(stored).toHaveLength(194);
    for (const id of idsOf(ABSENT)) expect(stored).not.toContain(id);
  });

  it('asks which pupil is meant when a name is ambiguous', async () => {
    const { user, card } = await openAttendance();
    const counted = cardOf(await press(bot, user, card, 'Find names and update count', { yearGroups: '9', find: 'a patel' }));
    expect(cardText(counted)).toContain('“a patel” matches 3 pupils: tick the ones who were not there.');
    const choices = togglesOn(counted).filter((toggle) => !toggle.on);
    expect(choices.map((toggle) => toggle.title)).toEqual(['Ava Patel (9A)', 'Amelia Patel (9D)', 'Arjun Patel (9A)']);
    expect(cardText(counted)).toContain('200 pupils on the list');
    // Tick Amelia: she is taken off, and the other two are no longer offered.
    const picked = cardOf(await press(bot, user, counted, 'Find names and update count', { [choices[1]!.id]: 'true' }));
    expect(cardText(picked)).toContain('199 pupils on the list');
    expect(togglesOn(picked).map((toggle) => [toggle.title, toggle.on])).toEqual([['Amelia Patel (9D)', true]]);
    // Too many matches: asked to type more.
    const many = cardOf(await press(bot, user, picked, 'Find names and update count', { find: 'noah' }));
    expect(cardText(many)).toContain('“noah” matches 10 pupils: type more of the name.');
  });

  it('does not save a count that was not shown', async () => {
    const { user, card } = await openAttendance();
    const counted = cardOf(await press(bot, user, card, 'Find names and update count', { yearGroups: '9' }));
    // Year 10 ticked after the count was shown, then Save pressed straight away.
    const answer = cardOf(await press(bot, user, counted, 'Save attendance for 200 pupils', { yearGroups: '9,10' }));
    expect(cardText(answer)).toContain('The list changed after the count was shown: it is now 230 pupils.');
    buttonOn(answer, 'Save attendance for 230 pupils');
    expect(await attendees()).toHaveLength(0);
    // Names typed but not yet looked up are applied and shown first too.
    const typed = cardOf(await press(bot, user, counted, 'Save attendance for 200 pupils', { find: 'Ava Patel' }));
    expect(cardText(typed)).toContain('I’ve applied what you typed');
    expect(cardText(typed)).toContain('199 pupils on the list');
    expect(await attendees()).toHaveLength(0);
  });

  it('saves once when the same card is delivered twice', async () => {
    const { user, card } = await openAttendance();
    const counted = cardOf(await press(bot, user, card, 'Find names and update count', { yearGroups: '10' }));
    const first = cardOf(await press(bot, user, counted, 'Save attendance for 30 pupils', {}, { id: 'dup-1' }));
    const second = cardOf(await press(bot, user, counted, 'Save attendance for 30 pupils', {}, { id: 'dup-1' }));
    expect(cardText(second)).toEqual(cardText(first));
    expect(await attendees()).toHaveLength(30);
  });

  it('edits attendance later, prefilled the short way, and audits it', async () => {
    const { user, card } = await openAttendance();
    const counted = cardOf(await press(bot, user, card, 'Find names and update count', { yearGroups: '9', find: ABSENT.join(', ') }));
    const saved = cardOf(await press(bot, user, counted, 'Save attendance for 194 pupils'));

    const edit = cardOf(await press(bot, user, saved, 'Edit attendance'));
    expect(cardText(edit)).toContain('Edit attendance');
    expect(inputOn(edit, 'yearGroups')!.value).toBe('9');
    expect(togglesOn(edit).filter((toggle) => toggle.on)).toHaveLength(6);
    // Ava Patel was there after all (untick her); Chloe Jones from Year 10 came too.
    const ava = togglesOn(edit).find((toggle) => toggle.title === 'Ava Patel (9A)')!;
    const recounted = cardOf(await press(bot, user, edit, 'Find names and update count', { [ava.id]: 'false', find: 'add: chloe jones' }));
    expect(cardText(recounted)).toContain('196 pupils on the list: Year 9, less 5 not there, plus 1 extra.');
    const updated = cardOf(await press(bot, user, recounted, 'Save attendance for 196 pupils'));
    expect(cardText(updated)).toContain('Attendance updated');
    const stored = await attendees();
    expect(stored).toHaveLength(196);
    expect(stored).toContain(idsOf(['Ava Patel'])[0]);
    expect(stored).toContain(year10.find((p) => p.givenName === 'Chloe')!.id);

    const audit = await bot.waypoint.services.audit.recent(SCHOOL_ID, 20);
    const actions = audit.filter((entry) => entry.action.startsWith('attendance.'));
    expect(actions.map((entry) => [entry.action, entry.actorId, entry.subject])).toEqual(
      expect.arrayContaining([
        ['attendance.record', 'S1', 'ACT1:+194-0'],
        ['attendance.edit', 'S1', 'ACT1:+2-0'],
      ]),
    );
  });

  it('refuses to overwrite attendance someone else saved after the card was opened', async () => {
    const { user, card } = await openAttendance();
    const mine = cardOf(await press(bot, user, card, 'Find names and update count', { yearGroups: '9' }));
    const theirs = cardOf(await press(bot, user, card, 'Find names and update count', { yearGroups: '10' }));
    await press(bot, user, theirs, 'Save attendance for 30 pupils');
    const answer = cardOf(await press(bot, user, mine, 'Save attendance for 200 pupils'));
    expect(cardText(answer)).toContain('Someone else saved attendance for this activity after you opened it');
    expect(inputOn(answer, 'yearGroups')!.value).toBe('10');
    expect(await attendees()).toHaveLength(30);
  });

  it('refuses a teacher taking attendance for an activity they did not record', async () => {
    const user = bot.userFor(teacher);
    expect(messageOf(await bot.execute(user, 'attendance.open', { activityId: 'ACT1' }))).toMatch(
      /only take attendance for activities you recorded/,
    );
    expect(messageOf(await bot.execute(user, 'attendance.save', { activityId: 'ACT1', yearGroups: '9', shownCount: 200 }))).toMatch(
      /only take attendance/,
    );
    const [reply] = await bot.say(user, 'attendance');
    expect(cardText(cardOf(reply))).not.toContain('Year 9 NHS assembly');
    expect(await attendees()).toHaveLength(0);
  });
});
