// Every report row, with who meets it and who does not.

import type { IsoDate, SchoolData } from '../school';
import type { SchoolSettings } from '../school-settings';
import { curriculumCoverage, curriculumRows, type CurriculumCoverage } from './curriculum-coverage';
import { buildPupilRecords, type PupilRecord, type PupilRecords } from './pupil-records';
import { PUPIL_RULES, type PupilRule, type RuleContext } from './rules';
import { schoolCheckRows } from './school-checks';
import { BENCHMARK_IDS, type BenchmarkEvaluation, type EvaluatedRow } from './types';

/** Everything the engine derives from the data once, shared by the rows and the gaps. */
export interface EvaluationInputs {
  records: PupilRecords;
  coverage: CurriculumCoverage;
  school: SchoolSettings;
}

export function evaluationInputs(data: SchoolData, asOf: IsoDate, school: SchoolSettings): EvaluationInputs {
  return { records: buildPupilRecords(data, asOf), coverage: curriculumCoverage(data, asOf), school };
}

function pupilsByYearGroup(records: PupilRecords): Map<number, PupilRecord[]> {
  const byYear = new Map<number, PupilRecord[]>();
  for (const record of records.pupils) {
    const list = byYear.get(record.yearGroup);
    if (list) list.push(record);
    else byYear.set(record.yearGroup, [record]);
  }
  return byYear;
}

function ruleRows(rule: PupilRule, byYear: Map<number, PupilRecord[]>, context: RuleContext): EvaluatedRow[] {
  const rows: EvaluatedRow[] = [];
  for (const yearGroup of rule.yearGroups) {
    const metIds: string[] = [];
    const unmetIds: string[] = [];
    for (const record of byYear.get(yearGroup) ?? []) {
      if (rule.countsPupil && !rule.countsPupil(record)) continue;
      (rule.isMet(record, context) ? metIds : unmetIds).push(record.pupil.id);
    }
    const total = metIds.length + unmetIds.length;
    if (total > 0) rows.push({ benchmark: rule.benchmark, yearGroup, met: metIds.length, total, metIds, unmetIds });
  }
  return rows;
}

const benchmarkOrder = (row: EvaluatedRow) => BENCHMARK_IDS.indexOf(row.benchmark);

export function evaluateInputs({ records, coverage, school }: EvaluationInputs): BenchmarkEvaluation {
  const context: RuleContext = { asOf: records.asOf, academicYear: records.academicYear };
  const byYear = pupilsByYearGroup(records);
  const rows = [
    ...schoolCheckRows(school, records.asOf),
    ...curriculumRows(coverage),
    ...PUPIL_RULES.flatMap((rule) => ruleRows(rule, byYear, context)),
  ];
  // Benchmark order, then year group; the sort is stable, so Benchmark 1 keeps its check order.
  rows.sort((a, b) => benchmarkOrder(a) - benchmarkOrder(b) || (a.yearGroup ?? 0) - (b.yearGroup ?? 0));
  return { asOf: records.asOf, academicYear: records.academicYear, rows };
}

/** The report's rows with, for each, the pupil ids (Benchmark 4: subject names) that meet it and that do not. */
export function evaluateBenchmarks(data: SchoolData, asOf: IsoDate, school: SchoolSettings): BenchmarkEvaluation {
  return evaluateInputs(evaluationInputs(data, asOf, school));
}
