import { z } from 'zod/v4';
import { defineVerb } from '../../cards/card-verb';
import { isRealIsoDate } from '../../domain/calendar';
import { BENCHMARK_IDS } from '../../domain/benchmarks';
import type { Role } from '../../domain/school';
import { REPORT_GROUPS } from '../../domain/report-scope';

// Every card verb of the report, with the data its buttons send, so cards and routes agree.

// Pupil-level gaps name pupils and their SEND, pupil premium and looked-after flags: only the
// staff who act on them may see them, never pupils or classroom teachers.
export const REPORT_ROLES: readonly Role[] = ['careers_leader', 'admin', 'senco', 'careers_adviser'];

export const PUPIL_FILTERS = ['all', 'send', 'pupil_premium', 'looked_after'] as const;
export type PupilFilter = (typeof PUPIL_FILTERS)[number];

const asOfField = z.string().refine(isRealIsoDate, 'a date');
/** The report narrowed to a year group, to SEND pupils or to one benchmark (src/domain/report-scope.ts), as its buttons carry it. */
const reportScopeData = {
  yearGroup: z.coerce.number().int().min(7).max(13).optional(),
  group: z.enum(REPORT_GROUPS).optional(),
  benchmark: z.enum(BENCHMARK_IDS).optional(),
};
export const showData = z.object({ asOf: asOfField.optional(), ...reportScopeData });
export const pupilsData = z.object({
  asOf: asOfField,
  benchmark: z.enum(BENCHMARK_IDS).exclude(['1']),
  yearGroup: z.coerce.number().int().min(7).max(13),
  filter: z.enum(PUPIL_FILTERS).default('all'),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const REPORT_VERBS = {
  show: defineVerb('report.show', showData),
  pupils: defineVerb('report.pupils', pupilsData),
  gaps: defineVerb('report.gaps', showData),
} as const;

/** A benchmark whose rows list pupils (or subjects): all but Benchmark 1's school checks. */
export type PupilBenchmark = z.output<typeof pupilsData>['benchmark'];
