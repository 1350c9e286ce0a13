// Writes SchoolData back out as the contract files: header row in contract column order, RFC 4180
// quoting, `Y`/empty flags and `;` lists, so that parsing what is written gives the same data back.
import { stringify } from 'csv-stringify/sync';
import type { SchoolData } from '../domain/school';
import { neutraliseFormula } from './formula-cells';
import { FILE_COLUMNS, type SchoolFileName } from './school-files';
import { formatYearGroupRanges } from './year-group-ranges';

type Cell = string | number | undefined;

export function writeSchoolFiles(data: SchoolData): Record<SchoolFileName, string> {
  return {
    'people.csv': toCsv(
      'people.csv',
      data.people.map((person) => [
        person.id,
        person.role,
        person.givenName,
        person.familyName,
        person.email,
        person.yearGroup,
        person.form,
        person.dateOfBirth,
        flag(person.send),
        flag(person.pupilPremium),
        flag(person.lookedAfter),
        flag(person.consideringHigherEducation),
        list(person.subjects),
        person.leftOn,
      ]),
    ),
    'curriculum.csv': toCsv(
      'curriculum.csv',
      data.curriculum.map((subject) => [subject.subject, formatYearGroupRanges(subject.yearGroups)]),
    ),
    'activities.csv': toCsv(
      'activities.csv',
      data.activities.map((activity) => [
        activity.id,
        activity.date,
        activity.kind,
        activity.title,
        activity.providerType,
        flag(activity.providerAccess),
        flag(activity.meaningful),
        // `;`-separated as the contract has it (10;11), never a range.
        list((activity.invitedYearGroups ?? []).map(String)),
        list(activity.invitedForms ?? []),
      ]),
    ),
    'attendance.csv': toCsv(
      'attendance.csv',
      data.attendance.map((row) => [row.activityId, row.pupilId]),
    ),
    'links.csv': toCsv(
      'links.csv',
      data.links.map((link) => [link.id, link.date, link.teacherId, link.subject, link.yearGroup, link.topic, list(link.careers)]),
    ),
    'meetings.csv': toCsv(
      'meetings.csv',
      data.meetings.map((meeting) => [
        meeting.id,
        meeting.pupilId,
        meeting.adviserId,
        meeting.startsAt,
        meeting.status,
        meeting.advice,
        meeting.agreedActions,
      ]),
    ),
    'destinations.csv': toCsv(
      'destinations.csv',
      data.destinations.map((destination) => [destination.pupilId, destination.kind, destination.date, destination.destination]),
    ),
  };
}

function toCsv(file: SchoolFileName, rows: Cell[][]): string {
  const header = [...FILE_COLUMNS[file]];
  // csv-stringify quotes a field only when it holds a comma, a quote or a line break (RFC 4180).
  return stringify([header, ...rows.map((row) => row.map((cell) => (cell === undefined ? '' : neutraliseFormula(String(cell)))))], {
    record_delimiter: 'unix',
    // A bare carriage return would otherwise end the row for a spreadsheet (and for our import).
    quoted_match: /\r/,
  });
}

function flag(value: boolean): string {
  return value ? 'Y' : '';
}

function list(entries: readonly string[]): string {
  return entries.join(';');
}
