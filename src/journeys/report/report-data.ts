import { computeBenchmarkReport, evaluateBenchmarks, type BenchmarkEvaluation, type BenchmarkReport } from '../../domain/benchmarks';
import type { IsoDate, SchoolData } from '../../domain/school';
import type { SchoolSettings } from '../../domain/school-settings';
import type { Services } from '../../services';

/**
 * Free guidance-meeting slots advisers have published, which Benchmark 8's gaps mention. Always 0
 * until the meetings journey (src/journeys/meetings/) stores slots: it should count them here, and
 * every report (Teams card and `npm run report`) then picks them up.
 */
export async function countPublishedFreeSlots(_services: Services, _schoolId: string, _asOf: IsoDate): Promise<number> {
  return 0;
}

export interface SchoolSnapshot {
  data: SchoolData;
  settings: SchoolSettings;
}

export async function loadSchoolSnapshot(services: Services, schoolId: string): Promise<SchoolSnapshot> {
  const [data, stored] = await Promise.all([services.school.load(schoolId), services.settings.get(schoolId)]);
  return { data, settings: stored.settings };
}

/** The contract's report `{ asOf, rows, gaps }` from what storage holds now. */
export async function loadBenchmarkReport(services: Services, schoolId: string, asOf: IsoDate): Promise<SchoolSnapshot & { report: BenchmarkReport }> {
  const [snapshot, publishedFreeSlots] = await Promise.all([loadSchoolSnapshot(services, schoolId), countPublishedFreeSlots(services, schoolId, asOf)]);
  return { ...snapshot, report: computeBenchmarkReport(snapshot.data, asOf, snapshot.settings, { publishedFreeSlots }) };
}

/** The report's rows with who meets each, for the pupil lists. */
export async function loadEvaluation(services: Services, schoolId: string, asOf: IsoDate): Promise<SchoolSnapshot & { evaluation: BenchmarkEvaluation }> {
  const snapshot = await loadSchoolSnapshot(services, schoolId);
  return { ...snapshot, evaluation: evaluateBenchmarks(snapshot.data, asOf, snapshot.settings) };
}
