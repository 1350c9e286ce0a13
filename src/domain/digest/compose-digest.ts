// The weekly digest, as data: the few gaps worth acting on first, what changed since the digest
// last posted, who is falling behind, and the Compass snapshot reminder. Pure: the job and the
// "gaps" command feed it a report and the previous snapshot.

import { addDays, formatUkDate } from '../calendar';
import { BENCHMARK_TITLES } from '../benchmarks/benchmark-titles';
import { publicCount, SMALLEST_COUNT_SHOWN, withSmallCountsHidden } from '../benchmarks/gap-wording';
import { gapsToActOn, rowUnit } from '../benchmarks/gaps-to-act-on';
import { textBar } from '../text-bar';
import type { BenchmarkId, BenchmarkReport, BenchmarkRow, Gap } from '../benchmarks/types';
import type { IsoDate } from '../school';

export const TOP_GAPS = 5;

/** Above the gaps the plan closes, wherever they are listed. */
export const PLANNED_HEADING = 'Closed by the plan (if it happens)';

/** The counts a digest compares week on week (snapshots kept before the forecast have no more). */
export type SnapshotRow = Pick<BenchmarkRow, 'benchmark' | 'yearGroup' | 'met' | 'total'>;

/** What a digest keeps of a report, so next week's can say what changed. */
export interface DigestSnapshot {
  asOf: IsoDate;
  rows: SnapshotRow[];
}

export interface RowChange {
  benchmark: BenchmarkId;
  yearGroup: number | null;
  before: number;
  after: number;
  total: number;
  /** "Year 11 guidance meetings: 118 -> 131 of 180" */
  sentence: string;
}

export interface BenchmarkProgress {
  benchmark: BenchmarkId;
  title: string;
  met: number;
  /** Of those not met yet, whom the plan reaches by the end of the year. */
  planned: number;
  total: number;
  percent: number;
}

export interface Digest {
  asOf: IsoDate;
  topGaps: Gap[];
  otherGaps: Gap[];
  /** undefined on the first digest: nothing to compare with. */
  changes?: RowChange[];
  previousAsOf?: IsoDate;
  equityLines: string[];
  /** Gaps the plan closes: shown as planned, not as gaps (docs/benchmark-rules.md, "The plan and the forecast"). */
  planned: Gap[];
  compassReminder?: string;
  progress: BenchmarkProgress[];
  /** Planned activities whose day has passed without attendance: titles and dates only (the digest is posted in a channel). */
  waitingForAttendance?: Array<{ title: string; date: IsoDate }>;
}

/** Short nouns for change lines: "Year 11 guidance meetings: 118 -> 131 of 180". */
const ROW_NOUNS: Record<BenchmarkId, string> = {
  '1': 'Benchmark 1 checks',
  '2': 'careers information',
  '3': 'careers records complete',
  '4': 'subjects with a careers link',
  '5': 'employer encounters',
  '6': 'workplace experiences',
  '7': 'provider encounters',
  '8': 'guidance meetings',
  PAL: 'provider access encounters',
};

// The Careers & Enterprise Company takes Compass snapshots on these days (month, day).
const COMPASS_SNAPSHOTS: ReadonlyArray<readonly [number, number]> = [
  [12, 31],
  [3, 31],
  [7, 31],
];
const COMPASS_NOTICE_DAYS = 14;

/**
 * The digest is posted in a channel: no count of 1 to 4 pupils appears in it (said "fewer than 5"),
 * and no equity line about a group, or a part of one, that small.
 */
export function composeDigest(report: BenchmarkReport, previous: DigestSnapshot | undefined): Digest {
  const toActOn = gapsToActOn(report);
  const hidden = (gap: Gap) => ({ ...gap, sentence: withSmallCountsHidden(gap.sentence) });
  const gaps = toActOn.gaps.map(hidden);
  return {
    asOf: report.asOf,
    topGaps: gaps.slice(0, TOP_GAPS),
    otherGaps: gaps.slice(TOP_GAPS),
    ...(previous ? { changes: changesSince(previous.rows, report.rows), previousAsOf: previous.asOf } : {}),
    equityLines: equityLines(toActOn.equity),
    planned: toActOn.planned.map(hidden),
    compassReminder: compassReminder(report.asOf),
    progress: progressByBenchmark(report.rows),
  };
}

/** An equity line's percentages give away both its parts: each must be 0 or at least 5 pupils. */
function equityLines(gaps: readonly Gap[]): string[] {
  const small = (n: number) => publicCount(n) !== String(n);
  const shown = gaps.filter(
    (gap) =>
      gap.groupSize !== undefined && !small(gap.groupSize) && !small(gap.pupilsAffected) && !small(gap.groupSize - gap.pupilsAffected),
  );
  const left = gaps.length - shown.length;
  const leftOut =
    left === 0
      ? []
      : [
          `${left === 1 ? 'One more line is' : `${left} more lines are`} about groups of fewer than ${SMALLEST_COUNT_SHOWN} ` +
            `pupils, so not shown here: type “report” in a personal chat with me.`,
        ];
  return [...shown.map((gap) => gap.sentence), ...leftOut];
}

