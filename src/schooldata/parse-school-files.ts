// Turns the text of the contract files into SchoolData, or into every reason it cannot: each row is
// validated with its zod schema, then checked against the other rows of its file (duplicates) and
// against the people and activities it refers to.
import type { z } from 'zod/v4';
import { hasInvitation, isPlanned } from '../domain/planned-activities';
import { FORMER_STAFF_ID, subjectKey, type IsoDate, type Role, type SchoolData } from '../domain/school';
import type { ImportError } from './import-error';
import { readCsvTable, type CsvRecord } from './read-csv';
import { ROW_SCHEMAS } from './row-schemas';
import { COLLECTION_OF_FILE, FILE_COLUMNS, SCHOOL_FILE_NAMES, type SchoolFileName, type SchoolFileText } from './school-files';

export type ParseSchoolFilesResult = { ok: true; data: Partial<SchoolData> } | { ok: false; errors: ImportError[] };

export interface ParseOptions {
  /**
   * The school's date today: a person cannot be marked left after it, and an activity dated after it
   * is planned, so must say who it is for. Unchecked when absent.
   */
  today?: IsoDate;
}

type RecordOf<F extends SchoolFileName> = z.output<(typeof ROW_SCHEMAS)[F]>;

/** A row on its way in: its cells, the record zod made of them (if it could) and what is wrong with it. */
interface Candidate<T> {
  file: SchoolFileName;
  line: number;
  cells: Record<string, string>;
  record: T | undefined;
  errors: ImportError[];
}

/** Who a person id refers to; the role is unknown when that person's own row is bad. */
type PeopleIndex = ReadonlyMap<string, Role | undefined>;

const ROLE_DESCRIPTIONS: Record<Role, string> = {
  pupil: 'a pupil',
  teacher: 'a teacher',
  careers_leader: 'a careers leader',
  careers_adviser: 'a careers adviser',
  senco: 'a SENCo',
  admin: 'an admin',
};
const ADVISER_ROLES: readonly Role[] = ['careers_adviser', 'careers_leader'];

/**
 * Parses the files present. Each present file replaces its whole collection, so only those appear in
 * `data`. References resolve against the imported people.csv / activities.csv when present, otherwise
 * against `existing`. Any bad row anywhere makes the whole import fail.
 */
