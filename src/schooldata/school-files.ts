// The contract's CSV files (docs/school-data-format.md): their names, their
// columns in contract order, and which collection of SchoolData each one fills.
import type { SchoolData } from '../domain/school';

export const SCHOOL_FILE_NAMES = [
  'people.csv',
  'curriculum.csv',
  'activities.csv',
  'attendance.csv',
  'links.csv',
  'meetings.csv',
  'destinations.csv',
] as const;
export type SchoolFileName = (typeof SCHOOL_FILE_NAMES)[number];

export const COLLECTION_OF_FILE = {
  'people.csv': 'people',
  'curriculum.csv': 'curriculum',
  'activities.csv': 'activities',
  'attendance.csv': 'attendance',
  'links.csv': 'links',
  'meetings.csv': 'meetings',
  'destinations.csv': 'destinations',
} as const satisfies Record<SchoolFileName, keyof SchoolData>;

/** Every column of each file, in the order the contract lists them (and the writer writes them). */
export const FILE_COLUMNS = {
  'people.csv': [
    'id',
    'role',
    'given_name',
    'family_name',
    'email',
    'year_group',
    'form',
    'date_of_birth',
    'send',
    'pupil_premium',
    'looked_after',
    'considering_higher_education',
    'subjects',
    'left_on',
  ],
  'curriculum.csv': ['subject', 'year_groups'],
  'activities.csv': [
    'id',
    'date',
    'kind',
    'title',
    'provider_type',
    'provider_access',
    'meaningful',
    'invited_year_groups',
    'invited_forms',
  ],
  'attendance.csv': ['activity_id', 'pupil_id'],
  'links.csv': ['id', 'date', 'teacher_id', 'subject', 'year_group', 'topic', 'careers'],
  'meetings.csv': ['id', 'pupil_id', 'adviser_id', 'starts_at', 'status', 'advice', 'agreed_actions'],
  'destinations.csv': ['pupil_id', 'kind', 'date', 'destination'],
} as const satisfies Record<SchoolFileName, readonly string[]>;

/**
 * Columns a file may leave out; a missing one reads as empty in every row. These are the columns the
 * contract marks for some rows only (people's pupil and teacher details, an activity's provider type
 * and who a planned activity is for).
 * people.csv's year_group is not among them: the roster holds pupils, and a missing year_group column
 * is better reported once than on every pupil's row. Every other column is required.
 */
export const OPTIONAL_COLUMNS: Partial<Record<SchoolFileName, readonly string[]>> = {
  'people.csv': ['form', 'date_of_birth', 'send', 'pupil_premium', 'looked_after', 'considering_higher_education', 'subjects', 'left_on'],
  'activities.csv': ['provider_type', 'invited_year_groups', 'invited_forms'],
};

export type SchoolFileText = Partial<Record<SchoolFileName, string>>;
