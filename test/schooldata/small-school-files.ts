// Reads the small-school fixture (test/fixtures/small-school) as parseSchoolFiles takes it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SCHOOL_FILE_NAMES, type SchoolFileName } from '../../src/schooldata/school-files';

export const SMALL_SCHOOL_FOLDER = path.resolve(__dirname, '../fixtures/small-school');

export function readSmallSchool(): Record<SchoolFileName, string> {
  return Object.fromEntries(SCHOOL_FILE_NAMES.map((name) => [name, readFileSync(path.join(SMALL_SCHOOL_FOLDER, name), 'utf8')])) as Record<
    SchoolFileName,
    string
  >;
}
