import type { AdaptiveCard } from '@microsoft/teams-ai';
import {
  adaptiveCard,
  container,
  executeAction,
  heading,
  textBlock,
  type CardAction,
  type CardElement,
  tappable,
} from '../../cards/adaptive-card';
import { academicYearOf, formatUkDate } from '../../domain/calendar';
import { BENCHMARK_IDS, gapsToActOn, rowUnit, type BenchmarkId, type BenchmarkReport, type BenchmarkRow } from '../../domain/benchmarks';
import { PLANNED_HEADING } from '../../domain/digest/compose-digest';
import { SETTINGS_VERBS } from '../settings/settings-cards';
import { textBar } from '../../domain/text-bar';
import { BENCHMARK_TITLES, benchmarkName, CHECK_NAMES, checksOfRows, percentOf } from './benchmark-names';

export const REPORT_VERBS = {
  show: 'report.show',
  pupils: 'report.pupils',
  gaps: 'report.gaps',
} as const;

/** Gaps on the report card itself; the rest one tap away. */
export const REPORT_CARD_GAPS = 3;
export const GAPS_CARD_LIMIT = 40;

function monospace(element: CardElement): CardElement {
  return { ...element, fontType: 'Monospace' };
}

/** Widths that line the rows' numbers up under each other. */
interface RowWidths {
  fraction: number;
  planned: number;
  unplanned: number;
}

/**
 * One tappable row as a single monospace line, "Y9  ▓▓▓▓▓▓▓▓░░  143/180 pupils   79%  30 planned
 * 7 unplanned": columns line up without a ColumnSet per row, which keeps a whole school's report
 * well inside Teams' card size. Met, then the forecast: planned, and what still needs a plan.
 */
function rowLine(label: string, row: BenchmarkRow, widths: RowWidths, action: CardAction): CardElement {
  // The unit, so Benchmark 4's "2/13 subjects" does not read as pupils beside "38/40 pupils".
  const fraction = `${`${row.met}/${row.total}`.padStart(widths.fraction)} ${rowUnit(row.benchmark).padEnd(8)}`;
  const forecast = `${String(row.planned).padStart(widths.planned)} planned  ${String(row.unplanned).padStart(widths.unplanned)} unplanned`;
  // Non-breaking spaces: renderers fold runs of ordinary spaces, which would undo the alignment.
  const text = `${label.padEnd(3)}  ${textBar(row.met, row.total)}  ${fraction}  ${`${percentOf(row)}%`.padStart(4)}  ${forecast}`.replace(/ /g, '\u00a0');
  return tappable(container([monospace(textBlock(text, { color: row.met === row.total ? 'Good' : undefined }))]), action);
}

export interface ReportCardOptions {
  /** The careers leader and admin can open the settings from a Benchmark 1 row. */
  canEditSettings: boolean;
  schoolName?: string;
}

/** Every row of the report, grouped by benchmark, each opening who has not met it yet. */
export function reportCard(report: BenchmarkReport, options: ReportCardOptions): AdaptiveCard {
  const checks = checksOfRows(report.rows);
  const widths: RowWidths = {
    fraction: Math.max(0, ...report.rows.map((row) => `${row.met}/${row.total}`.length)),
    planned: Math.max(0, ...report.rows.map((row) => String(row.planned).length)),
    unplanned: Math.max(0, ...report.rows.map((row) => String(row.unplanned).length)),
  };
  const byBenchmark = new Map<BenchmarkId, BenchmarkRow[]>();
  for (const row of report.rows) byBenchmark.set(row.benchmark, [...(byBenchmark.get(row.benchmark) ?? []), row]);

  const sections: CardElement[] = BENCHMARK_IDS.filter((benchmark) => byBenchmark.has(benchmark)).map((benchmark) =>
    container(
      [
        textBlock(benchmark === 'PAL' ? benchmarkName(benchmark) : `${benchmarkName(benchmark)} · ${BENCHMARK_TITLES[benchmark]}`, { weight: 'Bolder' }),
        ...byBenchmark.get(benchmark)!.map((row) => {
          const check = checks.get(row);
          if (check) {
            const met = row.met === row.total;
            const line = textBlock(`${met ? '✓' : '✗'} ${CHECK_NAMES[check]}`, { color: met ? 'Good' : 'Attention' });
            return options.canEditSettings ? tappable(container([line]), executeAction('School settings', SETTINGS_VERBS.open, {})) : line;
          }
          const yearGroup = row.yearGroup ?? 0;
          return rowLine(`Y${yearGroup}`, row, widths, executeAction(`Year ${yearGroup}`, REPORT_VERBS.pupils, { asOf: report.asOf, benchmark, yearGroup }));
        }),
      ],
      { separator: true },
    ),
  );

  const { gaps } = gapsToActOn(report);
  const topGaps = gaps.slice(0, REPORT_CARD_GAPS);
  return adaptiveCard(
    [
      heading(`Benchmark report${options.schoolName ? `: ${options.schoolName}` : ''}`),
      textBlock(
        `As of ${formatUkDate(report.asOf)} (${academicYearOf(report.asOf).label}). Each row: met so far, then of the rest, who the plan reaches by the end of the year (planned) and who still needs a plan (unplanned). Tap a year group to see who hasn’t met it yet.`,
        { subtle: true },
      ),
      container(
        [
          textBlock(gaps.length === 0 ? 'No gaps: every rule the data can check is met.' : `Top gaps (${gaps.length} in all)`, { weight: 'Bolder' }),
          ...topGaps.map((gap, index) => textBlock(`${index + 1}. ${gap.sentence}`)),
        ],
        { style: 'emphasis' },
      ),
      ...sections,
    ],
    gaps.length > REPORT_CARD_GAPS || report.gaps.length > gaps.length ? [executeAction('All gaps', REPORT_VERBS.gaps, { asOf: report.asOf })] : [],
  );
}

/** Every gap, ranked, as the weekly nudge would list them, then those the plan closes. */
export function gapsCard(report: BenchmarkReport): AdaptiveCard {
  const { gaps, equity, planned } = gapsToActOn(report);
  const shown = gaps.slice(0, GAPS_CARD_LIMIT);
  return adaptiveCard(
    [
      heading('Gaps, most urgent first'),
      textBlock(`As of ${formatUkDate(report.asOf)}. ${gaps.length > shown.length ? `The first ${shown.length} of ${gaps.length} gaps.` : `${gaps.length} gap${gaps.length === 1 ? '' : 's'}.`}`, { subtle: true }),
      ...shown.map((gap, index) => textBlock(`${index + 1}. ${gap.sentence}`, { spacing: 'Medium' })),
      ...(equity.length > 0 ? [container([textBlock('Falling behind their year group', { weight: 'Bolder' }), ...equity.slice(0, GAPS_CARD_LIMIT).map((gap) => textBlock(gap.sentence))], { separator: true, style: 'attention' })] : []),
      ...(planned.length > 0 ? [container([textBlock(PLANNED_HEADING, { weight: 'Bolder' }), ...planned.slice(0, GAPS_CARD_LIMIT).map((gap) => textBlock(gap.sentence))], { separator: true, style: 'good' })] : []),
    ],
    [executeAction('Back to the report', REPORT_VERBS.show, { asOf: report.asOf })],
  );
}
