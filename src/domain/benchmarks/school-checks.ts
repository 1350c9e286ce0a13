// Benchmark 1 (a stable careers programme): the school-level facts the data can check.

import { academicYearOf } from '../calendar';
import type { IsoDate } from '../school';
import type { SchoolSettings } from '../school-settings';
import { SCHOOL_CHECK_IDS, type EvaluatedRow, type SchoolCheckId } from './types';

const isSet = (text: string | undefined): boolean => (text ?? '').trim() !== '';

const CHECKS: Record<SchoolCheckId, (school: SchoolSettings, asOf: IsoDate) => boolean> = {
  programme_published: (school) => isSet(school.programmeUrl),
  careers_leader_named: ({ careersLeader }) => isSet(careersLeader.name) && isSet(careersLeader.email) && isSet(careersLeader.phone),
  // A review due today has not yet passed.
  policy_review_current: (school, asOf) => {
    const due = school.policyReviewDate?.trim();
    return !!due && due >= asOf;
  },
  // Evaluated in the current academic year; a date after the as-of date is not yet known.
  programme_evaluated: (school, asOf) => {
    const evaluated = school.lastEvaluatedDate?.trim();
    return !!evaluated && evaluated >= academicYearOf(asOf).start && evaluated <= asOf;
  },
};

export function passesSchoolCheck(check: SchoolCheckId, school: SchoolSettings, asOf: IsoDate): boolean {
  return CHECKS[check](school, asOf);
}

/** One row per check: yearGroup null, met 0 or 1, total 1. */
export function schoolCheckRows(school: SchoolSettings, asOf: IsoDate): EvaluatedRow[] {
  return SCHOOL_CHECK_IDS.map((check) => {
    const met = passesSchoolCheck(check, school, asOf) ? 1 : 0;
    // Nothing a plan holds changes a school-level check.
    return {
      benchmark: '1',
      yearGroup: null,
      met,
      planned: 0,
      unplanned: 1 - met,
      total: 1,
      check,
      metIds: [],
      unmetIds: [],
      plannedIds: [],
    };
  });
}
