// The one list of gaps the careers leader sees, whatever shows it (report card, "gaps", the weekly
// digest, the CLI table): every count of gaps is the length of this list, so they cannot disagree.

import type { IsoDate } from '../school';
import { curriculumGapsSentence, weeksLeftPhrase } from './gap-wording';
import { compareGaps } from './gaps';
import type { BenchmarkId, BenchmarkReport, Gap } from './types';

export interface GapsToActOn {
  /** Ranked, most urgent first: one item per benchmark for curriculum links. */
  gaps: Gap[];
  /** Groups trailing their year group: notes beside the gaps, not counted among them. */
  equity: Gap[];
  /**
   * Gaps the plan closes (everyone still to reach the rule is planned for): shown as planned, not
   * as gaps, soonest deadline first.
   */
  planned: Gap[];
}

/** Every pupil still to reach the rule is reached by something planned. */
export function closedByPlan(gap: Pick<Gap, 'pupilsAffected' | 'planned'>): boolean {
  return gap.pupilsAffected === 0 && (gap.planned ?? 0) > 0;
}

/**
 * Equity gaps are set apart, and Benchmark 4's year groups become one item naming them all, so one
 * benchmark cannot fill the top of the list with the same gap for four year groups.
 */
export function gapsToActOn(report: Pick<BenchmarkReport, 'asOf' | 'gaps'>): GapsToActOn {
  const ranked = report.gaps;
  const equity = ranked.filter((gap) => gap.kind === 'equity');
  const curriculum = ranked.filter((gap) => gap.kind === 'curriculum_links');
  const others = ranked.filter((gap) => gap.kind !== 'equity' && gap.kind !== 'curriculum_links');
  const merged = curriculum.length > 1 ? [mergeCurriculumGaps(curriculum, report.asOf)] : curriculum.map(withYearGroupsMissing);
  const planned = others
    .filter(closedByPlan)
    .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0) || compareGaps(a, b));
  return { gaps: [...others.filter((gap) => !closedByPlan(gap)), ...merged].sort(compareGaps), equity, planned };
}

/** How many of each unit a benchmark's report row counts: subjects for Benchmark 4, checks for 1. */
export function rowUnit(benchmark: BenchmarkId): 'subjects' | 'checks' | 'pupils' {
  return benchmark === '4' ? 'subjects' : benchmark === '1' ? 'checks' : 'pupils';
}

function withYearGroupsMissing(gap: Gap): Gap {
  return { ...gap, missing: [{ yearGroup: gap.yearGroup ?? 0, subjects: gap.subjects ?? [] }] };
}

function mergeCurriculumGaps(gaps: readonly Gap[], asOf: IsoDate): Gap {
  const byYear = [...gaps].sort((a, b) => (a.yearGroup ?? 0) - (b.yearGroup ?? 0));
  // They share one deadline (the end of the year); the nearest stands for all should they differ.
  const soonest = [...gaps].sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0))[0]!;
  const missing = byYear.map((gap) => ({ yearGroup: gap.yearGroup ?? 0, subjects: gap.subjects ?? [] }));
  const pupilsAffected = gaps.reduce((sum, gap) => sum + gap.pupilsAffected, 0);
  const weeks = weeksLeftPhrase(soonest.weeksLeft, soonest.deadline, asOf);
  return {
    benchmark: '4',
    yearGroup: null,
    kind: 'curriculum_links',
    pupilsAffected,
    subjects: [...new Set(missing.flatMap((entry) => entry.subjects))].sort(),
    missing,
    deadline: soonest.deadline,
    weeksLeft: soonest.weeksLeft,
    // Ranked as its most urgent year group, so one item for seven year groups does not outrank all else.
    urgency: Math.max(...gaps.map((gap) => gap.urgency)),
    sentence: curriculumGapsSentence(missing, weeks),
  };
}
