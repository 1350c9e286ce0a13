// A spreadsheet runs a cell starting with = + - @ (or a tab or line break before one) as a
// formula: text a pupil typed could then run in the school office's Excel. Export writes such a
// cell with one leading apostrophe, which spreadsheets read as "this is text"; import takes exactly
// one off again. A cell that already starts with apostrophes before one of those characters gets
// one more, so export then import gives back every cell exactly.

// A line feed too: the import reads every carriage return as one.
const FORMULA_START = /^'*[=+\-@\t\r\n]/;
const ESCAPED = /^'+[=+\-@\t\r\n]/;

/** The cell as written to a CSV file. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The cell as read from a CSV file: one apostrophe off a neutralised cell, anything else as it is. */
export function restoreFormula(cell: string): string {
  return ESCAPED.test(cell) ? cell.slice(1) : cell;
}
