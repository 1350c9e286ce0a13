// The work per pupil after attendance (issue 23, item 4): saving attendance, from the ordinary card
// or the plan's, writes the rows and one fan-out record for the activity, and queues no message per
// pupil inside the turn; the background job then asks each present pupil once (not the absent, not
// a leaver, not after "stop"), and a redelivered tap, a job run again or a job interrupted half-way
// asks nobody twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, Person } from '../../src/domain/school';
import { runAttendanceFanOut } from '../../src/journeys/encounters/attendance-fan-out-job';
import { queuedFanOuts } from '../../src/journeys/encounters/attendance-fan-out-store';
import { rowsAwaitingFanOut } from '../../src/journeys/encounters/attendance-store';
import { planAttendanceJob } from '../../src/journeys/encounters/plan-attendance-job';
import { runForEachSchool } from '../../src/scheduling/school-jobs';
import { createPlannedActivity } from '../../src/storage/planned-activity-store';
import { cardOf, cardText, inputOn, person, press, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';
import { WriteFaults } from '../harness/write-faults';
import { Clock } from '../meetings/meeting-fixtures';

const leader = person({ id: 'L1', role: 'careers_leader', givenName: 'Jo', familyName: 'Reid', email: 'jo@school.example' });
const pupil = (index: number, form: string, extra: Partial<Person> = {}) =>
  person({
    id: `P${index}`,
    role: 'pupil',
    givenName: `Pupil${index}`,
    familyName: `Tenform${form}`,
    email: `p${index}@school.example`,
    yearGroup: 10,
    form,
    ...extra,
  });
const form10A = Array.from({ length: 8 }, (_, index) => pupil(index + 1, '10A'));
const form10B = Array.from({ length: 8 }, (_, index) => pupil(index + 11, '10B'));
/** Said "stop" before anything was asked. */
const stopped = form10A[7]!;
/** At the activities (Monday 2 March), gone by Tuesday, when attendance is saved. */
const leaver = pupil(30, '10B', { leftOn: '2026-03-03' });
const everyone = [...form10A, ...form10B, leaver];

const activity = (id: string, date: string, extra: Partial<Activity> = {}): Activity => ({
  id,
  date,
  kind: 'employer_encounter',
  title: `Employer talk ${id}`,
  providerAccess: false,
  meaningful: true,
  ...extra,
});
const TALK = activity('ACT-TALK', '2026-03-02');
const PLAN = activity('PLAN-DAY', '2026-03-02', { recordedBy: leader.id, invitedYearGroups: [10] });
const EDITED = activity('ACT-EDIT', '2026-03-09');
const INTERRUPTED = activity('ACT-HALF', '2026-03-16');

describe('the work per pupil after attendance is one job, off the turn', () => {
  const clock = new Clock();
  let bot: TestBot;
  let faults: WriteFaults;
  const services = () => bot.waypoint.services;
  const leaderUser = () => bot.userFor(leader);
  const feedbackAsks = async (week?: string) =>
    (await services().outbox.history(SCHOOL_ID))
      .filter((entry) => entry.message.key.startsWith('pupil-feedback:') && (week === undefined || entry.message.key.endsWith(`:${week}`)))
      .map((entry) => (entry.message.to.kind === 'person' ? entry.message.to.personId : '?'))
      .sort();
  const records = async () => (await queuedFanOuts(services(), SCHOOL_ID)).map((record) => record.activityId).sort();
  const ids = (people: readonly Person[]) => people.map((p) => p.id).sort();

  beforeAll(async () => {
    clock.set('2026-02-27T09:00:00Z');
    bot = await TestBot.start({ school: schoolWith([leader, ...everyone], { activities: [TALK, EDITED, INTERRUPTED] }), now: clock.now });
    faults = new WriteFaults(services().storage);
    await createPlannedActivity(services().school, SCHOOL_ID, PLAN, '2026-02-27');
    expect((await bot.say(bot.userFor(stopped), 'stop'))[0]!.text).toContain('or ask how useful an activity you went to was');
    await bot.say(leaderUser(), 'help');
  });
  afterAll(async () => bot.stop());

  /** The ordinary attendance card: open, tick `forms`, count, save; returns the saved card's text. */
  async function saveForms(activityId: string, forms: string, count: number): Promise<string> {
    const user = leaderUser();
    const opened = cardOf(await bot.execute(user, 'attendance.open', { activityId }));
    const counted = cardOf(await press(bot, user, opened, 'Find names and update count', { forms }));
    return cardText(cardOf(await press(bot, user, counted, `Save attendance for ${count} pupils`)));
  }

  it('saves a whole list from the ordinary card with one fan-out record and no message per pupil in the turn', async () => {
    clock.set('2026-03-03T09:00:00Z');
    expect(await saveForms(TALK.id, '10A, 10B', 17)).toContain('17 pupils at Employer talk ACT-TALK');
    expect(await feedbackAsks()).toEqual([]);
    expect(await records()).toEqual([TALK.id]);

    const run = await runAttendanceFanOut(services());
    expect(run).toEqual({ activities: 1, asked: 15 });
    // Everyone at it, less the pupil who said "stop" and the one who has left since.
    expect(await feedbackAsks('2026-W10')).toEqual(ids(everyone.filter((p) => p !== stopped && p !== leaver)));
    expect(await records()).toEqual([]);
    expect(await rowsAwaitingFanOut(services(), SCHOOL_ID, TALK.id)).toEqual([]);
    // The rows are plain attendance again: 17 of them.
    expect(await services().school.collections.attendance.listPartition(SCHOOL_ID, TALK.id)).toHaveLength(17);
  });

  it('saves the plan’s card with absentees ticked the same way; a redelivered tap and a re-run job ask nobody twice', async () => {
    clock.set('2026-03-10T08:00:00Z');
    await runForEachSchool(services(), planAttendanceJob, clock.at);
    const sent = (await services().outbox.history(SCHOOL_ID)).find(
      (entry) => entry.message.key === `plan-attendance:${PLAN.id}:${leader.id}`,
    );
    const card = sent!.message.card!;
    const listed = inputOn(card, 'absent')!.choices!.map((choice: { title: string; value: string }) => choice.title);
    expect(listed).toHaveLength(17);
    // P1 and P11 were absent.
    const absent = ['P1', 'P11'].map((id) => String(listed.findIndex((title: string) => title.startsWith(`Pupil${id.slice(1)} `))));
    const tap = { id: 'plan-save-tap', timestamp: '2026-03-10T08:00:00.000Z' };
    const saved = cardText(cardOf(await press(bot, leaderUser(), card, 'Save attendance', { absent: absent.join(',') }, tap)));
    expect(saved).toContain('15 pupils at Employer talk PLAN-DAY');
    expect(await feedbackAsks('2026-W11')).toEqual([]);
    expect(await records()).toEqual([PLAN.id]);

    // Teams delivers the same tap again before the job has run: still one record, still no message.
    expect(cardText(cardOf(await press(bot, leaderUser(), card, 'Save attendance', { absent: absent.join(',') }, tap)))).toContain(
      '15 pupils at',
    );
    expect(await records()).toEqual([PLAN.id]);
    expect(await feedbackAsks('2026-W11')).toEqual([]);

    expect((await runAttendanceFanOut(services())).asked).toBe(13);
    const present = everyone.filter((p) => !['P1', 'P11'].includes(p.id) && p !== stopped && p !== leaver);
    expect(await feedbackAsks('2026-W11')).toEqual(ids(present));

    // And again after it ran, then the job once more: nothing new.
    await press(bot, leaderUser(), card, 'Save attendance', { absent: absent.join(',') }, tap);
    expect(await records()).toEqual([]);
    expect(await runAttendanceFanOut(services())).toEqual({ activities: 0, asked: 0 });
    expect(await feedbackAsks('2026-W11')).toEqual(ids(present));
  });

  it('asks, after an edit a week later, only the pupils the edit added', async () => {
    clock.set('2026-03-10T09:00:00Z');
    await saveForms(EDITED.id, '10A', 8);
    await runAttendanceFanOut(services());
    clock.set('2026-03-17T09:00:00Z');
    // The leaver had left by the 9th: 16 pupils.
    expect(await saveForms(EDITED.id, '10A, 10B', 16)).toContain('Attendance updated');
    await runAttendanceFanOut(services());
    expect(await feedbackAsks('2026-W12')).toEqual(ids(form10B));
  });

  it('runs again after being interrupted half-way and asks each pupil once', async () => {
    clock.set('2026-03-24T09:00:00Z');
    await saveForms(INTERRUPTED.id, '10A, 10B', 16);
    // The sixth write of the run fails: some pupils asked, one not, and every mark still on.
    faults.arm(6, 'refused');
    const first = await runAttendanceFanOut(services());
    faults.disarm();
    expect(first.activities).toBe(0);
    const partly = await feedbackAsks('2026-W13');
    expect(partly.length).toBeGreaterThan(0);
    expect(partly.length).toBeLessThan(15);
    expect(bot.logLines.some((line) => line.includes('fan_out.failed'))).toBe(true);
    // Handed back for a minute, not lost.
    expect(await records()).toEqual([INTERRUPTED.id]);
    expect(await runAttendanceFanOut(services())).toEqual({ activities: 0, asked: 0 });

    clock.set('2026-03-24T09:01:01Z');
    const second = await runAttendanceFanOut(services());
    expect(second.activities).toBe(1);
    expect(second.asked).toBe(15 - partly.length);
    const asked = await feedbackAsks('2026-W13');
    expect(asked).toEqual(ids(everyone.filter((p) => p !== stopped && p !== leaver)));
    expect(new Set(asked).size).toBe(asked.length);
  });
});
