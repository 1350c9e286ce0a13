// The plain UK-English sentences of the weekly nudge. Kept apart from the gap rules so wording
// can change without touching what is counted.

import { formatUkDate } from '../calendar';
import type { IsoDate } from '../school';
import type { BenchmarkId, EquityGroup, PlanCover, SchoolCheckId } from './types';

/** "1 pupil", "3 pupils"; the plural defaults to adding "s". */
export function countOf(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/** "42 Year 11 pupils", "1 Year 9 pupil". */
export function yearGroupPupils(n: number, yearGroup: number): string {
  return `${n} Year ${yearGroup} ${n === 1 ? 'pupil' : 'pupils'}`;
}

/** Below this, a count of pupils said where others read it (a channel) could point at someone. */
export const SMALLEST_COUNT_SHOWN = 5;

const PLURAL_VERBS: Record<string, string> = { has: 'have', needs: 'need', does: 'do', is: 'are' };

/**
 * The same sentence with every count of 1 to 4 pupils (as the sentences here phrase them) said as
 * "fewer than 5", its verb made plural: what the digest posts in a channel.
 */
export function withSmallCountsHidden(sentence: string): string {
  const hidden = sentence
    .replace(
      /\b[1-4] ((?:Year \d{1,2} )?)pupils?\b((?: considering higher education)?)((?: still)?) (has|have|needs|need|does|do|is|are)\b/g,
      (_all, year: string, considering: string, still: string, verb: string) => {
        return `fewer than ${SMALLEST_COUNT_SHOWN} ${year}pupils${considering}${still} ${PLURAL_VERBS[verb] ?? verb}`;
      },
    )
    .replace(/\band [1-4] (has|have) guidance meetings\b/g, `and fewer than ${SMALLEST_COUNT_SHOWN} have guidance meetings`);
  const planHidden = withSmallPlanCountsHidden(hidden);
  return planHidden.startsWith('fewer than') ? `F${planHidden.slice(1)}` : planHidden;
}

/** The plan clause's counts ("covers 3 of 40; 37 still need a plan"), hidden the same way. */
function withSmallPlanCountsHidden(sentence: string): string {
  return sentence
    .replace(
      /\b(covers?) (\d+) of (\d+)\b/g,
      (_all, verb: string, planned: string, unmet: string) => `${verb} ${publicCount(Number(planned))} of ${publicCount(Number(unmet))}`,
    )
    .replace(/\b([1-4]) still needs? a plan\b/g, `fewer than ${SMALLEST_COUNT_SHOWN} still need a plan`);
}

/** "fewer than 5" for a count of 1 to 4; any other count as it is. */
export function publicCount(n: number): string {
  return n > 0 && n < SMALLEST_COUNT_SHOWN ? `fewer than ${SMALLEST_COUNT_SHOWN}` : String(n);
}

/** Verbs that agree with a count: agree(1, 'has', 'have'). */
const agree = (n: number, singular: string, plural: string) => (n === 1 ? singular : plural);

/** "Art", "Art and Music", "Art, Geography and Music", "A, B, C, D, E and 3 more". */
export function listOf(items: readonly string[], shown = 5): string {
  if (items.length > shown) return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "16 school weeks left before the end of Year 9", or that the deadline has passed. */
export function weeksLeftPhrase(weeksLeft: number, deadline: IsoDate, asOf: IsoDate, before?: string): string {
  if (deadline < asOf) return `the deadline (${formatUkDate(deadline)}) has passed`;
  if (deadline === asOf) return 'due today';
  if (weeksLeft === 0) return `no school weeks left before ${formatUkDate(deadline)}`;
  return `${countOf(weeksLeft, 'school week')} left${before ? ` ${before}` : ''}`;
}

function planItem(cover: PlanCover): string {
  return cover.kind === 'booked_meetings' ? 'booked guidance meetings' : `${cover.title} on ${formatUkDate(cover.date)}`;
}

/**
 * What the plan does about a gap: "planned: Year 10 employer day on Thu 14 May 2026 covers 35 of
 * 40; 5 still need a plan", or "... covers all of them" when it closes the gap.
 */
export function planClause(plan: readonly PlanCover[], planned: number, unmet: number): string {
  const [first, second] = plan;
  if (!first) return '';
  const items =
    plan.length === 1
      ? planItem(first)
      : plan.length === 2 && second
        ? `${planItem(first)} and ${planItem(second)}`
        : `${planItem(first)} and ${plan.length - 1} more planned`;
  const verb = plan.length === 1 && first.kind === 'activity' ? 'covers' : 'cover';
  const unplanned = unmet - planned;
  if (unplanned <= 0) return `planned: ${items} ${verb} all of them`;
  return `planned: ${items} ${verb} ${planned} of ${unmet}; ${unplanned} still ${agree(unplanned, 'needs', 'need')} a plan`;
}

/** The sentence with the plan clause before its full stop, when anything is planned. */
export function withPlanClause(sentence: string, clause: string): string {
  return clause === '' ? sentence : `${sentence.replace(/\.$/, '')}; ${clause}.`;
}

const FOUR_PROVIDER_TYPES = 'sixth form, further education college, university, training provider';

/** Benchmarks 2, 5, 6 and 7: who is still to reach the rule. */
export function pupilGapSentence(facts: { benchmark: BenchmarkId; yearGroup: number; unmet: number; weeks: string }): string {
  const { benchmark, yearGroup, unmet, weeks } = facts;
  const who = yearGroupPupils(unmet, yearGroup);
  const have = agree(unmet, 'has', 'have');
  const sixthForm = yearGroup >= 12;
  switch (benchmark) {
    case '2': {
      const keyStage = yearGroup <= 9 ? 3 : yearGroup <= 11 ? 4 : 5;
      return `${who} ${have} not yet used careers or labour-market information in Key Stage ${keyStage}; ${weeks}.`;
    }
    case '5':
      return `${who} ${have} not had a meaningful employer encounter this year; ${weeks}.`;
    case '6':
      return sixthForm
        ? `${who} ${have} had no meaningful workplace experience since starting Year 12; ${weeks}.`
        : `${who} ${have} had fewer than two meaningful workplace experiences; ${weeks}.`;
    case '7':
      return sixthForm
        ? `${who} considering higher education ${have} had fewer than two meaningful university encounters ` +
            `since starting Year 12; ${weeks}.`
        : `${who} ${have} not yet met all four kinds of provider (${FOUR_PROVIDER_TYPES}); ${weeks}.`;
    default:
      return `${who} ${agree(unmet, 'does', 'do')} not yet meet Benchmark ${benchmark}; ${weeks}.`;
  }
}

/** Benchmark 3: which of its two parts the pupils miss. */
export function recordGapSentence(facts: { yearGroup: number; missingDestination: number; missingNotes: number; weeks: string }): string {
  const { yearGroup, missingDestination, missingNotes, weeks } = facts;
  const parts: string[] = [];
  if (missingDestination > 0) {
    const who = yearGroupPupils(missingDestination, yearGroup);
    parts.push(`${who} still ${agree(missingDestination, 'needs', 'need')} an intended destination recorded`);
  }
  if (missingNotes > 0) {
    const who = parts.length > 0 ? String(missingNotes) : yearGroupPupils(missingNotes, yearGroup);
    parts.push(`${who} ${agree(missingNotes, 'has', 'have')} guidance meetings without advice and agreed actions recorded`);
  }
  return `${parts.join(' and ')}; ${weeks}.`;
}

/** Benchmark 8, with the adviser time it takes to see everyone still waiting. */
export function guidanceGapSentence(facts: {
  yearGroup: number;
  unmet: number;
  weeks: string;
  meetingsPerDay: number;
  /** For the pupils still unplanned: booked meetings already have their slots. */
  adviserDaysNeeded: number;
  publishedFreeSlots?: number;
  /** planClause(...), or '' when nothing is booked. */
  plan?: string;
}): string {
  const { yearGroup, unmet, weeks, meetingsPerDay, adviserDaysNeeded, publishedFreeSlots, plan } = facts;
  const since = yearGroup >= 12 ? ' since starting Year 12' : '';
  const parts = [
    `${yearGroupPupils(unmet, yearGroup)} still ${agree(unmet, 'needs', 'need')} a guidance meeting${since}`,
    weeks,
    ...(plan ? [plan] : []),
    ...(adviserDaysNeeded > 0
      ? [`at ${countOf(meetingsPerDay, 'meeting')} a day that is ${countOf(adviserDaysNeeded, 'adviser day')}`]
      : []),
  ];
  if (publishedFreeSlots !== undefined) {
    parts.push(
      publishedFreeSlots === 0
        ? 'no free slots are published'
        : `${countOf(publishedFreeSlots, 'free slot')} ${agree(publishedFreeSlots, 'is', 'are')} published`,
    );
  }
  return `${parts.join('; ')}.`;
}

const PAL_PROVIDERS = 'technical education or apprenticeship providers';

export function providerAccessGapSentence(facts: {
  phase: number;
  yearGroup: number;
  attendanceMandatory: boolean;
  unmet: number;
  /** Encounters held for the year group in its window so far. */
  held: number;
  closes: IsoDate;
  weeks: string;
}): string {
  const { phase, yearGroup, attendanceMandatory, unmet, held, closes, weeks } = facts;
  const by = formatUkDate(closes);
  if (!attendanceMandatory) {
    return (
      `Provider access phase ${phase}: Year ${yearGroup} has been offered ${held} of the 2 encounters with ` +
      `${PAL_PROVIDERS}; arrange ${held === 0 ? 'two' : 'another'} by ${by}; ${weeks}.`
    );
  }
  const soFar = held < 2 ? ` (${held} held so far)` : '';
  return (
    `Provider access phase ${phase}: ${yearGroupPupils(unmet, yearGroup)} ${agree(unmet, 'has', 'have')} had fewer than ` +
    `two encounters with ${PAL_PROVIDERS}${soFar} and ${agree(unmet, 'needs', 'need')} a catch-up by ${by}; ${weeks}.`
  );
}

export function curriculumGapSentence(yearGroup: number, subjects: readonly string[], weeks: string): string {
  const where = subjects.length === 1 ? listOf(subjects) : `${subjects.length} subjects: ${listOf(subjects)}`;
  return `Year ${yearGroup} has no careers link yet this year in ${where}; ${weeks}.`;
}

/** Benchmark 4 for several year groups as one item: "Years 7, 8 and 10 have subjects with no careers link…". */
export function curriculumGapsSentence(missing: readonly { yearGroup: number; subjects: readonly string[] }[], weeks: string): string {
  const years = listOf(
    missing.map((entry) => String(entry.yearGroup)),
    missing.length,
  );
  const perYear = missing.map(
    ({ yearGroup, subjects }) => `Year ${yearGroup} in ${subjects.length <= 3 ? listOf(subjects) : countOf(subjects.length, 'subject')}`,
  );
  return `Years ${years} have subjects with no careers link yet this year (${perYear.join('; ')}); ${weeks}.`;
}

const EQUITY_GROUP_NAMES: Record<EquityGroup, string> = {
  send: 'SEND pupils',
  pupil_premium: 'Pupil premium pupils',
  looked_after: 'Looked-after pupils',
};

const BENCHMARK_TOPICS: Record<BenchmarkId, string> = {
  '1': 'a stable careers programme',
  '2': 'careers and labour-market information',
  '3': 'careers records',
  '4': 'careers in the curriculum',
  '5': 'employer encounters',
  '6': 'workplace experience',
  '7': 'provider encounters',
  '8': 'guidance meetings',
  PAL: 'provider access encounters',
};

const percent = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;

export function equityGapSentence(facts: {
  group: EquityGroup;
  benchmark: BenchmarkId;
  yearGroup: number;
  groupMet: number;
  groupSize: number;
  cohortMet: number;
  cohortSize: number;
  weeks: string;
}): string {
  const { group, benchmark, yearGroup, groupMet, groupSize, cohortMet, cohortSize, weeks } = facts;
  const name = benchmark === 'PAL' ? 'provider access' : `Benchmark ${benchmark}`;
  const cohort = benchmark === '7' && yearGroup >= 12 ? `Year ${yearGroup} pupils considering higher education` : `Year ${yearGroup}`;
  const unmet = groupSize - groupMet;
  return (
    `${EQUITY_GROUP_NAMES[group]} in Year ${yearGroup} trail their year group on ${name} (${BENCHMARK_TOPICS[benchmark]}): ` +
    `${percent(groupMet, groupSize)} meet it against ${percent(cohortMet, cohortSize)} of ${cohort}; ` +
    `${unmet} still ${agree(unmet, 'needs', 'need')} it; ${weeks}.`
  );
}

export function schoolCheckSentence(
  check: SchoolCheckId,
  facts: { missingLeaderDetails: string[]; policyReviewDate?: IsoDate; weeks: string },
): string {
  switch (check) {
    case 'programme_published':
      return 'The careers programme has no published web address; Benchmark 1 needs it on the school website.';
    case 'careers_leader_named': {
      const missing = facts.missingLeaderDetails;
      const are = agree(missing.length, 'is', 'are');
      return `The careers leader's ${listOf(missing, missing.length)} ${are} missing; Benchmark 1 needs them published.`;
    }
    case 'policy_review_current':
      return facts.policyReviewDate
        ? `The careers policy was due for review on ${formatUkDate(facts.policyReviewDate)}; review it and set the next date.`
        : 'No careers policy review date is set; review the policy and record when it is next due.';
    case 'programme_evaluated':
      return `The careers programme has not been evaluated with feedback this academic year; ${facts.weeks}.`;
  }
}
