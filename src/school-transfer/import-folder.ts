import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { schoolDateOf } from '../domain/school-time';
import type { ImportError } from '../schooldata/import-error';
import { parseSchoolFiles } from '../schooldata/parse-school-files';
import { SCHOOL_FILE_NAMES, type SchoolFileText } from '../schooldata/school-files';
import type { Services } from '../services';
import type { ImportCounts } from '../storage/school-data-store';
import { readContractFile } from './read-contract-file';
import { forgetLeaversChats, newlyLeft } from './forget-leavers-chats';
import { absentFromRoster, rosterEntry, rosterWithLeavers, type RosterEntry } from './roster-sync';

export interface FolderImportOptions {
  /** `--leavers`: people on roll but absent from people.csv are marked left today. */
  markLeavers?: boolean;
}

export type FolderImportResult =
  | { ok: true; counts: ImportCounts; files: string[]; markedLeft: RosterEntry[]; leftOn: string }
  | { ok: false; errors: ImportError[]; files: string[] }
  /** people.csv leaves out people on roll, and `--leavers` was not given: nothing written. */
  | { ok: false; errors: []; files: string[]; absent: RosterEntry[]; leftOn: string };

/** Imports every contract file present in the folder; any bad row means nothing is written. */
export async function importSchoolFolder(
  services: Services,
  schoolId: string,
  folder: string,
  actorId: string,
  options: FolderImportOptions = {},
): Promise<FolderImportResult> {
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
  if (files.length === 0)
    return {
      ok: false,
      files,
      errors: [{ file: folder, line: 0, reason: `no contract files found (expected any of ${SCHOOL_FILE_NAMES.join(', ')})` }],
    };

  const today = schoolDateOf(services.now());
  const existing = await services.school.load(schoolId);
  const parsed = parseSchoolFiles(texts, existing, { today });
  if (!parsed.ok) return { ok: false, files, errors: parsed.errors };

  let markedLeft: RosterEntry[] = [];
  if (parsed.data.people) {
    const absent = absentFromRoster(parsed.data.people, existing.people, today);
    if (absent.length > 0 && options.markLeavers !== true) {
      services.log.warn('import.leavers_unconfirmed', { schoolId, absent: absent.length });
      return { ok: false, errors: [], files, absent: absent.map(rosterEntry), leftOn: today };
    }
    parsed.data.people = rosterWithLeavers(parsed.data.people, absent, today);
    markedLeft = absent.map(rosterEntry);
  }

  const counts = await services.school.import(schoolId, parsed.data, existing);
  if (parsed.data.people) await forgetLeaversChats(services, schoolId, newlyLeft(parsed.data.people, existing.people, today));
  const subject = markedLeft.length > 0 ? `${files.join(',')};left:${markedLeft.map((entry) => entry.id).join(',')}` : files.join(',');
  await services.audit.record(schoolId, { actorId, action: 'import', subject, at: services.now().toISOString() }, randomUUID());
  services.log.info('import.done', { schoolId, files: files.length, markedLeft: markedLeft.length });
  return { ok: true, files, counts, markedLeft, leftOn: today };
}
