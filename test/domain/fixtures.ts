// Small SchoolData builders for the domain tests: each test states only the records it is about.

import type { BenchmarkId, EvaluatedRow } from '../../src/domain/benchmarks/types';
import { evaluateBenchmarks } from '../../src/domain/benchmarks/evaluate';
import {
  emptySchoolData,
  type Activity,
  type ActivityKind,
  type Destination,
  type DestinationKind,
  type IsoDate,
  type Meeting,
  type MeetingStatus,
  type Person,
  type ProviderType,
  type SchoolData,
} from '../../src/domain/school';
import { defaultSchoolSettings, type SchoolSettings } from '../../src/domain/school-settings';

export function pupil(id: string, yearGroup: number, extra: Partial<Person> = {}): Person {
  return {
    id,
    role: 'pupil',
    givenName: `Pupil`,
    familyName: id,
    email: `${id}@school.example`,
    yearGroup,
    send: false,
    pupilPremium: false,
    lookedAfter: false,
    consideringHigherEducation: false,
    subjects: [],
    ...extra,
  };
}

export function teacher(id: string, subjects: string[], extra: Partial<Person> = {}): Person {
  return {
    id,
    role: 'teacher',
    givenName: 'Teacher',
    familyName: id,
    email: `${id}@school.example`,
    send: false,
    pupilPremium: false,
    lookedAfter: false,
    consideringHigherEducation: false,
    subjects,
    ...extra,
  };
}

export function activity(id: string, date: IsoDate, kind: ActivityKind, extra: Partial<Activity> = {}): Activity {
  return { id, date, kind, title: `${kind} ${id}`, providerAccess: false, meaningful: true, ...extra };
}

export const lmi = (id: string, date: IsoDate, extra: Partial<Activity> = {}) =>
  activity(id, date, 'labour_market_information', { meaningful: false, ...extra });
export const employerEncounter = (id: string, date: IsoDate, extra: Partial<Activity> = {}) =>
  activity(id, date, 'employer_encounter', extra);
export const workplace = (id: string, date: IsoDate, extra: Partial<Activity> = {}) => activity(id, date, 'workplace_experience', extra);
export const providerEncounter = (id: string, date: IsoDate, providerType: ProviderType, extra: Partial<Activity> = {}) =>
  activity(id, date, 'provider_encounter', { providerType, ...extra });
/** A Provider Access Legislation encounter with an FE college (meaningful or not counts). */
export const palEncounter = (id: string, date: IsoDate, extra: Partial<Activity> = {}) =>
  providerEncounter(id, date, 'further_education_college', { providerAccess: true, meaningful: false, ...extra });

export function meeting(
  id: string,
  pupilId: string,
  startsAt: string,
  status: MeetingStatus = 'completed',
  notes: { advice?: string; agreedActions?: string } = {},
): Meeting {
  return {
    id,
    pupilId,
    adviserId: 'adviser',
    startsAt,
    status,
    advice: notes.advice ?? 'Look at engineering apprenticeships',
    agreedActions: notes.agreedActions ?? 'Book a college open day',
  };
}

export function destination(pupilId: string, kind: DestinationKind, date: IsoDate, where = 'City College'): Destination {
  return { pupilId, kind, date, destination: where };
}

/** Builds SchoolData; `attends` records that pupils took part in an activity. */
export class SchoolBuilder {
  constructor(readonly data: SchoolData = emptySchoolData()) {}

  people(...people: Person[]): this {
    this.data.people.push(...people);
    return this;
  }

  activities(...activities: Activity[]): this {
    this.data.activities.push(...activities);
    return this;
  }

  /** Adds the activity and an attendance row for each pupil. */
  held(activity: Activity, ...pupilIds: string[]): this {
    this.data.activities.push(activity);
    return this.attends(activity.id, ...pupilIds);
  }

  attends(activityId: string, ...pupilIds: string[]): this {
    for (const pupilId of pupilIds) this.data.attendance.push({ activityId, pupilId });
    return this;
  }

  meetings(...meetings: Meeting[]): this {
    this.data.meetings.push(...meetings);
    return this;
  }

  destinations(...destinations: Destination[]): this {
    this.data.destinations.push(...destinations);
    return this;
  }

  curriculum(subject: string, ...yearGroups: number[]): this {
    this.data.curriculum.push({ subject, yearGroups });
    return this;
  }

  link(id: string, date: IsoDate, teacherId: string, subject: string, yearGroup: number): this {
    this.data.links.push({ id, date, teacherId, subject, yearGroup, topic: 'Topic', careers: ['Engineer'] });
    return this;
  }

  build(): SchoolData {
    return this.data;
  }
}

/** A new school, or a copy of `from` to add to. */
export const school = (from?: SchoolData) => new SchoolBuilder(from ? structuredClone(from) : undefined);

/** A school whose Benchmark 1 checks all pass, for tests about other benchmarks. */
export function settings(overrides: Partial<SchoolSettings> = {}): SchoolSettings {
  return defaultSchoolSettings({
    programmeUrl: 'https://school.example/careers',
    careersLeader: { name: 'Sam Leader', email: 'leader@school.example', phone: '01632 960000' },
    policyReviewDate: '2099-07-31',
    lastEvaluatedDate: undefined,
    ...overrides,
  });
}

export function findRow(rows: readonly EvaluatedRow[], benchmark: BenchmarkId, yearGroup: number | null): EvaluatedRow | undefined {
  return rows.find((row) => row.benchmark === benchmark && row.yearGroup === yearGroup);
}

/** Whether pupil `pupilId` meets `benchmark` in their year group's row as of `asOf` (undefined: not in any row). */
export function meets(data: SchoolData, asOf: IsoDate, benchmark: BenchmarkId, pupilId: string): boolean | undefined {
  const rows = evaluateBenchmarks(data, asOf, settings()).rows.filter((row) => row.benchmark === benchmark);
  for (const row of rows) {
    if (row.metIds.includes(pupilId)) return true;
    if (row.unmetIds.includes(pupilId)) return false;
  }
  return undefined;
}
