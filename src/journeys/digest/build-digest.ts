import { MONDAY, weekdayOnOrBefore } from '../../domain/calendar';
import { composeDigest, type Digest } from '../../domain/digest/compose-digest';
import type { IsoDate } from '../../domain/school';
import type { Services } from '../../services';
import type { BenchmarkReport } from '../../domain/benchmarks/types';
import { plansWaitingForAttendance } from '../encounters/plan-attendance-store';
import { loadBenchmarkReport } from '../report/report-store';

export interface BuiltDigest {
  digest: Digest;
  report: BenchmarkReport;
  schoolName?: string;
}

/** Today's report for the school, compared with the digest last posted before this week. */
export async function buildDigest(services: Services, schoolId: string, asOf: IsoDate): Promise<BuiltDigest> {
  // The report card's own loader, so the digest and "report" never disagree (free slots included).
  const [{ report, settings }, previous, waiting] = await Promise.all([
    loadBenchmarkReport(services, schoolId, asOf),
    services.digests.latestBefore(schoolId, weekdayOnOrBefore(asOf, MONDAY)),
    plansWaitingForAttendance(services, schoolId, asOf),
  ]);
  const waitingForAttendance = waiting.map(({ title, date }) => ({ title, date }));
  return { digest: { ...composeDigest(report, previous), waitingForAttendance }, report, schoolName: settings.schoolName };
}
