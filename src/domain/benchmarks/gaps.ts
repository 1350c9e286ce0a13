// The ranked gaps the weekly nudge posts (docs/benchmark-rules.md, "Gaps: deadlines, weeks left, urgency and
// ranking"): who is still to reach each rule, against the school weeks left before its deadline.

import { isoDate } from '../calendar';
import type { Person } from '../school';
import { DeadlineClock, finalYearOfKeyStage, type Timing } from './deadlines';
import type { EvaluationInputs } from './evaluate';
import {
  curriculumGapSentence,
  equityGapSentence,
  guidanceGapSentence,
  planClause,
  withPlanClause,
  providerAccessGapSentence,
  pupilGapSentence,
  recordGapSentence,
  schoolCheckSentence,
} from './gap-wording';
import {
  PROVIDER_ACCESS_ENCOUNTERS_NEEDED,
  providerAccessEncounters,
  providerAccessPhaseOf,
  providerAccessWindowCloses,
} from './provider-access';
import { planCovers } from './plan-covers';
import type { PupilRecord } from './pupil-records';
import { intendedDestinationDue, intendedDestinationMissing, meetingNotesComplete } from './rules';
import {
  BENCHMARK_IDS,
  type BenchmarkEvaluation,
  type EquityGroup,
  type EvaluatedRow,
  type Gap,
  type GapKind,
  type GapOptions,
} from './types';

/** Equity gaps are only reported for groups this large, so one pupil cannot make a "group". */
export const MIN_EQUITY_GROUP_SIZE = 3;

const EQUITY_GROUPS: readonly { group: EquityGroup; includes: (pupil: Person) => boolean }[] = [
  { group: 'send', includes: (pupil) => pupil.send },
  { group: 'pupil_premium', includes: (pupil) => pupil.pupilPremium },
  { group: 'looked_after', includes: (pupil) => pupil.lookedAfter },
];

export function isInEquityGroup(pupil: Person, group: EquityGroup): boolean {
  return EQUITY_GROUPS.some((entry) => entry.group === group && entry.includes(pupil));
}

const GAP_KIND_ORDER: readonly GapKind[] = ['school_check', 'pupils_to_reach', 'provider_access_catch_up', 'curriculum_links', 'equity'];

/**
 * urgency = pupilsAffected / (1 + weeksLeft): each pupil still to reach a rule weighs more as the
 * school weeks before its deadline run out, in full once the deadline is this week or has passed.
 */
export function urgencyOf(pupilsAffected: number, weeksLeft: number): number {
  return Math.round((pupilsAffected / (1 + weeksLeft)) * 10_000) / 10_000;
}

/** Code-unit order, the same on every machine (localeCompare is not). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Deterministic ranking: most urgent first; ties by nearer deadline, then a fixed order. */
export function compareGaps(a: Gap, b: Gap): number {
  return (
    b.urgency - a.urgency ||
    compareText(a.deadline, b.deadline) ||
    b.pupilsAffected - a.pupilsAffected ||
    BENCHMARK_IDS.indexOf(a.benchmark) - BENCHMARK_IDS.indexOf(b.benchmark) ||
    (a.yearGroup ?? 0) - (b.yearGroup ?? 0) ||
    GAP_KIND_ORDER.indexOf(a.kind) - GAP_KIND_ORDER.indexOf(b.kind) ||
    compareText(a.sentence, b.sentence)
  );
}

/** What every gap builder reads. */
interface GapScope {
  clock: DeadlineClock;
  inputs: EvaluationInputs;
  records: Map<string, PupilRecord>;
  options: GapOptions;
}

/** A gap together with its timing, which its equity gaps share. */
interface TimedGap {
  gap: Gap;
  timing: Timing;
}

function timedGap(fields: Omit<Gap, 'urgency' | 'deadline' | 'weeksLeft'>, timing: Timing): TimedGap {
  const { deadline, weeksLeft } = timing;
  return { timing, gap: { ...fields, deadline, weeksLeft, urgency: urgencyOf(fields.pupilsAffected, weeksLeft) } };
}

/** The row's plan: who it reaches, what reaches them, and the clause saying so ('' when nothing is planned). */
function planOf(row: EvaluatedRow, { inputs }: GapScope): { fields: Partial<Gap>; clause: string } {
  if (row.planned === 0) return { fields: {}, clause: '' };
  const plan = planCovers(row, inputs);
  return { fields: { planned: row.planned, plan }, clause: planClause(plan, row.planned, row.unmetIds.length) };
}

/** Ranked by the pupils nothing planned reaches: a gap the plan closes has none. */
function pupilsToReach(row: EvaluatedRow, yearGroup: number, sentence: string, timing: Timing, scope: GapScope, extra: Partial<Gap> = {}) {
  const planned = new Set(row.plannedIds);
  const pupilIds = row.unmetIds.filter((id) => !planned.has(id));
  const { fields, clause } = planOf(row, scope);
  const withPlan = row.benchmark === '8' ? sentence : withPlanClause(sentence, clause);
  return timedGap(
    {
      benchmark: row.benchmark,
      yearGroup,
      kind: 'pupils_to_reach',
      pupilsAffected: pupilIds.length,
      pupilIds,
      sentence: withPlan,
      ...fields,
      ...extra,
    },
    timing,
  );
}

