// When a leaver's personal records fall due for erasure (docs/school-data-format.md, "Retention"):
// pupils until their 25th birthday, staff 6 years after leaving, unless the school sets otherwise.
import { addDays, isRealIsoDate } from './calendar';
import type { IsoDate, IsoDateTime, Person } from './school';
import type { RetentionPolicy } from './school-settings';

export const DEFAULT_RETENTION: RetentionPolicy = { pupilsUntilAge: 25, staffYearsAfterLeaving: 6 };

/** The first day the person's records may no longer be kept; undefined while they are on roll. */
export function retainedUntil(person: Person, policy: RetentionPolicy = DEFAULT_RETENTION): IsoDate | undefined {
  if (person.leftOn === undefined) return undefined;
  if (person.role !== 'pupil') return addYears(person.leftOn, policy.staffYearsAfterLeaving);
  if (person.dateOfBirth !== undefined) return addYears(person.dateOfBirth, policy.pupilsUntilAge);
  // No date of birth: a pupil in Year N is at least N + 4 when they leave, so keep them as long as the youngest would be kept.
  return addYears(person.leftOn, policy.pupilsUntilAge - 4 - (person.yearGroup ?? 7));
}

/** Leavers whose retention period has passed on `today`. */
export function dueForErasure(people: readonly Person[], today: IsoDate, policy: RetentionPolicy = DEFAULT_RETENTION): Person[] {
  return people.filter((person) => {
    const until = retainedUntil(person, policy);
    return until !== undefined && person.leftOn! <= today && until <= today;
  });
}

/** The same day `years` later; 29 February becomes 1 March in a year without one. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const moved = `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
  return isRealIsoDate(moved) ? moved : `${moved.slice(0, 4)}-03-01`;
}

/** The school-local time each night's retention run is due. */
export const RETENTION_TIME = '02:30';

/**
 * The night whose retention run is the latest due at this school-local time: that day's from
 * 02:30, the day before's until then. Each night's run is done once, at 02:30 or on catching up.
 */
export function retentionNightOf(local: IsoDateTime): IsoDate {
  const date = local.slice(0, 10);
  return local.slice(11, 16) >= RETENTION_TIME ? date : addDays(date, -1);
}
