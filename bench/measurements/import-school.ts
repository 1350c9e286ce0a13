import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importSchoolFolder } from '../../src/school-transfer/import-folder';
import { writeSchoolFiles } from '../../src/schooldata/write-school-files';
import type { SchoolData } from '../../src/domain/school';
import type { Services } from '../../src/services';
import type { Measurement } from '../bench-context';
import { underMs } from '../printer';
import { timed } from '../timing';

/** The bench school's size (run.ts generates it); the trust measurements generate theirs alike. */
export const BENCH_PUPILS = 1500;
export const BENCH_ATTENDANCE_ROWS = 40_000;
/** Activities planned after the as-of day, which the report's forecast reads. */
export const BENCH_PLANNED_ACTIVITIES = 300;

/** Writes the school's files to a folder and imports it as `npm run import` does; returns how long the import took. */
export async function importThroughFiles(services: Services, schoolId: string, school: SchoolData): Promise<number> {
  const folder = mkdtempSync(path.join(tmpdir(), 'waypoint-bench-'));
  try {
    for (const [file, text] of Object.entries(writeSchoolFiles(school))) writeFileSync(path.join(folder, file), text);
    const { ms, result } = await timed(() => importSchoolFolder(services, schoolId, folder, 'bench'));
    if (!result.ok) throw new Error(`school ${schoolId} did not import: ${result.errors.length} problems`);
    return ms;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** `npm run import` of the whole school into empty storage: read and check the CSV files, then write every row. */
export const importSchool: Measurement = {
  name: 'import',
  async run({ services, schoolId, school }) {
    const ms = await importThroughFiles(services, schoolId, school);
    const pupils = school.people.filter((person) => person.role === 'pupil').length;
    return {
      name: `import ${pupils.toLocaleString('en-GB')} pupils, ${school.attendance.length.toLocaleString('en-GB')} attendance rows`,
      ms,
      targets: [underMs(ms, 20_000)],
    };
  },
};
