import { computeBenchmarkReport } from '../../domain/benchmarks/report';
import { weekday, addDays } from '../../domain/calendar';
import { composeDigest, type Digest } from '../../domain/digest/compose-digest';
import type { IsoDate } from '../../domain/school';
import type { Services } from '../../services';
import type { BenchmarkReport } from '../../domain/benchmarks/types';
import type { DigestStore } from './digest-store';

/** The Monday of the week holding the date: the key of a school-week. */
export function weekOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - weekday(date));
}

export interface BuiltDigest {
  digest: Digest;
  report: BenchmarkReport;
  schoolName?: string;
}

/** Today's report for the school, compared with the digest last posted before this week. */
export async function buildDigest(services: Services, store: DigestStore, schoolId: string, asOf: IsoDate): Promise<BuiltDigest> {
  const [data, { settings }, previous] = await Promise.all([
    services.school.load(schoolId),
    services.settings.get(schoolId),
    store.latestBefore(schoolId, weekOf(asOf)),
  ]);
  const report = computeBenchmarkReport(data, asOf, settings);
  return { digest: composeDigest(report, previous), report, schoolName: settings.schoolName };
}
