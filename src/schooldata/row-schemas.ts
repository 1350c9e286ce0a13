// One zod schema per contract file: a row of trimmed cells in, a domain record out. Checks that need
// other rows or other files (duplicates, references) live in parse-school-files.ts.
import { z } from 'zod/v4';
import {
  ACTIVITY_KINDS,
  DESTINATION_KINDS,
  MEETING_STATUSES,
  PROVIDER_TYPES,
  ROLES,
  type Activity,
  type Attendance,
  type CurriculumLink,
  type CurriculumSubject,
  type Destination,
  type Meeting,
  type Person,
} from '../domain/school';
import {
  TEXT_LIMITS,
  dateCell,
  dateTimeCell,
  emailCell,
  enumCell,
  flagCell,
  idCell,
  listCell,
  nameCell,
  optionalCell,
  textCell,
  yearGroupCell,
  yearGroupListCell,
  yearGroupRangesCell,
} from './field-schemas';
import type { SchoolFileName } from './school-files';

const subjectCell = textCell({ max: TEXT_LIMITS.subject, required: true, oneLine: true });
const guidanceCell = textCell({ max: TEXT_LIMITS.guidance, required: false });

export const personRow = z
  .object({
    id: idCell,
    role: enumCell(ROLES),
    given_name: nameCell,
    family_name: nameCell,
    email: emailCell,
    year_group: optionalCell(yearGroupCell),
    form: textCell({ max: TEXT_LIMITS.form, required: false, oneLine: true }),
    date_of_birth: optionalCell(dateCell),
    send: flagCell,
    pupil_premium: flagCell,
    looked_after: flagCell,
    considering_higher_education: flagCell,
    subjects: listCell(TEXT_LIMITS.subject),
    left_on: optionalCell(dateCell),
  })
  .superRefine((row, ctx) => {
    if (row.role === 'pupil' && row.year_group === undefined) {
      ctx.addIssue({ code: 'custom', path: ['year_group'], message: 'required for pupils' });
    }
  })
  .transform((row): Person =>
    withoutAbsentFields({
      id: row.id,
      role: row.role,
      givenName: row.given_name,
      familyName: row.family_name,
      email: row.email,
      yearGroup: row.year_group,
      form: row.form === '' ? undefined : row.form,
      dateOfBirth: row.date_of_birth,
      send: row.send,
      pupilPremium: row.pupil_premium,
      lookedAfter: row.looked_after,
      consideringHigherEducation: row.considering_higher_education,
      subjects: row.subjects,
      leftOn: row.left_on,
    }),
  );

export const curriculumRow = z
  .object({ subject: subjectCell, year_groups: yearGroupRangesCell })
  .transform((row): CurriculumSubject => ({ subject: row.subject, yearGroups: row.year_groups }));

export const activityRow = z
  .object({
    id: idCell,
    date: dateCell,
    kind: enumCell(ACTIVITY_KINDS),
    title: textCell({ max: TEXT_LIMITS.title, required: true }),
    provider_type: optionalCell(enumCell(PROVIDER_TYPES)),
    provider_access: flagCell,
    meaningful: flagCell,
    invited_year_groups: yearGroupListCell,
    invited_forms: listCell(TEXT_LIMITS.form),
  })
  .superRefine((row, ctx) => {
    if (row.kind === 'provider_encounter') {
      if (row.provider_type === undefined) {
        ctx.addIssue({ code: 'custom', path: ['provider_type'], message: 'required for a provider_encounter' });
      }
      return;
    }
    if (row.provider_type !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['provider_type'],
        message: `only provider_encounter activities have a provider type (kind is ${row.kind})`,
      });
    }
    if (row.provider_access) {
      ctx.addIssue({
        code: 'custom',
        path: ['provider_access'],
        message: `only provider_encounter activities count for the Provider Access Legislation (kind is ${row.kind})`,
      });
    }
  })
  .transform((row): Activity =>
    withoutAbsentFields({
      id: row.id,
      date: row.date,
      kind: row.kind,
      title: row.title,
      providerType: row.provider_type,
      providerAccess: row.provider_access,
      meaningful: row.meaningful,
      invitedYearGroups: row.invited_year_groups.length > 0 ? row.invited_year_groups : undefined,
      invitedForms: row.invited_forms.length > 0 ? row.invited_forms : undefined,
    }),
  );

export const attendanceRow = z
  .object({ activity_id: idCell, pupil_id: idCell })
  .transform((row): Attendance => ({ activityId: row.activity_id, pupilId: row.pupil_id }));

export const linkRow = z
  .object({
    id: idCell,
    date: dateCell,
    teacher_id: idCell,
    subject: subjectCell,
    year_group: yearGroupCell,
    topic: textCell({ max: TEXT_LIMITS.topic, required: true }),
    careers: listCell(TEXT_LIMITS.career),
  })
  .transform((row): CurriculumLink => ({
    id: row.id,
    date: row.date,
    teacherId: row.teacher_id,
    subject: row.subject,
    yearGroup: row.year_group,
    topic: row.topic,
    careers: row.careers,
  }));

export const meetingRow = z
  .object({
    id: idCell,
    pupil_id: idCell,
    adviser_id: idCell,
    starts_at: dateTimeCell,
    status: enumCell(MEETING_STATUSES),
    advice: guidanceCell,
    agreed_actions: guidanceCell,
  })
  .transform((row): Meeting => ({
    id: row.id,
    pupilId: row.pupil_id,
    adviserId: row.adviser_id,
    startsAt: row.starts_at,
    status: row.status,
    advice: row.advice,
    agreedActions: row.agreed_actions,
  }));

export const destinationRow = z
  .object({
    pupil_id: idCell,
    kind: enumCell(DESTINATION_KINDS),
    date: dateCell,
    destination: textCell({ max: TEXT_LIMITS.destination, required: true }),
  })
  .transform((row): Destination => ({ pupilId: row.pupil_id, kind: row.kind, date: row.date, destination: row.destination }));

export const ROW_SCHEMAS = {
  'people.csv': personRow,
  'curriculum.csv': curriculumRow,
  'activities.csv': activityRow,
  'attendance.csv': attendanceRow,
  'links.csv': linkRow,
  'meetings.csv': meetingRow,
  'destinations.csv': destinationRow,
} as const satisfies Record<SchoolFileName, z.ZodType>;

/** Optional domain fields are left out rather than set to undefined, so parsed data deep-equals written data. */
function withoutAbsentFields<T extends object>(record: T): T {
  for (const key of Object.keys(record) as (keyof T)[]) {
    if (record[key] === undefined) delete record[key];
  }
  return record;
}