export function rowLabel(row: Pick<BenchmarkRow, 'benchmark' | 'yearGroup'>): string {
  return row.yearGroup === null ? ROW_NOUNS[row.benchmark] : `Year ${row.yearGroup} ${ROW_NOUNS[row.benchmark]}`;
}

function changesSince(before: readonly SnapshotRow[], after: readonly SnapshotRow[]): RowChange[] {
  const keyOf = (row: SnapshotRow) => `${row.benchmark}:${row.yearGroup ?? 'school'}`;
  // Benchmark 1 rows have no year group, so several share a key: compare them as one total.
  const summed = (rows: readonly SnapshotRow[]) => {
    const totals = new Map<string, SnapshotRow>();
    for (const row of rows) {
      const existing = totals.get(keyOf(row));
      totals.set(keyOf(row), existing ? { ...existing, met: existing.met + row.met, total: existing.total + row.total } : { ...row });
    }
    return totals;
  };
  const previous = summed(before);
  const changes: RowChange[] = [];
  for (const [key, row] of summed(after)) {
    const then = previous.get(key);
    if (!then || then.met === row.met) continue;
    const count = countFor(row.benchmark);
    const uncapitalised = rowLabel(row);
    const label = uncapitalised.charAt(0).toUpperCase() + uncapitalised.slice(1);
    changes.push({
      benchmark: row.benchmark,
      yearGroup: row.yearGroup,
      before: then.met,
      after: row.met,
      total: row.total,
      sentence: `${label}: ${count(then.met)} -> ${count(row.met)} of ${count(row.total)}`,
    });
  }
  return changes.sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || a.sentence.localeCompare(b.sentence));
}

function progressByBenchmark(rows: readonly BenchmarkRow[]): BenchmarkProgress[] {
  const order: BenchmarkId[] = ['1', '2', '3', '4', '5', '6', '7', '8', 'PAL'];
  return order.flatMap((benchmark) => {
    const mine = rows.filter((row) => row.benchmark === benchmark);
    const met = mine.reduce((sum, row) => sum + row.met, 0);
    const planned = mine.reduce((sum, row) => sum + row.planned, 0);
    const total = mine.reduce((sum, row) => sum + row.total, 0);
    return total === 0
      ? []
      : [{ benchmark, title: BENCHMARK_TITLES[benchmark], met, planned, total, percent: Math.floor((met * 100) / total) }];
  });
}

/** In the fortnight before a Compass snapshot, a reminder to update the self-evaluation. */
export function compassReminder(asOf: IsoDate): string | undefined {
  const year = Number(asOf.slice(0, 4));
  for (const [month, day] of COMPASS_SNAPSHOTS) {
    const snapshot = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (asOf <= snapshot && asOf > addDays(snapshot, -COMPASS_NOTICE_DAYS - 1)) {
      return `Compass takes its national snapshot on ${formatUkDate(snapshot)}: update your self-evaluation before then.`;
    }
  }
  return undefined;
}

/** "▓▓▓▓▓░░░░░  52%": the bar half of a progress line, which the card keeps in a column of its own. */
export function progressBar(entry: BenchmarkProgress): string {
  // A share of fewer than 5 pupils would give their count away: the bar stays empty and unnumbered.
  if (progressHidden(entry)) return `${textBar(0, 0)}    -`;
  return `${textBar(entry.met, entry.total)} ${String(entry.percent).padStart(3)}%`;
}

/** "B5 Encounters with employers and employees (120 of 230 pupils)": the unit says what is counted. */
export function progressLabel(entry: BenchmarkProgress): string {
  const count = countFor(entry.benchmark);
  return (
    `${entry.benchmark === 'PAL' ? 'PAL' : `B${entry.benchmark}`} ${entry.title} (${count(entry.met)} ` +
    `of ${count(entry.total)} ${rowUnit(entry.benchmark)})`
  );
}

/** A share of fewer than 5 pupils would give their count away: such a bar is shown empty and unnumbered. */
export function progressHidden(entry: BenchmarkProgress): boolean {
  return countFor(entry.benchmark) === publicCount && entry.total < SMALLEST_COUNT_SHOWN;
}

/** Counts of pupils are said publicly only from 5 up; Benchmarks 1 and 4 count checks and subjects, not pupils. */
function countFor(benchmark: BenchmarkId): (n: number) => string {
  return rowUnit(benchmark) === 'pupils' ? publicCount : String;
}

/** "▓▓▓▓▓░░░░░  52% B5 Encounters with employers and employees (120 of 230 pupils)", as text. */
export function progressLine(entry: BenchmarkProgress): string {
  return `${progressBar(entry)} ${progressLabel(entry)}`;
}

/** When a gap is due, said once: its sentence already counts the school weeks left. */
export function deadlineNote(gap: Pick<Gap, 'deadline'>, asOf: IsoDate): string {
  if (gap.deadline === asOf) return 'due today';
  return gap.deadline < asOf ? `was due ${formatUkDate(gap.deadline)}` : `by ${formatUkDate(gap.deadline)}`;
}