/** Benchmarks 2, 5, 6 and 7, by the deadline each sets. */
function activityGap(row: EvaluatedRow, yearGroup: number, scope: GapScope): TimedGap {
  const { clock } = scope;
  const timing =
    row.benchmark === '2'
      ? clock.endOfYear(yearGroup, finalYearOfKeyStage(yearGroup))
      : row.benchmark === '5'
        ? clock.timing(clock.yearEnd)
        : clock.endOfYear(yearGroup, yearGroup <= 11 ? 11 : 13);
  const unmet = row.unmetIds.length;
  return pupilsToReach(
    row,
    yearGroup,
    pupilGapSentence({ benchmark: row.benchmark, yearGroup, unmet, weeks: timing.weeks }),
    timing,
    scope,
  );
}

/** Benchmark 3: intended destinations are due by the end of the spring term of Years 11 and 13. */
function recordsGap(row: EvaluatedRow, yearGroup: number, scope: GapScope): TimedGap {
  const { clock, records } = scope;
  const unmetRecords = row.unmetIds.flatMap((id) => records.get(id) ?? []);
  const missingDestination = unmetRecords.filter((record) => intendedDestinationMissing(record, clock.context)).length;
  const missingNotes = unmetRecords.filter((record) => !meetingNotesComplete(record)).length;
  const timing =
    missingDestination > 0 && intendedDestinationDue(yearGroup, clock.context)
      ? clock.timing(clock.springTermEnd, 'before the end of the spring term')
      : clock.timing(clock.yearEnd);
  return pupilsToReach(
    row,
    yearGroup,
    recordGapSentence({ yearGroup, missingDestination, missingNotes, weeks: timing.weeks }),
    timing,
    scope,
  );
}

/** Benchmark 8, with the adviser days it takes to see every pupil still waiting. */
function guidanceGap(row: EvaluatedRow, yearGroup: number, scope: GapScope): TimedGap {
  const { clock, inputs, options } = scope;
  const unmet = row.unmetIds.length;
  const meetingsPerDay = Math.max(1, inputs.school.meetingsPerAdviserDay);
  const adviserDaysNeeded = Math.ceil(row.unplanned / meetingsPerDay);
  const timing = clock.timing(clock.yearEnd);
  const sentence = guidanceGapSentence({
    yearGroup,
    unmet,
    weeks: timing.weeks,
    meetingsPerDay,
    adviserDaysNeeded,
    publishedFreeSlots: options.publishedFreeSlots,
    plan: planOf(row, scope).clause,
  });
  return pupilsToReach(row, yearGroup, sentence, timing, scope, { adviserDaysNeeded });
}

/**
 * Provider access is nudged from 1 January until the end of February, for the last year of each
 * phase, whose window then closes: mandatory phases list the pupils who need a catch-up; in the
 * optional phase 3 only a school that has offered fewer than two encounters is nudged.
 */
function providerAccessGap(row: EvaluatedRow, yearGroup: number, scope: GapScope): TimedGap | undefined {
  const { clock, records, inputs } = scope;
  const phase = providerAccessPhaseOf(yearGroup);
  const closes = providerAccessWindowCloses(yearGroup, clock.asOf);
  const januaryFirst = isoDate(clock.context.academicYear.startYear + 1, 1, 1);
  if (!phase || !closes || yearGroup !== phase.lastYearGroup) return undefined;
  if (clock.asOf < januaryFirst || clock.asOf > closes || row.unmetIds.length === 0) return undefined;

  // Encounters held for this year group: those any of its pupils attended in their window; and
  // those delivered or booked, planned ones counted too (the forecast's PAL row: docs/benchmark-rules.md,
  // "Provider Access Legislation (PAL)").
  const held = new Set<string>();
  const heldOrBooked = new Set<string>();
  for (const id of [...row.metIds, ...row.unmetIds]) {
    const record = records.get(id);
    if (record) for (const entry of providerAccessEncounters(record)) held.add(entry.activity.id);
    const forecast = inputs.forecast.of(id);
    if (forecast) for (const entry of providerAccessEncounters(forecast)) heldOrBooked.add(entry.activity.id);
  }
  if (!phase.attendanceMandatory && heldOrBooked.size >= PROVIDER_ACCESS_ENCOUNTERS_NEEDED) return undefined;

  const timing = clock.timing(closes);
  const sentence = providerAccessGapSentence({
    phase: phase.phase,
    yearGroup,
    attendanceMandatory: phase.attendanceMandatory,
    unmet: row.unmetIds.length,
    held: held.size,
    closes,
    weeks: timing.weeks,
  });
  return pupilsToReach(row, yearGroup, sentence, timing, scope, { kind: 'provider_access_catch_up' });
}

