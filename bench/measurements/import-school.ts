import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importSchoolFolder } from '../../src/school-transfer/import-folder';
import { writeSchoolFiles } from '../../src/schooldata/write-school-files';
import type { Measurement } from '../bench-context';
import { underMs } from '../printer';
import { timed } from '../timing';

/** `npm run import` of the whole school into empty storage: read and check the CSV files, then write every row. */
export const importSchool: Measurement = {
  name: 'import',
  async run({ services, schoolId, school }) {
    const folder = mkdtempSync(path.join(tmpdir(), 'waypoint-bench-'));
    try {
      for (const [file, text] of Object.entries(writeSchoolFiles(school))) writeFileSync(path.join(folder, file), text);
      const { ms, result } = await timed(() => importSchoolFolder(services, schoolId, folder, 'bench'));
      if (!result.ok) throw new Error(`the benchmark school did not import: ${result.errors.length} problems`);
      const pupils = school.people.filter((person) => person.role === 'pupil').length;
      return {
        name: `import ${pupils.toLocaleString('en-GB')} pupils, ${school.attendance.length.toLocaleString('en-GB')} attendance rows`,
        ms,
        targets: [underMs(ms, 20_000)],
      };
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
