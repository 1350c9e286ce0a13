import { z } from 'zod/v4';
import { defineVerb } from '../../cards/card-verb';
import { activityIdField } from './encounter-verbs';

// The plan's attendance card: the invited pupils it listed (in order) and, from its input, the
// positions of those ticked absent (positions, because pupil ids are the school's own and may hold commas).
export const planSaveData = z.object({
  activityId: activityIdField,
  pupils: z.array(z.string().min(1).max(120)).max(5000),
  absent: z.string().max(40_000).optional().default(''),
});

export const PLAN_ATTENDANCE_VERBS = {
  save: defineVerb('plan.attendance.save', planSaveData),
} as const;
