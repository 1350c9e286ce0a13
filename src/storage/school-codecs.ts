import { z } from 'zod/v4';
import {
  ACTIVITY_KINDS,
  DESTINATION_KINDS,
  MEETING_STATUSES,
  PROVIDER_TYPES,
  ROLES,
  subjectKey,
  type Activity,
  type Attendance,
  type CurriculumLink,
  type CurriculumSubject,
  type Destination,
  type Meeting,
  type Person,
} from '../domain/school';
import { compoundKey, encodeKey } from './keys';
import type { CollectionCodec } from './school-collection';

// Arrays are stored as JSON text (Tables has no list type).
function storedList<T extends z.ZodType>(element: T) {
  return z.preprocess((value) => (typeof value === 'string' ? JSON.parse(value) : value), z.array(element));
}

export const personCodec: CollectionCodec<Person> = {
  table: 'people',
  rowKey: (person) => encodeKey(person.id),
  schema: z.object({
    id: z.string(),
    role: z.enum(ROLES),
    givenName: z.string(),
    familyName: z.string(),
    email: z.string(),
    yearGroup: z.number().int().optional(),
    form: z.string().optional(),
    dateOfBirth: z.string().optional(),
    send: z.boolean(),
    pupilPremium: z.boolean(),
    lookedAfter: z.boolean(),
    consideringHigherEducation: z.boolean(),
    subjects: storedList(z.string()),
    leftOn: z.string().optional(),
  }),
};

export const curriculumCodec: CollectionCodec<CurriculumSubject> = {
  table: 'curriculum',
  rowKey: (entry) => encodeKey(subjectKey(entry.subject)),
  schema: z.object({ subject: z.string(), yearGroups: storedList(z.number().int()) }),
};

export const activityCodec: CollectionCodec<Activity> = {
  table: 'activities',
  rowKey: (activity) => encodeKey(activity.id),
  schema: z.object({
    id: z.string(),
    date: z.string(),
    kind: z.enum(ACTIVITY_KINDS),
    title: z.string(),
    providerType: z.enum(PROVIDER_TYPES).optional(),
    providerAccess: z.boolean(),
    meaningful: z.boolean(),
    organisation: z.string().optional(),
    checklist: storedList(z.string()).optional(),
    recordedBy: z.string().optional(),
    partTimeJob: z.boolean().optional(),
    invitedYearGroups: storedList(z.number().int()).optional(),
    invitedForms: storedList(z.string()).optional(),
    attendanceTakenBy: z.string().optional(),
  }),
  keptOnImport: ['organisation', 'checklist', 'recordedBy', 'partTimeJob', 'attendanceTakenBy'],
};

export const attendanceCodec: CollectionCodec<Attendance> = {
  table: 'attendance',
  rowKey: (row) => compoundKey(row.activityId, row.pupilId),
  schema: z.object({ activityId: z.string(), pupilId: z.string() }),
  // One partition per activity: a whole school's attendance imports in parallel batches.
  partitionWithinSchool: (row) => row.activityId,
  listedFields: ['activityId', 'pupilId'],
};

export const linkCodec: CollectionCodec<CurriculumLink> = {
  table: 'links',
  rowKey: (link) => encodeKey(link.id),
  schema: z.object({
    id: z.string(),
    date: z.string(),
    teacherId: z.string(),
    subject: z.string(),
    yearGroup: z.number().int(),
    topic: z.string(),
    careers: storedList(z.string()),
    note: z.string().optional(),
  }),
  keptOnImport: ['note'],
};

export const meetingCodec: CollectionCodec<Meeting> = {
  table: 'meetings',
  rowKey: (meeting) => encodeKey(meeting.id),
  schema: z.object({
    id: z.string(),
    pupilId: z.string(),
    adviserId: z.string(),
    startsAt: z.string(),
    status: z.enum(MEETING_STATUSES),
    advice: z.string(),
    agreedActions: z.string(),
    slotKey: z.string().optional(),
    topic: z.string().optional(),
    place: z.string().optional(),
    durationMinutes: z.number().int().optional(),
    requestedAt: z.string().optional(),
    bookedAt: z.string().optional(),
    outcomeRecordedAt: z.string().optional(),
    outcomeRecordedBy: z.string().optional(),
  }),
  keptOnImport: ['slotKey', 'topic', 'place', 'durationMinutes', 'requestedAt', 'bookedAt', 'outcomeRecordedAt', 'outcomeRecordedBy'],
};

export const destinationCodec: CollectionCodec<Destination> = {
  table: 'destinations',
  rowKey: (destination) => compoundKey(destination.pupilId, destination.kind, destination.date),
  schema: z.object({ pupilId: z.string(), kind: z.enum(DESTINATION_KINDS), date: z.string(), destination: z.string() }),
};
