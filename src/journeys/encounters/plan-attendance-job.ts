import { invites } from '../../domain/planned-activities';
import { onRollOn, type Activity, type IsoDate, type Person } from '../../domain/school';
import { schoolDateOf } from '../../domain/school-time';
import type { SchoolJob } from '../../scheduling/school-jobs';
import type { Services } from '../../services';
import { compareByName } from './attendance-selection';
import { planAttendanceCard } from './plan-attendance-cards';
import { heldThisYear, plansWaitingForAttendance } from './plan-attendance-store';

// The hourly check's part in turning the plan into the record: once a planned activity's day has
// passed, whoever planned it gets one card to take its attendance (the careers leader, for a plan
// imported without a planner or whose planner has left). The message key names the activity and
// the person, so runs on two instances, or every hour until it is taken, send it once.

export const planAttendanceJob: SchoolJob<number> = {
  name: 'plan-attendance',
  schools: (services, now) => services.storage.schoolsHolding('activities', () => heldThisYear(schoolDateOf(now))),
  runForSchool: askForPlanAttendance,
};

/** The pupils the plan invited who were on roll on its day, by name. */
export function invitedPupils(people: readonly Person[], activity: Activity): Person[] {
  return people
    .filter(
      (person) =>
        person.role === 'pupil' &&
        person.yearGroup !== undefined &&
        person.yearGroup >= 7 &&
        person.yearGroup <= 13 &&
        onRollOn(person, activity.date) &&
        invites(activity, person),
    )
    .sort(compareByName);
}

function plannersOf(activity: Activity, people: readonly Person[], today: IsoDate): Person[] {
  const planner = people.find((person) => person.id === activity.recordedBy && onRollOn(person, today));
  return planner ? [planner] : people.filter((person) => person.role === 'careers_leader' && onRollOn(person, today));
}

/** Queues each waiting plan's attendance card once; returns how many were queued now. */
export async function askForPlanAttendance(services: Services, schoolId: string, now: Date): Promise<number> {
  const today = schoolDateOf(now);
  const waiting = await plansWaitingForAttendance(services, schoolId, today);
  if (waiting.length === 0) return 0;
  const people = await services.school.collections.people.list(schoolId);
  let queued = 0;
  for (const activity of waiting) {
    const pupils = invitedPupils(people, activity);
    if (pupils.length === 0) continue;
    for (const planner of plannersOf(activity, people, today)) {
      const key = `plan-attendance:${activity.id}:${planner.id}`;
      if (await services.outbox.has(schoolId, key)) continue;
      const card = planAttendanceCard(activity, pupils);
      const outcome = await services.outbox.enqueue({ schoolId, key, to: { kind: 'person', personId: planner.id }, card });
      if (outcome === 'queued') queued++;
    }
  }
  if (queued > 0) services.log.info('plan.attendance_asked', { schoolId, count: queued });
  return queued;
}