export function parseSchoolFiles(files: SchoolFileText, existing: SchoolData, options: ParseOptions = {}): ParseSchoolFilesResult {
  const errors: ImportError[] = [];
  const candidates = new Map<SchoolFileName, Candidate<unknown>[]>();
  for (const file of SCHOOL_FILE_NAMES) {
    const text = files[file];
    if (text === undefined) continue;
    const table = readCsvTable(file, text);
    if (table.ok) candidates.set(file, validateRows(file, table.records));
    else errors.push(...table.errors);
  }
  const rowsOf = <F extends SchoolFileName>(file: F) => candidates.get(file) as Candidate<RecordOf<F>>[] | undefined;

  const people = rowsOf('people.csv');
  const activities = rowsOf('activities.csv');
  // A present file that could not be read at all has already been reported: references to it are
  // left unchecked rather than each reported as unknown.
  const peopleIndex: PeopleIndex | undefined = people
    ? indexImported(people, (person) => person.role)
    : files['people.csv'] === undefined
      ? new Map(existing.people.map((person) => [person.id, person.role]))
      : undefined;
  const activityIds: ReadonlySet<string> | undefined = activities
    ? new Set(indexImported(activities, () => undefined).keys())
    : files['activities.csv'] === undefined
      ? new Set(existing.activities.map((activity) => activity.id))
      : undefined;
  const references = new ReferenceChecks(peopleIndex, activityIds);

  if (people) {
    rejectRepeats(
      people,
      'id',
      (cells) => cells['id'],
      (id) => `duplicate id ${id}`,
    );
    // A leaver's sign-in may since belong to someone on roll; two people on roll never share one.
    rejectRepeats(
      people,
      'email',
      (cells) => (cells['left_on'] ? undefined : cells['email']?.toLowerCase()),
      (_, cells) => `duplicate email ${cells['email']}`,
    );
    const today = options.today;
    if (today !== undefined) {
      for (const row of people) {
        const leftOn = row.record?.leftOn;
        if (leftOn !== undefined && leftOn > today)
          addError(row, 'left_on', `${leftOn} is in the future: mark someone left on the day they leave, or later`);
      }
    }
  }
  const curriculum = rowsOf('curriculum.csv');
  if (curriculum) {
    rejectRepeats(
      curriculum,
      'subject',
      (cells) => subjectKey(cells['subject'] ?? ''),
      (_, cells) => `duplicate subject ${cells['subject']}`,
    );
  }
  if (activities) {
    rejectRepeats(
      activities,
      'id',
      (cells) => cells['id'],
      (id) => `duplicate id ${id}`,
    );
    const today = options.today;
    if (today !== undefined) {
      for (const row of activities) {
        const activity = row.record;
        if (activity !== undefined && isPlanned(activity, today) && !hasInvitation(activity)) {
          addError(
            row,
            'invited_year_groups',
            `the activity is planned (dated ${activity.date}, after today): say who it is for in invited_year_groups (such ` +
              `as 10;11) or invited_forms (such as 10B)`,
          );
        }
      }
    }
  }
  const attendance = rowsOf('attendance.csv');
  if (attendance) {
    for (const row of attendance) {
      references.activity(row, 'activity_id');
      references.person(row, 'pupil_id', ['pupil'], 'a pupil');
    }
    rejectRepeats(
      attendance,
      undefined,
      (cells) => `${cells['activity_id']}\u0000${cells['pupil_id']}`,
      (_, cells) => `duplicate attendance: ${cells['pupil_id']} is already listed for activity ${cells['activity_id']}`,
    );
  }
  const links = rowsOf('links.csv');
  if (links) {
    rejectRepeats(
      links,
      'id',
      (cells) => cells['id'],
      (id) => `duplicate id ${id}`,
    );
    const staff = (Object.keys(ROLE_DESCRIPTIONS) as Role[]).filter((role) => role !== 'pupil');
    for (const row of links) references.person(row, 'teacher_id', staff, 'a member of staff');
  }
  const meetings = rowsOf('meetings.csv');
  if (meetings) {
    rejectRepeats(
      meetings,
      'id',
      (cells) => cells['id'],
      (id) => `duplicate id ${id}`,
    );
    for (const row of meetings) {
      references.person(row, 'pupil_id', ['pupil'], 'a pupil');
      references.person(row, 'adviser_id', ADVISER_ROLES, 'a careers adviser or careers leader');
    }
  }
  const destinations = rowsOf('destinations.csv');
  if (destinations) {
    for (const row of destinations) references.person(row, 'pupil_id', ['pupil'], 'a pupil');
    rejectRepeats(
      destinations,
      undefined,
      (cells) => `${cells['pupil_id']}\u0000${cells['kind']}\u0000${cells['date']}`,
      (_, cells) => `duplicate destination: ${cells['pupil_id']} already has one of kind ${cells['kind']} dated ${cells['date']}`,
    );
  }

  for (const [file, rows] of candidates) {
    for (const row of rows) if (row.errors.length > 0) errors.push(...sortedByColumn(file, row.errors));
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort(byFileThenLine) };

  const data: Partial<SchoolData> = {};
  for (const [file, rows] of candidates) {
    // Every row is good here, so every record is present.
    (data as Record<string, unknown[]>)[COLLECTION_OF_FILE[file]] = rows.map((row) => row.record);
  }
  return { ok: true, data };
}

