import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ImportError } from '../schooldata/import-error';
import { parseSchoolFiles } from '../schooldata/parse-school-files';
import { SCHOOL_FILE_NAMES, type SchoolFileText } from '../schooldata/school-files';
import type { Services } from '../services';
import type { ImportCounts } from '../storage/school-data-store';
import { readContractFile } from './read-contract-file';

export type FolderImportResult =
  | { ok: true; counts: ImportCounts; files: string[] }
  | { ok: false; errors: ImportError[]; files: string[] };

/** Imports every contract file present in the folder; any bad row means nothing is written. */
export async function importSchoolFolder(services: Services, schoolId: string, folder: string, actorId: string): Promise<FolderImportResult> {
  const texts: SchoolFileText = {};
  const unreadable: ImportError[] = [];
  for (const name of SCHOOL_FILE_NAMES) {
    const file = path.join(folder, name);
    if (!existsSync(file)) continue;
    const read = readContractFile(file);
    if (read.ok) texts[name] = read.text;
    else unreadable.push(read.error);
  }
  const files = [...Object.keys(texts), ...unreadable.map((error) => error.file)];
  if (unreadable.length > 0) return { ok: false, files, errors: unreadable };
  if (files.length === 0) return { ok: false, files, errors: [{ file: folder, line: 0, reason: `no contract files found (expected any of ${SCHOOL_FILE_NAMES.join(', ')})` }] };

  const existing = await services.school.load(schoolId);
  const parsed = parseSchoolFiles(texts, existing);
  if (!parsed.ok) return { ok: false, files, errors: parsed.errors };

  const counts = await services.school.import(schoolId, parsed.data, existing);
  await services.audit.record(schoolId, { actorId, action: 'import', subject: files.join(','), at: services.now().toISOString() }, randomUUID());
  services.log.info('import.done', { schoolId, files: files.length });
  return { ok: true, files, counts };
}
