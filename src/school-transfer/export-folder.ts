import { closeSync, fchmodSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { writeSchoolFiles } from '../schooldata/write-school-files';
import type { Services } from '../services';

/**
 * Writes every contract file for the school into the folder. They hold children's personal data:
 * readable by their owner only (0600, in a 0700 folder when this creates it), and a file already
 * there is made so before anything is written to it.
 */
export async function exportSchoolFolder(services: Services, schoolId: string, folder: string): Promise<string[]> {
  const data = await services.school.load(schoolId);
  const files = writeSchoolFiles(data);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  for (const [name, text] of Object.entries(files)) writeOwnerOnly(path.join(folder, name), text);
  return Object.keys(files);
}

function writeOwnerOnly(file: string, text: string): void {
  const descriptor = openSync(file, 'w', 0o600);
  try {
    fchmodSync(descriptor, 0o600);
    writeSync(descriptor, text);
  } finally {
    closeSync(descriptor);
  }
}
