import { z } from 'zod/v4';
import { defineVerb } from '../../cards/card-verb';
import type { Role } from '../../domain/school';
import { TERM_NAMES } from './calendar-submission';

// The careers leader owns Benchmark 1; the school office (admin) may keep the details up to date.
export const SETTINGS_ROLES: readonly Role[] = ['careers_leader', 'admin'];

export const text = (max: number) => z.string().max(max).optional().default('');
export const numberField = z
  .union([z.string().max(20), z.number()])
  .optional()
  .default('');
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
  nudgeTeachers: z
    .union([z.string().max(10), z.boolean()])
    .optional()
    .default('false'),
  nudgePupils: z
    .union([z.string().max(10), z.boolean()])
    .optional()
    .default('false'),
});

export const SETTINGS_VERBS = {
  open: defineVerb('settings.open', openData),
  save: defineVerb('settings.save', saveData),
} as const;

// Card verbs of the school-settings journey for the school's name, term dates and meeting-change
// cut-off: each verb's name and the data it carries, defined once for the cards and the route.

const year = z.coerce.number().int().min(2000).max(2100).optional();
const termFields = Object.fromEntries(
  TERM_NAMES.flatMap((term) => ['Start', 'End', 'HalfStart', 'HalfEnd'].map((part) => [`${term}${part}`, text(20)])),
) as Record<`${(typeof TERM_NAMES)[number]}${'Start' | 'End' | 'HalfStart' | 'HalfEnd'}`, ReturnType<typeof text>>;

export const SCHOOL_CALENDAR_VERBS = {
  /** The card for one academic year (the current one unless `year` is given). */
  open: defineVerb('settings.calendar', z.object({ year })),
  save: defineVerb(
    'settings.saveCalendar',
    z.object({
      etag: z.string().max(200).default(''),
      year,
      schoolName: text(1000),
      cutoffHours: z
        .union([z.string().max(20), z.number()])
        .optional()
        .default(''),
      closures: text(4000),
      ...termFields,
    }),
  ),
} as const;
