// The benchmark report as an aligned plain-text table, for `npm run report` without --json.

import { academicYearOf, formatUkDate } from '../../domain/calendar';
import { gapsToActOn, type BenchmarkReport } from '../../domain/benchmarks';
import { CHECK_NAMES, checksOfRows, percentOf } from './benchmark-names';
import { PLANNED_HEADING } from '../../domain/digest/compose-digest';

/** Gaps printed under the table; the JSON has them all. */
export const TABLE_GAPS_SHOWN = 10;

export function reportTable(report: BenchmarkReport, schoolName?: string): string {
  const checks = checksOfRows(report.rows);
  const header = ['Benchmark', 'Year group', 'Met/total', 'Percent', 'Planned', 'Unplanned', ''];
  const body = report.rows.map((row) => {
    const check = checks.get(row);
    const yearGroup = row.yearGroup === null ? 'School' : `Year ${row.yearGroup}`;
    return [
      row.benchmark,
      yearGroup,
      `${row.met}/${row.total}`,
      `${percentOf(row)}%`,
      String(row.planned),
      String(row.unplanned),
      check ? CHECK_NAMES[check] : '',
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  // Numbers right-aligned so they line up by units.
  const numeric = [false, false, true, true, true, true, false];
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();

  const lines = [
    `Benchmark report${schoolName ? ` for ${schoolName}` : ''}, as of ${formatUkDate(report.asOf)} (academic ` +
      `year ${academicYearOf(report.asOf).label})`,
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...body.map(line),
    '',
  ];
  const { gaps, planned } = gapsToActOn(report);
  if (gaps.length === 0) {
    lines.push('No gaps: every rule the data can check is met.');
  } else {
    lines.push(`Top gaps (${Math.min(TABLE_GAPS_SHOWN, gaps.length)} of ${gaps.length}):`);
    gaps.slice(0, TABLE_GAPS_SHOWN).forEach((gap, index) => lines.push(`${String(index + 1).padStart(2)}. ${gap.sentence}`));
    if (gaps.length > TABLE_GAPS_SHOWN) lines.push(`    … and ${gaps.length - TABLE_GAPS_SHOWN} more: add --json to see them all.`);
  }
  if (planned.length > 0) lines.push('', `${PLANNED_HEADING}:`, ...planned.map((gap) => `  ${gap.sentence}`));
  return `${lines.join('\n')}\n`;
}
