/**
 * One problem with an imported file: `line` is the physical line where the record starts. `file` is
 * a contract file name (SchoolFileName) for everything parseSchoolFiles reports; callers reading
 * folders may report other files.
 */
export interface ImportError {
  file: string;
  line: number;
  column?: string;
  reason: string;
}

/** `people.csv:14 email: not a valid email address`, or `people.csv:14: reason` without a column. */
export function formatImportError(error: ImportError): string {
  const where = `${error.file}:${error.line}`;
  return error.column === undefined ? `${where}: ${error.reason}` : `${where} ${error.column}: ${error.reason}`;
}
