import { z } from 'zod/v4';
import type { VerbDefinition } from '../../bot/verb-definition';
import { TERM_NAMES } from '../../domain/school-calendar-settings';

// Card verbs of the school-settings journey for the school's name, term dates and meeting-change
// cut-off: each verb's name and the data it carries, defined once for the cards and the route.

const text = (max: number) => z.string().max(max).optional().default('');
const year = z.coerce.number().int().min(2000).max(2100).optional();
const termFields = Object.fromEntries(TERM_NAMES.flatMap((term) => ['Start', 'End', 'HalfStart', 'HalfEnd'].map((part) => [`${term}${part}`, text(20)]))) as Record<
  `${(typeof TERM_NAMES)[number]}${'Start' | 'End' | 'HalfStart' | 'HalfEnd'}`,
  ReturnType<typeof text>
>;

export const SCHOOL_CALENDAR_VERBS = {
  /** The card for one academic year (the current one unless `year` is given). */
  open: { name: 'settings.calendar', data: z.object({ year }) },
  save: {
    name: 'settings.saveCalendar',
    data: z.object({
      etag: z.string().max(200).default(''),
      year,
      schoolName: text(1000),
      cutoffHours: z.union([z.string().max(20), z.number()]).optional().default(''),
      closures: text(4000),
      ...termFields,
    }),
  },
} as const satisfies Record<string, VerbDefinition>;
