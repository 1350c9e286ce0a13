import {
  computeBenchmarkReport,
  computeGroupReport,
  evaluateBenchmarks,
  type BenchmarkEvaluation,
  type BenchmarkReport,
  type EquityGroup,
} from '../../domain/benchmarks';
import type { IsoDate, SchoolData } from '../../domain/school';
import type { SchoolSettings } from '../../domain/school-settings';
import type { Services } from '../../services';
import { freeSlots } from '../meetings/meeting-store';

/**
 * Free guidance-meeting slots advisers have published from the report's date on (never before
 * now: a past slot can no longer be booked), which Benchmark 8's gaps mention.
 */
export async function countPublishedFreeSlots(services: Services, schoolId: string, asOf: IsoDate): Promise<number> {
  return (await freeSlots(services, schoolId, { from: `${asOf}T00:00`, limit: Number.POSITIVE_INFINITY })).length;
}

export interface SchoolSnapshot {
  data: SchoolData;
  settings: SchoolSettings;
}

export async function loadSchoolSnapshot(services: Services, schoolId: string): Promise<SchoolSnapshot> {
  const [data, stored] = await Promise.all([services.school.load(schoolId), services.settings.get(schoolId)]);
  return { data, settings: stored.settings };
}

/**
 * The contract's report `{ asOf, rows, gaps }` from what storage holds now; with `group`, the
 * report counting only that group's pupils (the SEND view).
 */
export async function loadBenchmarkReport(
  services: Services,
  schoolId: string,
  asOf: IsoDate,
  group?: EquityGroup,
): Promise<SchoolSnapshot & { report: BenchmarkReport }> {
  const [snapshot, publishedFreeSlots] = await Promise.all([
    loadSchoolSnapshot(services, schoolId),
    countPublishedFreeSlots(services, schoolId, asOf),
  ]);
  const report = group
    ? computeGroupReport(snapshot.data, asOf, snapshot.settings, group, { publishedFreeSlots })
    : computeBenchmarkReport(snapshot.data, asOf, snapshot.settings, { publishedFreeSlots });
  return { ...snapshot, report };
}

/** The report's rows with who meets each, for the pupil lists. */
export async function loadEvaluation(
  services: Services,
  schoolId: string,
  asOf: IsoDate,
): Promise<SchoolSnapshot & { evaluation: BenchmarkEvaluation }> {
  const snapshot = await loadSchoolSnapshot(services, schoolId);
  return { ...snapshot, evaluation: evaluateBenchmarks(snapshot.data, asOf, snapshot.settings) };
}
