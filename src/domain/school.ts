// The school's careers data, as the import/export contract describes it
// (docs/school-data-format.md). Dates are ISO strings: "YYYY-MM-DD" for days and
// "YYYY-MM-DDTHH:MM" (school-local) for times, so they compare correctly as strings.

export const ROLES = ['pupil', 'teacher', 'careers_leader', 'careers_adviser', 'senco', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIVITY_KINDS = ['employer_encounter', 'workplace_experience', 'provider_encounter', 'labour_market_information'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const PROVIDER_TYPES = ['sixth_form', 'further_education_college', 'university', 'independent_training_provider'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

export const PROVIDER_TYPE_LABELS: Record<ProviderType, string> = {
  sixth_form: 'Sixth form',
  further_education_college: 'Further education college',
  university: 'University',
  independent_training_provider: 'Independent training provider (apprenticeships)',
};

/** The providers the Provider Access Legislation is about: colleges and apprenticeship providers. */
export const PROVIDER_ACCESS_TYPES: readonly ProviderType[] = ['further_education_college', 'independent_training_provider'];

export const MEETING_STATUSES = ['requested', 'booked', 'completed', 'cancelled', 'missed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const DESTINATION_KINDS = ['aspiration', 'intended', 'actual'] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

export type IsoDate = string;
export type IsoDateTime = string;

export interface Person {
  id: string;
  role: Role;
  givenName: string;
  familyName: string;
  /** Microsoft 365 sign-in (UPN) used in Teams. */
  email: string;
  /** Pupils: 7 to 13 in the current academic year. */
  yearGroup?: number;
  form?: string;
  dateOfBirth?: IsoDate;
  send: boolean;
  pupilPremium: boolean;
  lookedAfter: boolean;
  consideringHigherEducation: boolean;
  /** Teachers: the subjects they teach. */
  subjects: string[];
  /** The day they left the school; absent while on roll. */
  leftOn?: IsoDate;
}

export interface CurriculumSubject {
  subject: string;
  yearGroups: number[];
}

export interface Activity {
  id: string;
  date: IsoDate;
  kind: ActivityKind;
  title: string;
  providerType?: ProviderType;
  providerAccess: boolean;
  meaningful: boolean;
  /** Teams only (not in activities.csv): the employer or provider who ran it. */
  organisation?: string;
  /** Teams only: ids of the "meaningful" criteria ticked (src/domain/meaningful-checklist.ts). */
  checklist?: string[];
  /** Teams only: roster id of whoever recorded it. */
  recordedBy?: string;
  /** Teams only: a pupil's part-time job, which counts as an employer encounter but never as workplace experience. */
  partTimeJob?: boolean;
  /**
   * Who a planned activity (dated after today) is for: year groups and/or forms. Required while it
   * is planned, optional once held (src/domain/planned-activities.ts).
   */
  invitedYearGroups?: number[];
  invitedForms?: string[];
  /** Teams only: roster id of whoever took attendance from the plan's card (src/journeys/encounters/plan-attendance-*.ts). */
  attendanceTakenBy?: string;
}

export interface Attendance {
  activityId: string;
  pupilId: string;
}

export interface CurriculumLink {
  id: string;
  date: IsoDate;
  teacherId: string;
  subject: string;
  yearGroup: number;
  topic: string;
  careers: string[];
  /** Teams only (not in links.csv): the teacher's optional note. */
  note?: string;
}

export interface Meeting {
  id: string;
  pupilId: string;
  adviserId: string;
  startsAt: IsoDateTime;
  status: MeetingStatus;
  advice: string;
  agreedActions: string;
  // Teams only (not in meetings.csv): kept as they are when the file is imported again.
  /** The adviser's slot the meeting holds (see src/journeys/meetings/meeting-codecs.ts). */
  slotKey?: string;
  /** What the pupil wants to talk about, in their words. */
  topic?: string;
  /** Room or "Online (Microsoft Teams)". */
  place?: string;
  durationMinutes?: number;
  /** ISO instant the pupil asked for a meeting (status `requested`, or booked from a request). */
  requestedAt?: string;
  /** ISO instant it was booked or last moved. */
  bookedAt?: string;
  /** ISO instant the adviser recorded attended or missed, and who did. */
  outcomeRecordedAt?: string;
  outcomeRecordedBy?: string;
}

export interface Destination {
  pupilId: string;
  kind: DestinationKind;
  date: IsoDate;
  destination: string;
}

/** Everything the contract's CSV files hold for one school. */
export interface SchoolData {
  people: Person[];
  curriculum: CurriculumSubject[];
  activities: Activity[];
  attendance: Attendance[];
  links: CurriculumLink[];
  meetings: Meeting[];
  destinations: Destination[];
}

export function emptySchoolData(): SchoolData {
  return { people: [], curriculum: [], activities: [], attendance: [], links: [], meetings: [], destinations: [] };
}

export function fullName(person: Pick<Person, 'givenName' | 'familyName'>): string {
  return `${person.givenName} ${person.familyName}`.trim();
}

/**
 * Stands in for an erased member of staff on records kept as evidence (curriculum links, pupils'
 * meetings): the record stays true without naming them.
 */
export const FORMER_STAFF_ID = 'former-staff';
export const FORMER_STAFF_LABEL = 'a former member of staff';

/** On roll on `date`: not left on or before it (a leaver counts nowhere from the day they leave). */
export function onRollOn(person: Pick<Person, 'leftOn'>, date: IsoDate): boolean {
  return person.leftOn === undefined || person.leftOn > date;
}

/** Subject names match ignoring case and surrounding spaces. */
export function subjectKey(subject: string): string {
  return subject.trim().toLowerCase();
}

/** Field by field, whatever order the keys were written in: a redelivered save finds its own write. */
export function sameActivity(a: Activity, b: Activity): boolean {
  const canonical = (activity: Activity) =>
    JSON.stringify(
      Object.entries(activity)
        .filter(([, value]) => value !== undefined)
        .sort(([x], [y]) => x.localeCompare(y)),
    );
  return canonical(a) === canonical(b);
}
