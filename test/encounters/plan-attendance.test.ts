// Attendance from the plan (issue 18, item 2): once a planned activity's day has passed, whoever
// planned it gets one card (not before the day has passed, once however often or wherever the
// hourly job runs) listing the invited pupils on roll that day; Save with nobody ticked absent
// records them all. A redelivery saves nothing twice, someone else's attendance stands, and until
// it is taken the digest lists the plan (title and date only).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Activity, Person } from '../../src/domain/school';
import { buildDigest } from '../../src/journeys/digest/build-digest';
import { digestCard } from '../../src/journeys/digest/digest-card';
import { planAttendanceJob } from '../../src/journeys/encounters/plan-attendance-job';
import { runForEachSchool } from '../../src/scheduling/school-jobs';
import { createPlannedActivity } from '../../src/storage/planned-activity-store';
import { encodeKey } from '../../src/storage/keys';
import { cardOf, cardText, inputOn, messageOf, person, press, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';
import { Clock } from '../meetings/meeting-fixtures';

const planner = person({ id: 'T1', role: 'teacher', givenName: 'Sam', familyName: 'Okafor', email: 'sam@school.example' });
const otherTeacher = person({ id: 'T2', role: 'teacher', givenName: 'Priya', familyName: 'Shah', email: 'priya@school.example' });
const leader = person({ id: 'L1', role: 'careers_leader', givenName: 'Jo', familyName: 'Reid', email: 'jo@school.example' });
const pupil = (id: string, givenName: string, familyName: string, yearGroup: number, extra: Partial<Person> = {}) =>
  person({ id, role: 'pupil', givenName, familyName, email: `${id}@school.example`, yearGroup, form: `${yearGroup}A`, ...extra });
const year10 = [
  pupil('P1', 'Ava', 'Patel', 10),
  pupil('P2', 'Ben', 'Carter', 10),
  pupil('P3', 'Cara', 'Dunn', 10),
  pupil('P4', 'Dev', 'Evans', 10),
];
// Left the day before the plan's day: not listed, not saved.
const leaver = pupil('P5', 'Ella', 'Frost', 10, { leftOn: '2026-03-03' });
const year9 = pupil('P9', 'Finn', 'Gray', 9);

const PLAN: Activity = {
  id: 'PLAN-Y10',
  date: '2026-03-04',
  kind: 'employer_encounter',
  title: 'Year 10 employer day',
  providerAccess: false,
  meaningful: true,
  recordedBy: planner.id,
  invitedYearGroups: [10],
};

describe('attendance from the plan', () => {
  const clock = new Clock();
  let bot: TestBot;
  const services = () => bot.waypoint.services;
  const run = async (iso: string) =>
    (await runForEachSchool(services(), planAttendanceJob, new Date(iso))).done.reduce((total, done) => total + done.result, 0);
  const planCards = async () =>
    (await services().outbox.history(SCHOOL_ID)).filter((entry) => entry.message.key.startsWith('plan-attendance:'));
  const attendees = async (activityId = PLAN.id) =>
    (await services().school.collections.attendance.listPartition(SCHOOL_ID, activityId)).map((row) => row.pupilId).sort();
  const storedPlan = async () => (await services().school.collections.activities.get(SCHOOL_ID, encodeKey(PLAN.id)))?.item;

  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith([planner, otherTeacher, leader, ...year10, leaver, year9]), now: clock.now });
  });
  afterAll(async () => bot.stop());
  beforeEach(async () => {
    clock.set('2026-03-02T09:00:00Z');
    for (const table of ['outbox', 'attendance', 'activities', 'pupilFeedback', 'audit'] as const) {
      const client = services().storage.table(table, SCHOOL_ID);
      for await (const entity of client.listEntities()) await client.deleteEntity(entity.partitionKey!, entity.rowKey!);
    }
    expect(await createPlannedActivity(services().school, SCHOOL_ID, PLAN, '2026-03-02')).toEqual({ ok: true });
  });

  /** The day after the plan's day: the job sends the planner's card, which the test returns. */
  async function cardAfterTheDay(): Promise<unknown> {
    clock.set('2026-03-05T09:00:00Z');
    expect(await run('2026-03-05T09:00:00Z')).toBe(1);
    const [sent] = await planCards();
    expect(sent!.message.to).toEqual({ kind: 'person', personId: planner.id });
    return sent!.message.card;
  }

  it('sends nothing before the day has passed, then one card to the planner, however often and wherever the job runs', async () => {
    expect(await run('2026-03-03T09:00:00Z')).toBe(0);
    expect(await run('2026-03-04T18:00:00Z')).toBe(0);
    expect(await planCards()).toEqual([]);
    // Two instances running the hourly check at the same moment, then the next hour's run.
    await Promise.all([run('2026-03-05T09:00:00Z'), run('2026-03-05T09:00:00Z')]);
    await run('2026-03-05T10:00:00Z');
    const cards = await planCards();
    expect(cards.map((entry) => entry.message.key)).toEqual([`plan-attendance:${PLAN.id}:${planner.id}`]);
    const text = cardText({ body: cards[0]!.message.card!.body });
    expect(text).toContain('Take attendance from the plan');
    expect(text).toContain('Year 10 employer day, Wed 4 Mar 2026');
    expect(text).toContain('Who was absent?');
    expect(text).toContain('4 pupils invited');
    for (const name of ['Ava Patel (10A)', 'Ben Carter', 'Cara Dunn', 'Dev Evans']) expect(text).toContain(name);
    // The leaver and the pupil of another year group are not listed.
    expect(text).not.toContain('Ella Frost');
    expect(text).not.toContain('Finn Gray');
  });

  it('saves everyone listed with one tap on Save when nobody was absent; the activity is then a record', async () => {
    const card = await cardAfterTheDay();
    const saved = cardOf(await press(bot, bot.userFor(planner), card, 'Save attendance'));
    expect(cardText(saved)).toContain('Attendance saved');
    expect(cardText(saved)).toContain('4 pupils at Year 10 employer day, Wed 4 Mar 2026');
    expect(await attendees()).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect((await storedPlan())!.attendanceTakenBy).toBe(planner.id);
    // Taken: the next hours send nothing more, and the digest no longer waits for it.
    expect(await run('2026-03-06T09:00:00Z')).toBe(0);
    const built = await buildDigest(services(), SCHOOL_ID, '2026-03-06');
    expect(built.digest.waitingForAttendance).toEqual([]);
  });

  it('leaves out the pupils ticked absent', async () => {
    const card = await cardAfterTheDay();
    const absent = inputOn(card, 'absent')!;
    const value = (name: string) => absent.choices.find((choice: { title: string }) => choice.title.startsWith(name)).value;
    const saved = cardOf(await press(bot, bot.userFor(planner), card, 'Save attendance', { absent: `${value('Ben')},${value('Dev')}` }));
    expect(cardText(saved)).toContain('2 pupils at Year 10 employer day');
    expect(await attendees()).toEqual(['P1', 'P3']);
  });

  it('saves a redelivered Save once, and refuses ticks it cannot read without saving anything', async () => {
    const card = await cardAfterTheDay();
    const user = bot.userFor(planner);
    expect(messageOf(await press(bot, user, card, 'Save attendance', { absent: '0,77' }))).toContain('couldn’t read who was ticked absent');
    expect(await attendees()).toEqual([]);
    const delivery = { id: 'redelivered-save' };
    const first = cardOf(await press(bot, user, card, 'Save attendance', { absent: '0' }, delivery));
    const again = cardOf(await press(bot, user, card, 'Save attendance', { absent: '0' }, delivery));
    expect(cardText(first)).toContain('3 pupils at');
    expect(cardText(again)).toEqual(cardText(first));
    // The list is by family name: Ben Carter is first.
    expect(await attendees()).toEqual(['P1', 'P3', 'P4']);
    const audit = await services().audit.recent(SCHOOL_ID, 50);
    expect(audit.filter((entry) => entry.action === 'attendance.record')).toHaveLength(1);
  });

  it('refuses when someone else already took the attendance, and says so', async () => {
    const card = await cardAfterTheDay();
    // The careers leader took it first (from the same card's data), with Ben (first by family name) absent.
    await press(bot, bot.userFor(leader), card, 'Save attendance', { absent: '0' });
    const refused = cardOf(await press(bot, bot.userFor(planner), card, 'Save attendance'));
    expect(cardText(refused)).toContain('Someone else has already taken attendance for Year 10 employer day');
    expect(await attendees()).toEqual(['P1', 'P3', 'P4']);
    expect((await storedPlan())!.attendanceTakenBy).toBe(leader.id);
    // A teacher who did not plan it may not take it at all.
    expect(messageOf(await press(bot, bot.userFor(otherTeacher), card, 'Save attendance'))).toContain('only whoever planned this activity');
  });

  it('sends no card for a plan whose attendance was taken the ordinary way', async () => {
    clock.set('2026-03-04T16:00:00Z');
    await services().school.collections.attendance.upsertAll(SCHOOL_ID, [{ activityId: PLAN.id, pupilId: 'P1' }]);
    expect(await run('2026-03-05T09:00:00Z')).toBe(0);
  });

  it('saves nothing from the plan’s card once attendance was taken on the ordinary card, and says so', async () => {
    const card = await cardAfterTheDay();
    await services().school.collections.attendance.upsertAll(SCHOOL_ID, [{ activityId: PLAN.id, pupilId: 'P1' }]);
    const refused = cardOf(await press(bot, bot.userFor(planner), card, 'Save attendance'));
    expect(cardText(refused)).toContain('has already been taken with the “attendance” card');
    expect(await attendees()).toEqual(['P1']);
  });

  it('lists the plans waiting for attendance in the digest, by title and date only', async () => {
    const built = await buildDigest(services(), SCHOOL_ID, '2026-03-05');
    expect(built.digest.waitingForAttendance).toEqual([{ title: 'Year 10 employer day', date: '2026-03-04' }]);
    const text = cardText(digestCard(built.digest));
    expect(text).toContain('Plans waiting for attendance');
    expect(text).toContain('Year 10 employer day, Wed 4 Mar 2026');
    expect(await bot.personalDataIn([text])).toEqual([]);
    // Not before its day has passed.
    const before = await buildDigest(services(), SCHOOL_ID, '2026-03-04');
    expect(before.digest.waitingForAttendance).toEqual([]);
  });
});
