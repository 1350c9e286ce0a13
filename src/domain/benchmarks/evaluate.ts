// Every report row, with who meets it and who does not.

import type { IsoDate, SchoolData } from '../school';
import type { SchoolSettings } from '../school-settings';
import { curriculumCoverage, curriculumRows, type CurriculumCoverage } from './curriculum-coverage';
import { buildForecastRecords, buildPupilRecords, type ForecastRecords, type PupilRecord, type PupilRecords } from './pupil-records';
import { PUPIL_RULES, type PupilRule, type RuleContext } from './rules';
import { schoolCheckRows } from './school-checks';
import { BENCHMARK_IDS, type BenchmarkEvaluation, type EvaluatedRow } from './types';

/** Everything the engine derives from the data once, shared by the rows and the gaps. */
export interface EvaluationInputs {
  records: PupilRecords;
  /** The same pupils' records if the plan happens, for the forecast. */
  forecast: ForecastRecords;
  coverage: CurriculumCoverage;
  school: SchoolSettings;
}

export function evaluationInputs(data: SchoolData, asOf: IsoDate, school: SchoolSettings): EvaluationInputs {
  const records = buildPupilRecords(data, asOf);
  return { records, forecast: buildForecastRecords(data, records), coverage: curriculumCoverage(data, asOf), school };
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

/** The as-of date's rule context, and the forecast's: the same academic year, evaluated on its last day. */
interface RuleContexts {
  today: RuleContext;
  forecast: RuleContext;
  forecastRecords: ForecastRecords;
}

function ruleRows(rule: PupilRule, byYear: Map<number, PupilRecord[]>, contexts: RuleContexts): EvaluatedRow[] {
  const rows: EvaluatedRow[] = [];
  for (const yearGroup of rule.yearGroups) {
    const metIds: string[] = [];
    const unmetIds: string[] = [];
    const plannedIds: string[] = [];
    for (const record of byYear.get(yearGroup) ?? []) {
      if (rule.countsPupil && !rule.countsPupil(record)) continue;
      if (rule.isMet(record, contexts.today)) {
        metIds.push(record.pupil.id);
        continue;
      }
      unmetIds.push(record.pupil.id);
      const forecast = contexts.forecastRecords.of(record.pupil.id) ?? record;
      if (rule.isMet(forecast, contexts.forecast)) plannedIds.push(record.pupil.id);
    }
    const total = metIds.length + unmetIds.length;
    if (total > 0) {
      rows.push({
        benchmark: rule.benchmark,
        yearGroup,
        met: metIds.length,
        planned: plannedIds.length,
        unplanned: unmetIds.length - plannedIds.length,
        total,
        metIds,
        unmetIds,
        plannedIds,
      });
    }
  }
  return rows;
}

const benchmarkOrder = (row: EvaluatedRow) => BENCHMARK_IDS.indexOf(row.benchmark);

export function evaluateInputs({ records, forecast, coverage, school }: EvaluationInputs): BenchmarkEvaluation {
  const contexts: RuleContexts = {
    today: { asOf: records.asOf, academicYear: records.academicYear },
    forecast: { asOf: forecast.asOf, academicYear: records.academicYear },
    forecastRecords: forecast,
  };
  const byYear = pupilsByYearGroup(records);
  const rows = [
    ...schoolCheckRows(school, records.asOf),
    ...curriculumRows(coverage),
    ...PUPIL_RULES.flatMap((rule) => ruleRows(rule, byYear, contexts)),
  ];
  // Benchmark order, then year group; the sort is stable, so Benchmark 1 keeps its check order.
  rows.sort((a, b) => benchmarkOrder(a) - benchmarkOrder(b) || (a.yearGroup ?? 0) - (b.yearGroup ?? 0));
  return { asOf: records.asOf, academicYear: records.academicYear, rows };
}

/** The report's rows with, for each, the pupil ids (Benchmark 4: subject names) that meet it and that do not. */
export function evaluateBenchmarks(data: SchoolData, asOf: IsoDate, school: SchoolSettings): BenchmarkEvaluation {
  return evaluateInputs(evaluationInputs(data, asOf, school));
}
