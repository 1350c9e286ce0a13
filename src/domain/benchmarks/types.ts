// The shapes of the benchmark report (docs/school-data-format.md, "The benchmark report (JSON)";
// docs/benchmark-rules.md, "What a report row is") and of the richer evaluation the Teams cards read.

import type { AcademicYear } from '../calendar';
import type { IsoDate } from '../school';

export const BENCHMARK_IDS = ['1', '2', '3', '4', '5', '6', '7', '8', 'PAL'] as const;
export type BenchmarkId = (typeof BENCHMARK_IDS)[number];

/**
 * One row of the exported report, as the contract's JSON has it, with the forecast
 * (docs/benchmark-rules.md, "The plan and the forecast"): `planned` pupils do not meet the rule today but will if the plan
 * happens; `unplanned` = total - met - planned.
 */
export interface BenchmarkRow {
  benchmark: BenchmarkId;
  yearGroup: number | null;
  met: number;
  planned: number;
  unplanned: number;
  total: number;
}

/** The Benchmark 1 checks, one school-level row each, in report order. */
export const SCHOOL_CHECK_IDS = ['programme_published', 'careers_leader_named', 'policy_review_current', 'programme_evaluated'] as const;
export type SchoolCheckId = (typeof SCHOOL_CHECK_IDS)[number];

/** A report row plus who meets it and who does not (pupil ids; subject names for Benchmark 4). */
export interface EvaluatedRow extends BenchmarkRow {
  /** Benchmark 1 only: which school-level check the row is. */
  check?: SchoolCheckId;
  metIds: string[];
  /** Everyone not met today, planned or not. */
  unmetIds: string[];
  /** Those of unmetIds the plan will reach (the rest are unplanned). */
  plannedIds: string[];
}

export type GapKind =
  /** Pupils in a year group still to reach a benchmark's rule. */
  | 'pupils_to_reach'
  /** Subjects with no curriculum-careers link for a year group this academic year (Benchmark 4). */
  | 'curriculum_links'
  /** SEND, pupil premium or looked-after pupils trailing their year group. */
  | 'equity'
  /** A Provider Access Legislation phase short of two encounters before the end of February. */
  | 'provider_access_catch_up'
  /** A failing Benchmark 1 check. */
  | 'school_check';

export type EquityGroup = 'send' | 'pupil_premium' | 'looked_after';

/** Something in the plan that reaches pupils a gap counts: a planned activity, or the booked guidance meetings. */
export type PlanCover =
  { kind: 'activity'; activityId: string; title: string; date: IsoDate; covers: number } | { kind: 'booked_meetings'; covers: number };

export interface Gap {
  benchmark: BenchmarkId;
  yearGroup: number | null;
  kind: GapKind;
  /**
   * Pupils still to reach the rule that nothing planned reaches either (unplanned): what gaps rank
   * by. A gap the plan closes has 0 here and `planned` > 0: shown as planned, not as a gap.
   */
  pupilsAffected: number;
  /** Their ids (subjects for Benchmark 4: see `subjects`). */
  pupilIds?: string[];
  /** Pupils not yet meeting the rule whom the plan will reach (the row's `planned`). */
  planned?: number;
  /** What in the plan reaches them, most pupils first. */
  plan?: PlanCover[];
  subjects?: string[];
  /** Benchmark 4 as one item: each year group with the subjects it has no careers link in. */
  missing?: { yearGroup: number; subjects: string[] }[];
  deadline: IsoDate;
  /** School weeks (with at least one school day) from the as-of date to the deadline, both included. */
  weeksLeft: number;
  urgency: number;
  /** One plain UK-English sentence for the nudge. */
  sentence: string;
  check?: SchoolCheckId;
  equityGroup?: EquityGroup;
  /** Equity gaps: how many pupils of the row are in the group (pupilsAffected is those still to meet it). */
  groupSize?: number;
  /** Benchmark 8: adviser days needed to see every pupil still waiting. */
  adviserDaysNeeded?: number;
}

export interface BenchmarkReport {
  asOf: IsoDate;
  rows: BenchmarkRow[];
  gaps: Gap[];
}

export interface BenchmarkEvaluation {
  asOf: IsoDate;
  academicYear: AcademicYear;
  rows: EvaluatedRow[];
}

export interface GapOptions {
  /** Free guidance-meeting slots advisers have published, mentioned in Benchmark 8 gaps. */
  publishedFreeSlots?: number;
}
