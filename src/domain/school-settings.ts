// What a school tells Waypoint about itself beyond the contract's CSV files: the Benchmark 1
// facts (a stable careers programme) and the knobs the gap engine uses.

import type { TermDates } from './calendar';
import type { IsoDate } from './school';

export interface CareersLeaderContact {
  name?: string;
  email?: string;
  phone?: string;
}

export interface SchoolSettings {
  /** The school's name as staff and pupils know it. */
  schoolName?: string;
  /** The careers leader's consent to Waypoint messaging teachers (Benchmark 4) and pupils (Benchmark 8) directly. */
  nudgeTeachers: boolean;
  nudgePupils: boolean;
  /** When the weekly digest posts: ISO weekday (1 = Monday) and hour, UK time. */
  digestDay: number;
  digestHour: number;
  /** Pupils may cancel or move a booked guidance meeting up to this many hours before it starts. */
  meetingChangeCutoffHours: number;
  /** Where the careers programme is published (Benchmark 1). */
  programmeUrl?: string;
  /** Benchmark 1 wants the careers leader named, with an email address and a phone number. */
  careersLeader: CareersLeaderContact;
  /** When the careers policy is next due for review; a date in the past fails Benchmark 1. */
  policyReviewDate?: IsoDate;
  /** When the programme was last evaluated with feedback; it must fall in the current academic year. */
  lastEvaluatedDate?: IsoDate;
  /** Personal guidance meetings one adviser holds in a day, for "adviser days needed". */
  meetingsPerAdviserDay: number;
  /** A group trails its cohort when its met-rate is lower by more than this many percentage points. */
  equityMarginPercent: number;
  /** The school's own term dates; typical English dates are assumed for any year not given. */
  termDates?: TermDates;
  /** How long leavers' personal records are kept (src/domain/retention.ts has the defaults). */
  retention?: RetentionPolicy;
}

export interface RetentionPolicy {
  /** A pupil's records are kept until this birthday (the usual schedule: 25). */
  pupilsUntilAge: number;
  /** Staff records are kept this many years after they leave (the usual schedule: 6). */
  staffYearsAfterLeaving: number;
}

export const DEFAULT_MEETINGS_PER_ADVISER_DAY = 6;
export const DEFAULT_EQUITY_MARGIN_PERCENT = 10;
export const DEFAULT_MEETING_CHANGE_CUTOFF_HOURS = 24;
export const DEFAULT_DIGEST_DAY = 1;
export const DEFAULT_DIGEST_HOUR = 8;

export function defaultSchoolSettings(overrides: Partial<SchoolSettings> = {}): SchoolSettings {
  return {
    careersLeader: {},
    meetingChangeCutoffHours: DEFAULT_MEETING_CHANGE_CUTOFF_HOURS,
    nudgeTeachers: false,
    nudgePupils: false,
    digestDay: DEFAULT_DIGEST_DAY,
    digestHour: DEFAULT_DIGEST_HOUR,
    meetingsPerAdviserDay: DEFAULT_MEETINGS_PER_ADVISER_DAY,
    equityMarginPercent: DEFAULT_EQUITY_MARGIN_PERCENT,
    ...overrides,
  };
}
