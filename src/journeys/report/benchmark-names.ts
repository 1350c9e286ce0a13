// What people call each benchmark, row and Benchmark 1 check, for the report card and the CLI
// table. The counting itself is the engine's (src/domain/benchmarks).

export { BENCHMARK_TITLES, benchmarkName, CHECK_NAMES } from '../../domain/benchmarks/benchmark-titles';
import { SCHOOL_CHECK_IDS, type BenchmarkId, type BenchmarkRow, type SchoolCheckId } from '../../domain/benchmarks';

/**
 * The Benchmark 1 check each school-level row is. The engine lists them in SCHOOL_CHECK_IDS order
 * (evaluate.ts sorts stably), and the contract's rows carry no other name.
 */
export function checksOfRows(rows: readonly BenchmarkRow[]): Map<BenchmarkRow, SchoolCheckId> {
  const checks = new Map<BenchmarkRow, SchoolCheckId>();
  rows
    .filter((row) => row.benchmark === '1')
    .forEach((row, index) => {
      const check = SCHOOL_CHECK_IDS[index];
      if (check) checks.set(row, check);
    });
  return checks;
}

/** What a pupil (or subject) in the row must have, in a few words. */
export function ruleOf(benchmark: BenchmarkId, yearGroup: number): string {
  const sixthForm = yearGroup >= 12;
  switch (benchmark) {
    case '1':
      return 'A school-level check.';
    case '2':
      return 'Used careers or labour-market information at least once in this Key Stage.';
    case '3':
      return yearGroup === 11 || yearGroup === 13
        ? 'Advice and agreed actions recorded after every guidance meeting, and (from January) an intended destination.'
        : 'Advice and agreed actions recorded after every guidance meeting.';
    case '4':
      return 'Each subject taught to the year group has a careers link this academic year.';
    case '5':
      return 'At least one meaningful employer encounter this academic year.';
    case '6':
      return sixthForm
        ? 'At least one meaningful workplace experience in Year 12 or 13.'
        : 'At least two meaningful workplace experiences.';
    case '7':
      return sixthForm
        ? 'Pupils considering higher education: at least two meaningful university encounters in Year 12 or 13.'
        : 'Meaningful encounters with all four kinds of provider: sixth form, college, university and training provider.';
    case '8':
      return sixthForm ? 'A completed guidance meeting in Year 12 or 13.' : 'At least one completed guidance meeting.';
    case 'PAL':
      return 'At least two Provider Access Legislation encounters with colleges or training providers in the phase window.';
  }
}

/** "79%" (whole percentages; a row's total is never 0). */
export function percentOf(row: Pick<BenchmarkRow, 'met' | 'total'>): number {
  return row.total === 0 ? 0 : Math.round((row.met / row.total) * 100);
}
