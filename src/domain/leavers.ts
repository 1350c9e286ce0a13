// The school's recent leavers and where they went (Benchmark 3: destinations are tracked after
// pupils leave). Pure: the leavers card and its tests read it.
import { addDays } from './calendar';
import type { Destination, DestinationKind, IsoDate, Person, SchoolData } from './school';

/** How far back "this year's leavers" reaches: the summer's Year 11 and 13 until next summer. */
export const LEAVERS_WINDOW_DAYS = 365;

export interface LeaverDestinations {
  pupil: Person;
  leftOn: IsoDate;
  /** The latest of each kind recorded, if any. */
  intended?: Destination;
  actual?: Destination;
}

/** Each pupil's latest destination of one kind recorded on or before `onOrBefore`. */
export function latestDestinations(
  destinations: readonly Destination[],
  kind: DestinationKind,
  onOrBefore: IsoDate,
): Map<string, Destination> {
  const latest = new Map<string, Destination>();
  for (const destination of destinations) {
    if (destination.kind !== kind || destination.date > onOrBefore) continue;
    const current = latest.get(destination.pupilId);
    if (current === undefined || destination.date > current.date) latest.set(destination.pupilId, destination);
  }
  return latest;
}

/** Pupils who left in the 12 months up to `today`, most recent first, with their latest destinations. */
export function recentLeavers(data: Pick<SchoolData, 'people' | 'destinations'>, today: IsoDate): LeaverDestinations[] {
  const since = addDays(today, -LEAVERS_WINDOW_DAYS);
  const leavers = new Map<string, LeaverDestinations>();
  for (const person of data.people) {
    if (person.role === 'pupil' && person.leftOn !== undefined && person.leftOn > since && person.leftOn <= today) {
      leavers.set(person.id, { pupil: person, leftOn: person.leftOn });
    }
  }
  for (const kind of ['intended', 'actual'] as const) {
    for (const [pupilId, destination] of latestDestinations(data.destinations, kind, today)) {
      const leaver = leavers.get(pupilId);
      if (leaver) leaver[kind] = destination;
    }
  }
  return [...leavers.values()].sort(
    (a, b) =>
      b.leftOn.localeCompare(a.leftOn) ||
      (a.pupil.yearGroup ?? 0) - (b.pupil.yearGroup ?? 0) ||
      a.pupil.familyName.localeCompare(b.pupil.familyName, 'en-GB') ||
      a.pupil.id.localeCompare(b.pupil.id),
  );
}
