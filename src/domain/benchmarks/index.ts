// The benchmark engine's public surface: pure functions of (data, as-of date, school settings).

export { computeBenchmarkReport, computeGroupReport, findGaps, reportForBenchmark, reportForYearGroup, toReportRow } from './report';
export { evaluateBenchmarks, evaluateInputs, evaluationInputs, type EvaluationInputs } from './evaluate';
export { closedByPlan, gapsToActOn, rowUnit, type GapsToActOn } from './gaps-to-act-on';
export { rankGaps, urgencyOf, compareGaps, isInEquityGroup, MIN_EQUITY_GROUP_SIZE } from './gaps';
export {
  curriculumCoverage,
  type CoverageCell,
  type CoverageGap,
  type CoverageSubject,
  type CurriculumCoverage,
  type TeacherWithoutLinks,
} from './curriculum-coverage';
export {
  PROVIDER_ACCESS_PHASES,
  countsForProviderAccess,
  providerAccessPhaseOf,
  providerAccessWindowCloses,
  type ProviderAccessPhase,
} from './provider-access';
export { passesSchoolCheck } from './school-checks';
export * from './types';
