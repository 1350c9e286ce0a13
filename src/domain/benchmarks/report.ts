// The benchmark report export (school-data-format.md, "The benchmark report (export)"):
// `{ asOf, rows, gaps }`, the same numbers the Teams digest shows.

import type { IsoDate, SchoolData } from '../school';
import type { SchoolSettings } from '../school-settings';
import { evaluateInputs, evaluationInputs } from './evaluate';
import { rankGaps } from './gaps';
import type { BenchmarkReport, BenchmarkRow, EvaluatedRow, Gap, GapOptions } from './types';

/** Only the contract's fields and the forecast's, whatever else the evaluation carries. */
export function toReportRow({ benchmark, yearGroup, met, planned, unplanned, total }: EvaluatedRow): BenchmarkRow {
  return { benchmark, yearGroup, met, planned, unplanned, total };
}

export function computeBenchmarkReport(
  data: SchoolData,
  asOf: IsoDate,
  school: SchoolSettings,
  options: GapOptions = {},
): BenchmarkReport {
  const inputs = evaluationInputs(data, asOf, school);
  const evaluation = evaluateInputs(inputs);
  return { asOf, rows: evaluation.rows.map(toReportRow), gaps: rankGaps(evaluation, inputs, options) };
}

/** The ranked gaps alone, for the weekly nudge. */
export function findGaps(data: SchoolData, asOf: IsoDate, school: SchoolSettings, options: GapOptions = {}): Gap[] {
  const inputs = evaluationInputs(data, asOf, school);
  return rankGaps(evaluateInputs(inputs), inputs, options);
}
