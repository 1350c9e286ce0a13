import { odata } from '@azure/data-tables';
import { academicYearOf } from '../../domain/calendar';
import { waitsForAttendance } from '../../domain/planned-activities';
import type { Activity, IsoDate } from '../../domain/school';
import type { Services } from '../../services';

// The plans whose day has passed and whose attendance nobody has taken yet: the hourly job asks
// their planners, and the digest lists them (titles and dates only).

/** Activities of this academic year dated before today: where a plan waiting for attendance can be. */
export function heldThisYear(today: IsoDate): string {
  return odata`date lt ${today} and date ge ${academicYearOf(today).start}`;
}

/** Plans of this academic year whose day is before `today` and that have no attendance yet, oldest first. */
export async function plansWaitingForAttendance(services: Services, schoolId: string, today: IsoDate): Promise<Activity[]> {
  const { activities, attendance } = services.school.collections;
  const candidates = (await activities.list(schoolId, heldThisYear(today))).filter((activity) =>
    waitsForAttendance(activity, today, false),
  );
  const taken = await Promise.all(candidates.map(async (activity) => (await attendance.listPartition(schoolId, activity.id)).length > 0));
  return candidates.filter((_, index) => !taken[index]).sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
}
