import { z } from 'zod/v4';
import { defineVerb, NO_DATA } from '../../cards/card-verb';
import { draftIdField, optionalText, typedText } from '../../cards/card-fields';
import { ACTIVITY_KINDS } from '../../domain/school';
import type { Role } from '../../domain/school';
import type { BenchmarkId, Gap } from '../../domain/benchmarks';
import { RECORDING_ROLES } from '../encounters/encounter-verbs';

// Whoever may record an activity may plan one ahead; teachers change only what they planned
// (planning-journey.ts, mayChange).
export const PLANNING_ROLES: readonly Role[] = RECORDING_ROLES;

const activityIdField = z.string().min(1).max(120);
const etagField = z.string().min(1).max(200);
const toggle = z.union([z.string().max(10), z.boolean()]).optional();

/** "Plan an activity", empty or prefilled (a gap's year group and the kind of activity that closes it). */
export const startPlanData = z.object({
  draftId: draftIdField.optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  yearGroup: z.coerce.number().int().min(7).max(13).optional(),
  /** A Provider Access Legislation gap: the plan is a provider encounter that counts for it. */
  providerAccess: z.boolean().optional(),
});

// Everything arrives as Adaptive Cards send it (text); planning-submission.ts reads it.
export const savePlanData = z.object({
  draftId: draftIdField,
  /** Set when editing: the activity and the version read. */
  editing: activityIdField.optional(),
  etag: etagField.optional(),
  kind: optionalText(60),
  date: optionalText(20),
  title: typedText(2000),
  organisation: typedText(2000),
  providerType: optionalText(60),
  providerAccess: toggle,
  yearGroups: optionalText(100),
  forms: optionalText(2000),
});

export const planIdData = z.object({ activityId: activityIdField });
export const moveData = z.object({ activityId: activityIdField, etag: etagField, date: optionalText(20) });
export const confirmCancelData = z.object({ activityId: activityIdField, etag: etagField });

export const PLANNING_VERBS = {
  list: defineVerb('plan.list', NO_DATA),
  start: defineVerb('plan.start', startPlanData),
  save: defineVerb('plan.save', savePlanData),
  edit: defineVerb('plan.edit', planIdData),
  move: defineVerb('plan.move', planIdData),
  saveMove: defineVerb('plan.saveMove', moveData),
  cancel: defineVerb('plan.cancel', planIdData),
  confirmCancel: defineVerb('plan.confirmCancel', confirmCancelData),
} as const;

/** The kind of activity whose plan closes a benchmark's gap: only these benchmarks' gaps can be planned for. */
const KIND_FOR_BENCHMARK: Partial<Record<BenchmarkId, (typeof ACTIVITY_KINDS)[number]>> = {
  '2': 'labour_market_information',
  '5': 'employer_encounter',
  '6': 'workplace_experience',
  '7': 'provider_encounter',
  PAL: 'provider_encounter',
};

/**
 * "Plan an activity" for a gap with pupils still unplanned: its year group, and the kind of
 * activity that counts for it. Undefined for a gap no activity closes (meetings, school checks,
 * curriculum links) or one the plan already closes.
 */
export function planForGap(
  gap: Pick<Gap, 'benchmark' | 'yearGroup' | 'kind' | 'pupilsAffected'>,
): z.input<typeof startPlanData> | undefined {
  const kind = KIND_FOR_BENCHMARK[gap.benchmark];
  if (!kind || gap.yearGroup === null || gap.pupilsAffected <= 0) return undefined;
  if (gap.kind !== 'pupils_to_reach' && gap.kind !== 'provider_access_catch_up') return undefined;
  return { kind, yearGroup: gap.yearGroup, ...(gap.benchmark === 'PAL' ? { providerAccess: true } : {}) };
}
