// Provider Access Legislation (PAL): two encounters with providers of technical education or
// apprenticeships in each key phase (docs/benchmark-rules.md, "Provider Access Legislation (PAL)").

import { academicStartYearOf, endOfFebruary, endOfYearGroup } from '../calendar';
import type { Activity, IsoDate } from '../school';
import type { AttendedActivity, PupilRecord } from './pupil-records';

export const PROVIDER_ACCESS_ENCOUNTERS_NEEDED = 2;

export interface ProviderAccessPhase {
  phase: 1 | 2 | 3;
  /** Encounters count at any time in this year group... */
  firstYearGroup: number;
  /** ...or in this one from 1 September to the end of February. */
  lastYearGroup: number;
  /** Phases 1 and 2 are mandatory for every pupil; in phase 3 the school must offer them. */
  attendanceMandatory: boolean;
}

export const PROVIDER_ACCESS_PHASES: readonly ProviderAccessPhase[] = [
  { phase: 1, firstYearGroup: 8, lastYearGroup: 9, attendanceMandatory: true },
  { phase: 2, firstYearGroup: 10, lastYearGroup: 11, attendanceMandatory: true },
  { phase: 3, firstYearGroup: 12, lastYearGroup: 13, attendanceMandatory: false },
];

export function providerAccessPhaseOf(yearGroup: number): ProviderAccessPhase | undefined {
  return PROVIDER_ACCESS_PHASES.find((p) => yearGroup >= p.firstYearGroup && yearGroup <= p.lastYearGroup);
}

/** Sixth-form and university encounters count for Benchmark 7 but not for PAL; `meaningful` does not matter. */
export function countsForProviderAccess(activity: Activity): boolean {
  return (
    activity.kind === 'provider_encounter' &&
    activity.providerAccess &&
    (activity.providerType === 'further_education_college' || activity.providerType === 'independent_training_provider')
  );
}

/** Whether a date, when the pupil was in `yearGroupThen`, falls in the phase's window. */
export function inProviderAccessWindow(phase: ProviderAccessPhase, yearGroupThen: number, date: IsoDate): boolean {
  if (yearGroupThen === phase.firstYearGroup) return true;
  // The statute says 28 February; in a leap year 29 February counts too.
  return yearGroupThen === phase.lastYearGroup && date <= endOfFebruary(academicStartYearOf(date) + 1);
}

/** The PAL encounters a pupil attended inside their phase's window. */
export function providerAccessEncounters(record: PupilRecord): AttendedActivity[] {
  const phase = providerAccessPhaseOf(record.yearGroup);
  if (!phase) return [];
  return record.attended.filter(
    (entry) => countsForProviderAccess(entry.activity) && inProviderAccessWindow(phase, entry.yearGroupThen, entry.activity.date),
  );
}

export function meetsProviderAccess(record: PupilRecord): boolean {
  return providerAccessEncounters(record).length >= PROVIDER_ACCESS_ENCOUNTERS_NEEDED;
}

/** The last day of the window for a pupil now in `yearGroup`: end of February of the phase's last year. */
export function providerAccessWindowCloses(yearGroup: number, asOf: IsoDate): IsoDate | undefined {
  const phase = providerAccessPhaseOf(yearGroup);
  if (!phase) return undefined;
  const endOfLastYear = endOfYearGroup(yearGroup, phase.lastYearGroup, asOf);
  return endOfFebruary(Number(endOfLastYear.slice(0, 4)));
}
