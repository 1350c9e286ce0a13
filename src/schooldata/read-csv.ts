// Reads one contract file into records keyed by column name, each with the physical line where it
// starts, or reports why it cannot (malformed CSV, missing or repeated columns).
import { CsvError, parse, type Options } from 'csv-parse/sync';
import { restoreFormula } from './formula-cells';
import type { ImportError } from './import-error';
import { FILE_COLUMNS, OPTIONAL_COLUMNS, type SchoolFileName } from './school-files';

export interface CsvRecord {
  /** Physical line (1-based) where the record starts. */
  line: number;
  /**
   * Every contract column of the file, trimmed, a formula's apostrophe taken off (formula-cells.ts);
   * a column the file leaves out reads as ''.
   */
  values: Record<string, string>;
}

export type CsvTable = { ok: true; records: CsvRecord[] } | { ok: false; errors: ImportError[] };

const CSV_OPTIONS: Options = {
  bom: true,
  // A row with the wrong number of fields is reported below, with its line, as a bad row.
  relax_column_count: true,
  // Empty lines come through as [''] so that counting records counts lines; they are dropped below.
  skip_empty_lines: false,
};

export function readCsvTable(file: SchoolFileName, text: string): CsvTable {
  // One line-break convention inside and between records: quoted fields keep '\n' only, and
  // csv-parse counts a quoted CRLF as two lines, which would shift every later line number.
  const normalised = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  let parsed: string[][];
  try {
    parsed = parse(normalised, CSV_OPTIONS);
  } catch (error) {
    return { ok: false, errors: [csvSyntaxError(file, normalised, error)] };
  }

  // A record starts on the line after the previous one ends; only quoted fields hold line breaks.
  // (csv-parse's `info` option gives the same numbers but makes parsing three times slower.)
  const rows: { fields: string[]; line: number }[] = [];
  let line = 1;
  for (const fields of parsed) {
    // Spreadsheets save blank rows as a line of commas.
    if (fields.some((field) => field.trim() !== '')) rows.push({ fields, line });
    line += 1 + countLineBreaks(fields);
  }

  const headerRow = rows[0];
  if (headerRow === undefined) {
    return { ok: false, errors: [{ file, line: 1, reason: 'the file is empty: it needs a header row' }] };
  }
  const header = headerRow.fields.map((name) => name.trim().toLowerCase());
  const columns: readonly string[] = FILE_COLUMNS[file];
  const optional = OPTIONAL_COLUMNS[file] ?? [];

  const errors: ImportError[] = [];
  const indexOfColumn = new Map<string, number>();
  for (const column of columns) {
    const first = header.indexOf(column);
    if (first === -1) {
      if (!optional.includes(column)) errors.push({ file, line: headerRow.line, column, reason: 'required column is missing' });
    } else if (header.indexOf(column, first + 1) !== -1) {
      errors.push({ file, line: headerRow.line, column, reason: 'column appears more than once in the header' });
    } else {
      indexOfColumn.set(column, first);
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const records: CsvRecord[] = [];
  for (const row of rows.slice(1)) {
    if (row.fields.length !== header.length) {
      errors.push({
        file,
        line: row.line,
        reason: `the row has ${row.fields.length} fields but the header has ${header.length} (is a comma missing quotes?)`,
      });
      continue;
    }
    const values: Record<string, string> = {};
    for (const column of columns) {
      const index = indexOfColumn.get(column);
      values[column] = index === undefined ? '' : restoreFormula((row.fields[index] ?? '').trim());
    }
    records.push({ line: row.line, values });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, records };
}

function countLineBreaks(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) count += 1;
  }
  return count;
}

function csvSyntaxError(file: SchoolFileName, text: string, error: unknown): ImportError {
  if (!(error instanceof CsvError)) throw error;
  const reportedLine = typeof error['lines'] === 'number' ? error['lines'] : 1;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      // csv-parse reports the end of the file; the record that opened the quote starts after the last good one.
      return { file, line: lastCompleteLine(text) + 1, reason: 'a quoted field is never closed (a " is missing)' };
    case 'INVALID_OPENING_QUOTE':
      return { file, line: reportedLine, reason: 'a quote inside an unquoted field: quote the whole field and double the quote ("")' };
    case 'CSV_INVALID_CLOSING_QUOTE':
      return { file, line: reportedLine, reason: 'text follows a closing quote: quotes inside a quoted field must be doubled ("")' };
    default:
      return { file, line: reportedLine, reason: `not valid CSV: ${error.message}` };
  }
}

/** The line on which the last complete record ends: a slower parse, only run to explain an error. */
function lastCompleteLine(text: string): number {
  let line = 0;
  try {
    parse(text, {
      ...CSV_OPTIONS,
      on_record: (record, context) => {
        line = context.lines;
        return record;
      },
    });
  } catch {
    // Expected: the same error again, after the last good record.
  }
  return line;
}
