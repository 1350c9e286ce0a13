// One pass over the school's data to gather, per pupil, the records the benchmark rules read.
// Everything dated after the as-of date is dropped here, once, so no rule can count it.

import { academicStartYearOf, academicYearOf, datePart, type AcademicYear } from '../calendar';
import { formKey, hasInvitation } from '../planned-activities';
import { onRollOn, type Activity, type IsoDate, type Person, type SchoolData } from '../school';

export const FIRST_YEAR_GROUP = 7;
export const LAST_YEAR_GROUP = 13;

export interface AttendedActivity {
  activity: Activity;
  /** The pupil's year group on the activity's date. */
  yearGroupThen: number;
}

export interface CompletedMeeting {
  date: IsoDate;
  yearGroupThen: number;
  hasNotes: boolean;
}

export interface PupilRecord {
  pupil: Person;
  /** Roster year group, taken as the pupil's year in the as-of date's academic year. */
  yearGroup: number;
  /** Distinct activities attended on or before the as-of date. */
  attended: AttendedActivity[];
  completedMeetings: CompletedMeeting[];
  hasIntendedDestination: boolean;
}

export interface PupilRecords {
  asOf: IsoDate;
  academicYear: AcademicYear;
  /** Pupils in Years 7-13 on roll on the as-of date, in roster order. */
  pupils: PupilRecord[];
}

function isBlank(text: string | undefined): boolean {
  return (text ?? '').trim() === '';
}

export function buildPupilRecords(data: SchoolData, asOf: IsoDate): PupilRecords {
  const academicYear = academicYearOf(asOf);
  const currentStart = academicYear.startYear;
  const yearsBefore = (date: IsoDate) => currentStart - academicStartYearOf(date);

  const byId = new Map<string, PupilRecord>();
  const pupils: PupilRecord[] = [];
  for (const person of data.people) {
    const yearGroup = person.yearGroup;
    if (person.role !== 'pupil' || yearGroup === undefined || !onRollOn(person, asOf)) continue;
    if (yearGroup < FIRST_YEAR_GROUP || yearGroup > LAST_YEAR_GROUP || byId.has(person.id)) continue;
    const record: PupilRecord = {
      pupil: person,
      yearGroup,
      attended: [],
      completedMeetings: [],
      hasIntendedDestination: false,
    };
    byId.set(person.id, record);
    pupils.push(record);
  }

  const activities = new Map<string, { activity: Activity; yearsBefore: number }>();
  for (const activity of data.activities) {
    if (activity.date <= asOf) activities.set(activity.id, { activity, yearsBefore: yearsBefore(activity.date) });
  }

  for (const row of data.attendance) {
    const record = byId.get(row.pupilId);
    const entry = activities.get(row.activityId);
    if (!record || !entry) continue;
    // Attendance may repeat a pair; counting it once keeps "two different activities" honest.
    // A pupil attends tens of activities, so scanning their list beats a Set per pupil.
    if (record.attended.some((attended) => attended.activity === entry.activity)) continue;
    record.attended.push({ activity: entry.activity, yearGroupThen: record.yearGroup - entry.yearsBefore });
  }

  for (const meeting of data.meetings) {
    if (meeting.status !== 'completed') continue;
    const date = datePart(meeting.startsAt);
    const record = byId.get(meeting.pupilId);
    if (!record || date > asOf) continue;
    record.completedMeetings.push({
      date,
      yearGroupThen: record.yearGroup - yearsBefore(date),
      hasNotes: !isBlank(meeting.advice) && !isBlank(meeting.agreedActions),
    });
  }

  for (const destination of data.destinations) {
    if (destination.kind !== 'intended' || destination.date > asOf) continue;
    const record = byId.get(destination.pupilId);
    if (record) record.hasIntendedDestination = true;
  }

  return { asOf, academicYear, pupils };
}

/**
 * The forecast (docs/benchmark-rules.md, "The plan and the forecast"): each pupil's record as it will be on
 * the last day of the academic year if the plan happens. Every planned activity dated after the
 * as-of date and within the year counts as attended by the pupils it is for, every booked meeting
 * after it and within the year as completed with its advice and actions recorded; every other
 * record dated after the as-of date is still ignored. The pupils are the as-of date's: someone who
 * leaves later still counts.
 */
export interface ForecastRecords {
  /** The last day of the academic year: the forecast's rules are evaluated as of it. */
  asOf: IsoDate;
  /** A pupil's forecast record (undefined for someone not in the report's pupils). */
  of(pupilId: string): PupilRecord | undefined;
}

export function buildForecastRecords(data: SchoolData, records: PupilRecords): ForecastRecords {
  const { asOf, academicYear } = records;
  const withinPlan = (date: IsoDate) => date > asOf && date <= academicYear.end;

  const byYearGroup = new Map<number, Activity[]>();
  const byForm = new Map<string, Activity[]>();
  const add = <K>(index: Map<K, Activity[]>, key: K, activity: Activity) => {
    const list = index.get(key);
    if (list) list.push(activity);
    else index.set(key, [activity]);
  };
  for (const activity of data.activities) {
    if (!withinPlan(activity.date) || !hasInvitation(activity)) continue;
    for (const yearGroup of new Set(activity.invitedYearGroups ?? [])) add(byYearGroup, yearGroup, activity);
    for (const form of new Set((activity.invitedForms ?? []).map(formKey))) add(byForm, form, activity);
  }

  const booked = new Map<string, IsoDate[]>();
  for (const meeting of data.meetings) {
    const date = datePart(meeting.startsAt);
    if (meeting.status !== 'booked' || !withinPlan(date)) continue;
    const dates = booked.get(meeting.pupilId);
    if (dates) dates.push(date);
    else booked.set(meeting.pupilId, [date]);
  }

  const current = new Map(records.pupils.map((record) => [record.pupil.id, record]));
  // Built when first asked for: only pupils who do not meet a rule today need theirs.
  const built = new Map<string, PupilRecord>();
  const forecastOf = (record: PupilRecord): PupilRecord => {
    const invited = new Set([
      ...(byYearGroup.get(record.yearGroup) ?? []),
      ...(record.pupil.form === undefined ? [] : (byForm.get(formKey(record.pupil.form)) ?? [])),
    ]);
    const meetings = booked.get(record.pupil.id) ?? [];
    if (invited.size === 0 && meetings.length === 0) return record;
    return {
      ...record,
      // Planned activities fall in the as-of date's academic year: the pupil is in their roster year group then.
      attended: [...record.attended, ...[...invited].map((activity) => ({ activity, yearGroupThen: record.yearGroup }))],
      completedMeetings: [
        ...record.completedMeetings,
        ...meetings.map((date) => ({ date, yearGroupThen: record.yearGroup, hasNotes: true })),
      ],
    };
  };
  return {
    asOf: academicYear.end,
    of: (pupilId) => {
      const record = current.get(pupilId);
      if (!record) return undefined;
      let forecast = built.get(pupilId);
      if (!forecast) built.set(pupilId, (forecast = forecastOf(record)));
      return forecast;
    },
  };
}
