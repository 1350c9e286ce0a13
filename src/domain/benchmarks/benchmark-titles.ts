import type { BenchmarkId, SchoolCheckId } from './types';

/** The Gatsby Benchmarks' own titles (2024 wording), and the Provider Access Legislation. */
export const BENCHMARK_TITLES: Record<BenchmarkId, string> = {
  '1': 'A stable careers programme',
  '2': 'Learning from career and labour market information',
  '3': 'Addressing the needs of each young person',
  '4': 'Linking curriculum learning to careers',
  '5': 'Encounters with employers and employees',
  '6': 'Experiences of workplaces',
  '7': 'Encounters with further and higher education',
  '8': 'Personal guidance',
  PAL: 'Provider Access Legislation',
};

/** "Benchmark 5", or "Provider Access Legislation" (which is not a benchmark). */
export function benchmarkName(benchmark: BenchmarkId): string {
  return benchmark === 'PAL' ? 'Provider Access Legislation' : `Benchmark ${benchmark}`;
}

/** What each Benchmark 1 check is called on the report, the settings card and the CLI table. */
export const CHECK_NAMES: Record<SchoolCheckId, string> = {
  programme_published: 'Careers programme published',
  careers_leader_named: 'Careers leader named, with email and phone',
  policy_review_current: 'Careers policy review not overdue',
  programme_evaluated: 'Programme evaluated this year',
};
