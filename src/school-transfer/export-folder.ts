import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeSchoolFiles } from '../schooldata/write-school-files';
import type { Services } from '../services';

/** Writes every contract file for the school into the folder. */
export async function exportSchoolFolder(services: Services, schoolId: string, folder: string): Promise<string[]> {
  const data = await services.school.load(schoolId);
  const files = writeSchoolFiles(data);
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  return Object.keys(files);
}
