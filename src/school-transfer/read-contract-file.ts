import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ImportError } from '../schooldata/import-error';

/** Far above any school's export (40,000 attendance rows are about 1 MB); anything bigger is not one. */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;

export type ContractFileText = { ok: true; text: string } | { ok: false; error: ImportError };

/**
 * One contract file's text, refused with a reason naming it when it is too big or not UTF-8
 * (Excel's plain "CSV" is Windows-1252: its accented letters would be stored as replacement
 * characters). A UTF-8 byte-order mark is fine.
 */
export function readContractFile(file: string): ContractFileText {
  const name = path.basename(file);
  const { size } = statSync(file);
  if (size > MAX_IMPORT_FILE_BYTES) {
    return {
      ok: false,
      error: {
        file: name,
        line: 0,
        reason: `the file is ${megabytes(size)} MB; files over ${megabytes(MAX_IMPORT_FILE_BYTES)} MB are refused`,
      },
    };
  }
  const bytes = readFileSync(file);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const line = lineOfFirstBadByte(bytes);
    return {
      ok: false,
      error: {
        file: name,
        line,
        reason: 'the file is not UTF-8 text (from Excel, use “Save As” and choose “CSV UTF-8 (Comma delimited)”, then import it again)',
      },
    };
  }
}

function lineOfFirstBadByte(bytes: Buffer): number {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const bad = lenient.indexOf('\uFFFD');
  return bad === -1 ? 1 : lenient.slice(0, bad).split('\n').length;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1);
}
