// Storage fails at each write of an attendance save (issue 23, item 5), on real Azurite: the Nth
// write is refused, or applied and then reported as failed. Once anything may have been written the
// leader is never told that nothing was changed; the card says what is saved and what is not, its
// button finishes the job, and every pupil who attended is then asked for feedback exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar';
import type { Activity, Person } from '../../src/domain/school';
import { runAttendanceFanOut } from '../../src/journeys/encounters/attendance-fan-out-job';
import { queuedFanOuts } from '../../src/journeys/encounters/attendance-fan-out-store';
import { isoWeekOf } from '../../src/domain/pupil-feedback';
import { planAttendanceJob } from '../../src/journeys/encounters/plan-attendance-job';
import { runForEachSchool } from '../../src/scheduling/school-jobs';
import { createPlannedActivity } from '../../src/storage/planned-activity-store';
import { cardOf, cardText, person, press, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';
import { WriteFaults, type FaultMode } from '../harness/write-faults';
import { Clock } from '../meetings/meeting-fixtures';

const MODES: FaultMode[] = ['refused', 'applied-then-failed'];
const leader = person({ id: 'L1', role: 'careers_leader', givenName: 'Jo', familyName: 'Reid', email: 'jo@school.example' });
const form10A: Person[] = Array.from({ length: 6 }, (_, index) =>
  person({
    id: `P${index + 1}`,
    role: 'pupil',
    givenName: `Pupil${index + 1}`,
    familyName: 'Tenform',
    email: `p${index + 1}@school.example`,
    yearGroup: 10,
    form: '10A',
  }),
);
const FIRST_DAY = '2026-03-02';

describe('an attendance save survives storage failing part-way', () => {
  const clock = new Clock();
  let bot: TestBot;
  let faults: WriteFaults;
  let cases = 0;
  const services = () => bot.waypoint.services;
  const user = () => bot.userFor(leader);

  beforeAll(async () => {
    clock.set(`${FIRST_DAY}T15:00:00Z`);
    bot = await TestBot.start({ school: schoolWith([leader, ...form10A]), now: clock.now });
    faults = new WriteFaults(services().storage);
    await bot.say(user(), 'help');
  });
  afterAll(async () => bot.stop());

  /** A new activity held today, a week after the last case's (each case's asks fall in a week of their own). */
  async function nextActivity(): Promise<Activity> {
    const today = addDays(FIRST_DAY, 7 * cases++);
    clock.set(`${today}T15:00:00Z`);
    const activity: Activity = {
      id: `ACT-${cases}`,
      date: today,
      kind: 'employer_encounter',
      title: `Employer talk ${cases}`,
      providerAccess: false,
      meaningful: true,
    };
    await services().school.collections.activities.createOnce(SCHOOL_ID, activity);
    return activity;
  }

  /** The attendance card for Form 10A, counted and ready to save. */
  async function counted(activityId: string): Promise<unknown> {
    const opened = cardOf(await bot.execute(user(), 'attendance.open', { activityId }));
    return cardOf(await press(bot, user(), opened, 'Find names and update count', { forms: '10A' }));
  }

  /** Presses Save; what the leader sees, whether the card in reply or a message. */
  async function save(card: unknown): Promise<{ text: string; card?: unknown }> {
    const before = bot.connector.sent.length;
    const result = await press(bot, user(), card, 'Save attendance for 6 pupils');
    if (result.body?.type === 'application/vnd.microsoft.card.adaptive') return { text: cardText(cardOf(result)), card: cardOf(result) };
    const messages = bot.connector.sent.slice(before).map((entry) => entry.activity.text ?? '');
    return { text: [String(result.body?.value ?? ''), ...messages].join('\n') };
  }

  async function asksFor(activity: Activity): Promise<string[]> {
    const week = isoWeekOf(activity.date);
    return (await services().outbox.history(SCHOOL_ID))
      .filter((entry) => entry.message.key.startsWith('pupil-feedback:') && entry.message.key.endsWith(`:${week}`))
      .map((entry) => (entry.message.to.kind === 'person' ? entry.message.to.personId : '?'))
      .sort();
  }

  async function attendees(activity: Activity): Promise<string[]> {
    return (await services().school.collections.attendance.listPartition(SCHOOL_ID, activity.id)).map((row) => row.pupilId).sort();
  }

  it('writes the rows, one fan-out record and the audit entry, and nothing per pupil', async () => {
    const activity = await nextActivity();
    const card = await counted(activity.id);
    faults.count();
    expect((await save(card)).text).toContain('Attendance saved');
    expect(faults.log).toEqual(['submitTransaction attendance', 'upsertEntity fanOut', 'upsertEntity audit']);
    await runAttendanceFanOut(services());
    expect(await asksFor(activity)).toEqual(form10A.map((p) => p.id).sort());
  });

  for (const mode of MODES) {
    for (const nth of [1, 2, 3]) {
      it(`tells the truth and finishes on the retry when write ${nth} is ${mode}`, async () => {
        const activity = await nextActivity();
        const card = await counted(activity.id);
        faults.arm(nth, mode);
        const heard = await save(card);
        faults.disarm();
        expect(heard.text).not.toMatch(/nothing was changed/i);

        if (nth === 1) {
          // The rows failed part-way: the card opens the list as stored, to be saved again.
          expect(heard.text).toContain('Attendance not fully saved');
          expect(heard.text).toContain('only part of it may be saved, and no pupil has been asked for feedback yet');
          const reopened = cardOf(await press(bot, user(), heard.card, 'Open attendance'));
          const again = cardOf(await press(bot, user(), reopened, 'Find names and update count', { forms: '10A' }));
          expect((await save(again)).text).toMatch(/Attendance (saved|updated)/);
        } else if (nth === 2) {
          // The rows are saved and said so; the same tap again queues the asks.
          expect(heard.text).toContain('6 pupils at');
          expect(heard.text).toContain('The attendance is saved, but I couldn’t make sure the pupils will be asked for feedback');
          expect(await attendees(activity)).toEqual(form10A.map((p) => p.id).sort());
          const finished = cardText(cardOf(await press(bot, user(), heard.card, 'Save again')));
          expect(finished).toContain('6 pupils at');
          expect(finished).not.toContain('couldn’t make sure');
        } else {
          // Only the audit entry failed: the leader has everything they asked for.
          expect(heard.text).toContain('Attendance saved');
          expect(heard.text).not.toContain('couldn’t make sure');
        }

        await runAttendanceFanOut(services());
        expect(await attendees(activity)).toEqual(form10A.map((p) => p.id).sort());
        expect(await asksFor(activity)).toEqual(form10A.map((p) => p.id).sort());
        expect(await queuedFanOuts(services(), SCHOOL_ID)).toEqual([]);
      });
    }
  }

  it('tells the truth on the plan’s card too, whose Save again queues the asks', async () => {
    const planDay = addDays(FIRST_DAY, 7 * cases++);
    const plan: Activity = {
      id: 'PLAN-FAULT',
      date: planDay,
      kind: 'employer_encounter',
      title: 'Year 10 employer day',
      providerAccess: false,
      meaningful: true,
      recordedBy: leader.id,
      invitedYearGroups: [10],
    };
    await createPlannedActivity(services().school, SCHOOL_ID, plan, addDays(planDay, -1));
    clock.set(`${addDays(planDay, 1)}T08:00:00Z`);
    await runForEachSchool(services(), planAttendanceJob, clock.at);
    const card = (await services().outbox.history(SCHOOL_ID)).find((entry) => entry.message.key.startsWith(`plan-attendance:${plan.id}:`))!
      .message.card;
    // The plan's writes: who took it (on the activity), the rows, the fan-out record, the audit entry.
    faults.arm(3, 'refused');
    const answer = cardOf(await press(bot, user(), card, 'Save attendance'));
    faults.disarm();
    expect(faults.log.slice(0, 3)).toEqual(['updateEntity activities', 'submitTransaction attendance', 'upsertEntity fanOut']);
    expect(cardText(answer)).toContain('The attendance is saved, but I couldn’t make sure the pupils will be asked for feedback');
    expect(cardText(answer)).not.toMatch(/nothing was changed/i);
    expect(await attendees(plan)).toEqual(form10A.map((p) => p.id).sort());
    expect(cardText(cardOf(await press(bot, user(), answer, 'Save again')))).not.toContain('couldn’t make sure');
    await runAttendanceFanOut(services());
    expect(await asksFor(plan)).toEqual(form10A.map((p) => p.id).sort());
  });
});
