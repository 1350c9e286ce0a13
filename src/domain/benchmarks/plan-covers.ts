// What in the plan reaches the pupils a gap counts as planned (docs/benchmark-rules.md, "The plan and
// the forecast"): the planned activities of the row's kind, or the booked guidance meetings, each with
// how many of those pupils it is for.

import type { Activity, IsoDate } from '../school';
import type { EvaluationInputs } from './evaluate';
import { countsForProviderAccess } from './provider-access';
import type { BenchmarkId, EvaluatedRow, PlanCover } from './types';

/** Whether a planned activity is of the kind that can meet the row's rule. */
const COUNTS_FOR: Partial<Record<BenchmarkId, (activity: Activity) => boolean>> = {
  '2': (activity) => activity.kind === 'labour_market_information',
  '5': (activity) => activity.kind === 'employer_encounter' && activity.meaningful,
  '6': (activity) => activity.kind === 'workplace_experience' && activity.meaningful,
  '7': (activity) => activity.kind === 'provider_encounter' && activity.meaningful,
  PAL: countsForProviderAccess,
};

/** Most pupils first, then soonest; booked meetings last. */
export function planCovers(row: EvaluatedRow, { records, forecast }: Pick<EvaluationInputs, 'records' | 'forecast'>): PlanCover[] {
  const asOf: IsoDate = records.asOf;
  const countsFor = COUNTS_FOR[row.benchmark];
  const byActivity = new Map<string, { activity: Activity; covers: number }>();
  let meetings = 0;
  for (const id of row.plannedIds) {
    const record = forecast.of(id);
    if (!record) continue;
    if (countsFor) {
      for (const { activity } of record.attended) {
        if (activity.date <= asOf || !countsFor(activity)) continue;
        const entry = byActivity.get(activity.id);
        if (entry) entry.covers++;
        else byActivity.set(activity.id, { activity, covers: 1 });
      }
    }
    if ((row.benchmark === '8' || row.benchmark === '3') && record.completedMeetings.some((meeting) => meeting.date > asOf)) meetings++;
  }
  const activities: PlanCover[] = [...byActivity.values()]
    .sort((a, b) => b.covers - a.covers || (a.activity.date < b.activity.date ? -1 : a.activity.date > b.activity.date ? 1 : 0))
    .map(({ activity, covers }) => ({ kind: 'activity', activityId: activity.id, title: activity.title, date: activity.date, covers }));
  return meetings > 0 ? [...activities, { kind: 'booked_meetings', covers: meetings }] : activities;
}
