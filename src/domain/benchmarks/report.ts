// The benchmark report export (docs/school-data-format.md, "The benchmark report (JSON)"):
// `{ asOf, rows, gaps }`, the same numbers the Teams digest shows.

import type { IsoDate, SchoolData } from '../school';
import type { SchoolSettings } from '../school-settings';
import { evaluateInputs, evaluationInputs } from './evaluate';
import { isInEquityGroup, rankGaps } from './gaps';
import type { BenchmarkId, BenchmarkReport, BenchmarkRow, EquityGroup, EvaluatedRow, Gap, GapOptions } from './types';

/** Only the contract's fields and the forecast's, whatever else the evaluation carries. */
export function toReportRow({ benchmark, yearGroup, met, planned, unplanned, total }: EvaluatedRow): BenchmarkRow {
  return { benchmark, yearGroup, met, planned, unplanned, total };
}

export function computeBenchmarkReport(data: SchoolData, asOf: IsoDate, school: SchoolSettings, options: GapOptions = {}): BenchmarkReport {
  const inputs = evaluationInputs(data, asOf, school);
  const evaluation = evaluateInputs(inputs);
  return { asOf, rows: evaluation.rows.map(toReportRow), gaps: rankGaps(evaluation, inputs, options) };
}

/** The ranked gaps alone, for the weekly nudge. */
export function findGaps(data: SchoolData, asOf: IsoDate, school: SchoolSettings, options: GapOptions = {}): Gap[] {
  const inputs = evaluationInputs(data, asOf, school);
  return rankGaps(evaluateInputs(inputs), inputs, options);
}

/** The report for one year group: its rows and the gaps that concern it (no school-wide checks). */
export function reportForYearGroup(report: BenchmarkReport, yearGroup: number): BenchmarkReport {
  return {
    asOf: report.asOf,
    rows: report.rows.filter((row) => row.yearGroup === yearGroup),
    gaps: report.gaps.filter((gap) => gap.yearGroup === yearGroup),
  };
}

/** One benchmark's rows and gaps ("how is Year 11 doing on guidance meetings?"). */
export function reportForBenchmark(report: BenchmarkReport, benchmark: BenchmarkId): BenchmarkReport {
  return {
    asOf: report.asOf,
    rows: report.rows.filter((row) => row.benchmark === benchmark),
    gaps: report.gaps.filter((gap) => gap.benchmark === benchmark),
  };
}

/**
 * The report counting only one group's pupils (e.g. SEND): each pupil row with the group's members
 * alone, and as gaps the group's equity gaps (where it trails its year group). Benchmark 1 (school
 * checks) and 4 (subjects) count no pupils, so they have no rows here.
 */
export function computeGroupReport(
  data: SchoolData,
  asOf: IsoDate,
  school: SchoolSettings,
  group: EquityGroup,
  options: GapOptions = {},
): BenchmarkReport {
  const inputs = evaluationInputs(data, asOf, school);
  const evaluation = evaluateInputs(inputs);
  const members = new Set(inputs.records.pupils.filter((record) => isInEquityGroup(record.pupil, group)).map((record) => record.pupil.id));
  const rows = evaluation.rows
    .filter((row) => row.benchmark !== '1' && row.benchmark !== '4')
    .flatMap((row) => {
      const met = row.metIds.filter((id) => members.has(id)).length;
      const unmet = row.unmetIds.filter((id) => members.has(id)).length;
      const planned = row.plannedIds.filter((id) => members.has(id)).length;
      const total = met + unmet;
      return total > 0 ? [{ benchmark: row.benchmark, yearGroup: row.yearGroup, met, planned, unplanned: unmet - planned, total }] : [];
    });
  const gaps = rankGaps(evaluation, inputs, options).filter((gap) => gap.kind === 'equity' && gap.equityGroup === group);
  return { asOf, rows, gaps };
}
