// The "meaningful" criteria (docs/benchmark-rules.md, "Meaningful"), as a checklist per kind of activity. `meaningful` is
// never typed in: it is derived here from what was ticked, so a card cannot claim an encounter
// counts for Benchmarks 5-7 without every point being true.

import { listOf } from './benchmarks/gap-wording';
import type { ActivityKind } from './school';

export const CRITERION_IDS = [
  'purpose',
  'outcomes',
  'interaction',
  'reflection',
  'employees',
  'range_of_people',
  'employer_task',
  'employer_feedback',
  'provider_information',
  'learning_experience',
] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

export interface Criterion {
  id: CriterionId;
  /** What the checklist asks, e.g. "Time to reflect afterwards". */
  label: string;
  /** How a verdict names it when it is missing, e.g. "no time to reflect". */
  missing: string;
}

function sharedCriteria(partner: 'employer' | 'provider'): Criterion[] {
  return [
    { id: 'purpose', label: `A clear purpose, shared with the ${partner} and the pupils`, missing: 'no clear purpose shared' },
    { id: 'outcomes', label: 'Learning outcomes for the pupils', missing: 'no learning outcomes' },
    {
      id: 'interaction',
      label: `Two-way interaction: pupils talked with the ${partner}, not just listened`,
      missing: 'no two-way interaction',
    },
    { id: 'reflection', label: 'Time to reflect afterwards', missing: 'no time to reflect' },
  ];
}

/** Workplace experience and provider encounters add to the employer-encounter criteria (docs/benchmark-rules.md, "Meaningful"). */
export const MEANINGFUL_CRITERIA: Readonly<Record<ActivityKind, readonly Criterion[]>> = {
  employer_encounter: sharedCriteria('employer'),
  workplace_experience: [
    ...sharedCriteria('employer'),
    { id: 'employees', label: 'Extensive two-way interaction with employees', missing: 'too little interaction with employees' },
    { id: 'range_of_people', label: 'Pupils met a range of people in the workplace', missing: 'no range of people met' },
    { id: 'employer_task', label: 'A task set by the employer', missing: 'no task set by the employer' },
    { id: 'employer_feedback', label: 'Feedback from the employer', missing: 'no feedback from the employer' },
  ],
  provider_encounter: [
    ...sharedCriteria('provider'),
    {
      id: 'provider_information',
      label: 'Information on the provider: how it recruits, its qualifications and the careers they lead to',
      missing: 'no information on the provider',
    },
    { id: 'learning_experience', label: 'What learning there is like', missing: 'nothing on what learning there is like' },
  ],
  // Benchmark 2 asks only that pupils used the information, so there is nothing to tick.
  labour_market_information: [],
};

/** The benchmark each kind counts towards once it is meaningful (labour-market information: always). */
export const BENCHMARK_OF_KIND: Readonly<Record<ActivityKind, '2' | '5' | '6' | '7'>> = {
  labour_market_information: '2',
  employer_encounter: '5',
  workplace_experience: '6',
  provider_encounter: '7',
};

export interface MeaningfulInput {
  /** The kind chosen on the card. */
  kind: ActivityKind;
  /** Criterion ids ticked; ids that do not belong to the kind are ignored. */
  ticked: Iterable<string>;
  /** A pupil's part-time job: it counts for Benchmark 5 but not Benchmark 6 (docs/benchmark-rules.md, "Meaningful"). */
  partTimeJob?: boolean;
  /** Provider encounters flagged for the Provider Access Legislation, which does not need them to be meaningful. */
  providerAccess?: boolean;
}

export interface MeaningfulAssessment {
  /** The kind to record: a part-time job is an employer encounter, whatever kind was chosen. */
  kind: ActivityKind;
  meaningful: boolean;
  /** The kind's criteria that were ticked, in checklist order. */
  checklist: CriterionId[];
  missing: Criterion[];
  /** One line for the card, e.g. "Counts for Benchmark 5" or "Does not count: no time to reflect". */
  verdict: string;
}

/** The kind an activity is recorded as. */
export function recordedKind(kind: ActivityKind, partTimeJob = false): ActivityKind {
  return partTimeJob && (kind === 'workplace_experience' || kind === 'employer_encounter') ? 'employer_encounter' : kind;
}

export function assessMeaningful(input: MeaningfulInput): MeaningfulAssessment {
  const partTimeJob = input.partTimeJob === true && recordedKind(input.kind, true) === 'employer_encounter';
  const kind = recordedKind(input.kind, partTimeJob);
  const criteria = MEANINGFUL_CRITERIA[kind];
  const ticked = new Set(input.ticked);
  const checklist = criteria.filter((criterion) => ticked.has(criterion.id)).map((criterion) => criterion.id);
  const missing = criteria.filter((criterion) => !ticked.has(criterion.id));
  // Labour-market information has no criteria; `meaningful` does not apply to it, so it stays false as in the school's files.
  const meaningful = criteria.length > 0 && missing.length === 0;
  const providerAccess = kind === 'provider_encounter' && input.providerAccess === true;
  return { kind, meaningful, checklist, missing, verdict: verdictFor(kind, meaningful, missing, { partTimeJob, providerAccess }) };
}

/** The verdict for a stored activity: from its checklist when Teams recorded it, else from the imported flag. */
export function verdictOf(activity: {
  kind: ActivityKind;
  meaningful: boolean;
  checklist?: readonly string[];
  partTimeJob?: boolean;
  providerAccess: boolean;
}): string {
  if (activity.checklist) {
    return assessMeaningful({
      kind: activity.kind,
      ticked: activity.checklist,
      partTimeJob: activity.partTimeJob,
      providerAccess: activity.providerAccess,
    }).verdict;
  }
  const providerAccess = activity.kind === 'provider_encounter' && activity.providerAccess;
  return verdictFor(activity.kind, activity.meaningful, undefined, { partTimeJob: activity.partTimeJob === true, providerAccess });
}

function verdictFor(
  kind: ActivityKind,
  meaningful: boolean,
  missing: readonly Criterion[] | undefined,
  flags: { partTimeJob: boolean; providerAccess: boolean },
): string {
  const benchmark = BENCHMARK_OF_KIND[kind];
  if (kind === 'labour_market_information') return `Counts for Benchmark ${benchmark}`;
  if (meaningful) {
    if (flags.providerAccess) return `Counts for Benchmark ${benchmark} and the Provider Access Legislation`;
    if (flags.partTimeJob) return `Counts for Benchmark ${benchmark} (a part-time job never counts for Benchmark 6)`;
    return `Counts for Benchmark ${benchmark}`;
  }
  const reason = missing
    ? listOf(
        missing.map((criterion) => criterion.missing),
        Number.POSITIVE_INFINITY,
      )
    : 'not every “meaningful” point was met';
  if (flags.providerAccess)
    return `Does not count for Benchmark ${benchmark}: ${reason}. It still counts for the Provider Access Legislation`;
  return `Does not count: ${reason}`;
}