function validateRows(file: SchoolFileName, records: CsvRecord[]): Candidate<unknown>[] {
  const schema: z.ZodType = ROW_SCHEMAS[file];
  return records.map(({ line, values }) => {
    const result = schema.safeParse(values);
    if (result.success) return { file, line, cells: values, record: result.data, errors: [] };
    const errors: ImportError[] = [];
    const columnsReported = new Set<string>();
    for (const issue of result.error.issues) {
      const column = issue.path[0] === undefined ? undefined : String(issue.path[0]);
      // One reason per cell is enough to fix it.
      if (column !== undefined && columnsReported.has(column)) continue;
      if (column !== undefined) columnsReported.add(column);
      errors.push(column === undefined ? { file, line, reason: issue.message } : { file, line, column, reason: issue.message });
    }
    return { file, line, cells: values, record: undefined, errors };
  });
}

/** The ids of an imported file's rows, bad rows included, so that a reference to one is not reported twice. */
function indexImported<T, V>(rows: Candidate<T>[], valueOf: (record: T) => V): Map<string, V | undefined> {
  const index = new Map<string, V | undefined>();
  for (const row of rows) {
    const id = row.cells['id'];
    if (id === undefined || id === '' || index.has(id)) continue;
    index.set(id, row.record === undefined || row.errors.length > 0 ? undefined : valueOf(row.record));
  }
  return index;
}

/** Marks every row whose key an earlier row already has: the second occurrence is the bad row. */
function rejectRepeats<T>(
  rows: Candidate<T>[],
  column: string | undefined,
  keyOf: (cells: Record<string, string>) => string | undefined,
  describe: (key: string, cells: Record<string, string>) => string,
): void {
  const firstLineOfKey = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row.cells);
    if (key === undefined || key === '') continue;
    const firstLine = firstLineOfKey.get(key);
    if (firstLine === undefined) firstLineOfKey.set(key, row.line);
    else addError(row, column, `${describe(key, row.cells)} (first on line ${firstLine})`);
  }
}

class ReferenceChecks {
  constructor(
    private readonly people: PeopleIndex | undefined,
    private readonly activityIds: ReadonlySet<string> | undefined,
  ) {}

  person<T>(row: Candidate<T>, column: string, roles: readonly Role[], expected: string): void {
    const id = row.cells[column] ?? '';
    if (id === '' || this.people === undefined) return;
    // Staff erased from the roster stay on the records kept as evidence (links, pupils' meetings).
    if (id === FORMER_STAFF_ID && !roles.includes('pupil') && !this.people.has(id)) return;
    if (!this.people.has(id)) {
      addError(row, column, `unknown person ${id}`);
      return;
    }
    const role = this.people.get(id);
    if (role !== undefined && !roles.includes(role)) addError(row, column, `${id} is ${ROLE_DESCRIPTIONS[role]}, not ${expected}`);
  }

  activity<T>(row: Candidate<T>, column: string): void {
    const id = row.cells[column] ?? '';
    if (id !== '' && this.activityIds !== undefined && !this.activityIds.has(id)) addError(row, column, `unknown activity ${id}`);
  }
}

/** Adds a reason unless the cell already has one (a malformed id need not also be reported unknown). */
function addError<T>(row: Candidate<T>, column: string | undefined, reason: string): void {
  if (column !== undefined && row.errors.some((error) => error.column === column)) return;
  row.errors.push(column === undefined ? { file: row.file, line: row.line, reason } : { file: row.file, line: row.line, column, reason });
}

function sortedByColumn(file: SchoolFileName, errors: ImportError[]): ImportError[] {
  const columns: readonly string[] = FILE_COLUMNS[file];
  const position = (error: ImportError) => (error.column === undefined ? -1 : columns.indexOf(error.column));
  return [...errors].sort((a, b) => position(a) - position(b));
}

function byFileThenLine(a: ImportError, b: ImportError): number {
  const files: readonly string[] = SCHOOL_FILE_NAMES;
  return files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line;
}
