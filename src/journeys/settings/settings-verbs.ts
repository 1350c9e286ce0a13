import { z } from 'zod/v4';
import { defineVerb } from '../../cards/card-verb';
import type { Role } from '../../domain/school';

// The careers leader owns Benchmark 1; the school office (admin) may keep the details up to date.
export const SETTINGS_ROLES: readonly Role[] = ['careers_leader', 'admin'];

export const text = (max: number) => z.string().max(max).optional().default('');
export const numberField = z.union([z.string().max(20), z.number()]).optional().default('');
export const openData = z.object({});
export const saveData = z.object({
  etag: z.string().max(200).default(''),
  programmeUrl: text(2000),
  leaderName: text(1000),
  leaderEmail: text(1000),
  leaderPhone: text(100),
  policyReviewDate: text(20),
  lastEvaluatedDate: text(20),
  meetingsPerAdviserDay: numberField,
  equityMarginPercent: numberField,
  digestDay: numberField,
  digestHour: numberField,
  nudgeTeachers: z.union([z.string().max(10), z.boolean()]).optional().default('false'),
  nudgePupils: z.union([z.string().max(10), z.boolean()]).optional().default('false'),
});

export const SETTINGS_VERBS = {
  open: defineVerb('settings.open', openData),
  save: defineVerb('settings.save', saveData),
} as const;
