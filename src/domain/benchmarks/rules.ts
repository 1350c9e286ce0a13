// The per-pupil rules of the report (docs/benchmark-rules.md, "What a report row is"), one entry per
// table row. Benchmark 1 (school-checks.ts) and Benchmark 4 (curriculum-coverage.ts) are not
// per pupil and live in their own files.

import { isoDate, keyStageOf, type AcademicYear } from '../calendar';
import type { IsoDate, ProviderType } from '../school';
import { PROVIDER_TYPES } from '../school';
import { meetsProviderAccess } from './provider-access';
import type { AttendedActivity, PupilRecord } from './pupil-records';
import type { BenchmarkId } from './types';

export interface RuleContext {
  asOf: IsoDate;
  academicYear: AcademicYear;
}

export interface PupilRule {
  benchmark: BenchmarkId;
  yearGroups: readonly number[];
  /** Who counts in the row's total; every pupil in the year group unless given. */
  countsPupil?: (record: PupilRecord) => boolean;
  isMet: (record: PupilRecord, context: RuleContext) => boolean;
}

const ALL_YEARS = [7, 8, 9, 10, 11, 12, 13] as const;
const POST_16 = (entry: AttendedActivity) => entry.yearGroupThen >= 12 && entry.yearGroupThen <= 13;

function attendedCount(record: PupilRecord, counts: (entry: AttendedActivity) => boolean): number {
  let n = 0;
  for (const entry of record.attended) if (counts(entry)) n++;
  return n;
}

// --- Benchmark 3: two parts, exported so the nudge can say which part a pupil misses.

/** Every completed guidance meeting has advice and agreed actions recorded (none at all passes). */
export function meetingNotesComplete(record: PupilRecord): boolean {
  return record.completedMeetings.every((meeting) => meeting.hasNotes);
}

/** Years 11 and 13 need an intended destination once D reaches the 1 January that falls in A. */
export function intendedDestinationDue(yearGroup: number, context: RuleContext): boolean {
  return (yearGroup === 11 || yearGroup === 13) && context.asOf >= isoDate(context.academicYear.startYear + 1, 1, 1);
}

export function intendedDestinationMissing(record: PupilRecord, context: RuleContext): boolean {
  return intendedDestinationDue(record.yearGroup, context) && !record.hasIntendedDestination;
}

// --- Benchmark 7, Years 10-11: every provider type.

function metAllProviderTypes(record: PupilRecord): boolean {
  const seen = new Set<ProviderType>();
  for (const { activity } of record.attended) {
    if (activity.kind === 'provider_encounter' && activity.meaningful && activity.providerType) {
      seen.add(activity.providerType);
    }
  }
  return seen.size === PROVIDER_TYPES.length;
}

export const PUPIL_RULES: readonly PupilRule[] = [
  {
    benchmark: '2',
    yearGroups: ALL_YEARS,
    isMet: (record) => {
      const keyStage = keyStageOf(record.yearGroup);
      return record.attended.some(
        (entry) => entry.activity.kind === 'labour_market_information' && keyStageOf(entry.yearGroupThen) === keyStage,
      );
    },
  },
  {
    benchmark: '3',
    yearGroups: ALL_YEARS,
    isMet: (record, context) => meetingNotesComplete(record) && !intendedDestinationMissing(record, context),
  },
  {
    benchmark: '5',
    yearGroups: ALL_YEARS,
    isMet: (record, context) =>
      record.attended.some(
        (entry) =>
          entry.activity.kind === 'employer_encounter' && entry.activity.meaningful && entry.activity.date >= context.academicYear.start,
      ),
  },
  {
    benchmark: '6',
    yearGroups: [10, 11],
    isMet: (record) => attendedCount(record, (e) => e.activity.kind === 'workplace_experience' && e.activity.meaningful) >= 2,
  },
  {
    benchmark: '6',
    yearGroups: [12, 13],
    isMet: (record) => attendedCount(record, (e) => e.activity.kind === 'workplace_experience' && e.activity.meaningful && POST_16(e)) >= 1,
  },
  {
    benchmark: '7',
    yearGroups: [10, 11],
    isMet: metAllProviderTypes,
  },
  {
    benchmark: '7',
    yearGroups: [12, 13],
    countsPupil: (record) => record.pupil.consideringHigherEducation,
    isMet: (record) =>
      attendedCount(
        record,
        (e) => e.activity.kind === 'provider_encounter' && e.activity.meaningful && e.activity.providerType === 'university' && POST_16(e),
      ) >= 2,
  },
  {
    benchmark: '8',
    yearGroups: [11],
    isMet: (record) => record.completedMeetings.length > 0,
  },
  {
    benchmark: '8',
    yearGroups: [13],
    isMet: (record) => record.completedMeetings.some((m) => m.yearGroupThen >= 12 && m.yearGroupThen <= 13),
  },
  {
    benchmark: 'PAL',
    yearGroups: [8, 9, 10, 11, 12, 13],
    isMet: meetsProviderAccess,
  },
];