/** Benchmark 4: every pupil in the year group misses the careers link in these subjects. */
function curriculumGap(row: EvaluatedRow, yearGroup: number, { clock, inputs }: GapScope): TimedGap {
  const timing = clock.timing(clock.yearEnd);
  const pupilsAffected = inputs.records.pupils.filter((record) => record.yearGroup === yearGroup).length;
  return timedGap(
    {
      benchmark: '4',
      yearGroup,
      kind: 'curriculum_links',
      pupilsAffected,
      subjects: row.unmetIds,
      sentence: curriculumGapSentence(yearGroup, row.unmetIds, timing.weeks),
    },
    timing,
  );
}

/** Benchmark 1: publishing the programme and naming the leader are due now; the evaluation is annual. */
function schoolCheckGap(row: EvaluatedRow, { clock, inputs }: GapScope): Gap | undefined {
  const check = row.check;
  if (!check) return undefined;
  const { school } = inputs;
  const policyReviewDate = school.policyReviewDate?.trim() || undefined;
  const deadline =
    check === 'programme_evaluated' ? clock.yearEnd : check === 'policy_review_current' ? (policyReviewDate ?? clock.asOf) : clock.asOf;
  const timing = clock.timing(deadline);
  const leader = school.careersLeader;
  const missingLeaderDetails = [
    leader.name?.trim() ? undefined : 'name',
    leader.email?.trim() ? undefined : 'email address',
    leader.phone?.trim() ? undefined : 'phone number',
  ].filter((detail): detail is string => detail !== undefined);
  const sentence = schoolCheckSentence(check, { missingLeaderDetails, policyReviewDate, weeks: timing.weeks });
  const pupilsAffected = inputs.records.pupils.length;
  return timedGap({ benchmark: '1', yearGroup: null, kind: 'school_check', pupilsAffected, sentence, check }, timing).gap;
}

/** Groups whose met-rate trails the whole row's by more than the school's margin. */
function equityGaps(row: EvaluatedRow, yearGroup: number, timing: Timing, { inputs, records }: GapScope): Gap[] {
  const margin = inputs.school.equityMarginPercent;
  const met = new Set(row.metIds);
  const gaps: Gap[] = [];
  for (const { group, includes } of EQUITY_GROUPS) {
    const members = [...row.metIds, ...row.unmetIds].filter((id) => {
      const record = records.get(id);
      return record !== undefined && includes(record.pupil);
    });
    if (members.length < MIN_EQUITY_GROUP_SIZE) continue;
    const groupMet = members.filter((id) => met.has(id)).length;
    // groupRate < cohortRate - margin%, cross-multiplied to stay in whole numbers.
    if (100 * (row.met * members.length - groupMet * row.total) <= margin * row.total * members.length) continue;
    const pupilIds = members.filter((id) => !met.has(id));
    const sentence = equityGapSentence({
      group,
      benchmark: row.benchmark,
      yearGroup,
      groupMet,
      groupSize: members.length,
      cohortMet: row.met,
      cohortSize: row.total,
      weeks: timing.weeks,
    });
    const fields = { benchmark: row.benchmark, yearGroup, kind: 'equity' as const, pupilsAffected: pupilIds.length };
    gaps.push(timedGap({ ...fields, pupilIds, equityGroup: group, groupSize: members.length, sentence }, timing).gap);
  }
  return gaps;
}

function pupilRowGap(row: EvaluatedRow, yearGroup: number, scope: GapScope): TimedGap | undefined {
  switch (row.benchmark) {
    case '2':
    case '5':
    case '6':
    case '7':
      return activityGap(row, yearGroup, scope);
    case '3':
      return recordsGap(row, yearGroup, scope);
    case '8':
      return guidanceGap(row, yearGroup, scope);
    case 'PAL':
      return providerAccessGap(row, yearGroup, scope);
    default:
      return undefined;
  }
}

/** Every gap in the evaluation, ranked most urgent first. */
export function rankGaps(evaluation: BenchmarkEvaluation, inputs: EvaluationInputs, options: GapOptions = {}): Gap[] {
  const scope: GapScope = {
    clock: new DeadlineClock({ asOf: evaluation.asOf, academicYear: evaluation.academicYear }, inputs.school),
    inputs,
    records: new Map(inputs.records.pupils.map((record) => [record.pupil.id, record])),
    options,
  };

  const gaps: Gap[] = [];
  for (const row of evaluation.rows) {
    if (row.benchmark === '1') {
      const found = row.met === 0 ? schoolCheckGap(row, scope) : undefined;
      if (found) gaps.push(found);
      continue;
    }
    if (row.yearGroup === null || row.unmetIds.length === 0) continue;
    if (row.benchmark === '4') {
      gaps.push(curriculumGap(row, row.yearGroup, scope).gap);
      continue;
    }
    const found = pupilRowGap(row, row.yearGroup, scope);
    if (!found) continue;
    gaps.push(found.gap);
    // Phase 3 attendance is optional, so a group not attending is no inequity of provision.
    const optional = row.benchmark === 'PAL' && !providerAccessPhaseOf(row.yearGroup)?.attendanceMandatory;
    if (!optional) gaps.push(...equityGaps(row, row.yearGroup, found.timing, scope));
  }
  return gaps.sort(compareGaps);
}
