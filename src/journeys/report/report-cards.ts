import type { AdaptiveCard } from '@microsoft/teams-ai';
import {
  actionSet,
  adaptiveCard,
  type CardAction,
  type CardElement,
  container,
  executeAction,
  heading,
  plainText,
  tappable,
  textBlock,
} from '../../cards/adaptive-card';
import { academicYearOf, formatUkDate } from '../../domain/calendar';
import {
  BENCHMARK_IDS,
  gapsToActOn,
  rowUnit,
  type BenchmarkId,
  type BenchmarkReport,
  type BenchmarkRow,
  type Gap,
} from '../../domain/benchmarks';
import { PLANNED_HEADING } from '../../domain/digest/compose-digest';
import { table, tableCell, type TableCell } from '../../cards/table';
import { benchmarkChart, type ChartBar } from '../../charts/benchmark-chart';
import { BENCHMARK_TITLES, benchmarkName, CHECK_NAMES, checksOfRows, percentOf } from './benchmark-names';
import { SETTINGS_VERBS } from '../settings/settings-verbs';
import { FEEDBACK_VERBS } from '../feedback/feedback-verbs';
import { REPORT_VERBS } from './report-verbs';
import { PLANNING_VERBS, planForGap } from '../planning/planning-verbs';
import { scopeLabel, type ReportScope } from '../../domain/report-scope';

/** Gaps on the report card itself; the rest one tap away. */
export const REPORT_CARD_GAPS = 3;
export const GAPS_CARD_LIMIT = 40;

/** A row's cells: the year group (tapping it opens who has not met it yet), met so far, then the forecast. */
function rowCells(row: BenchmarkRow, action: CardAction): TableCell[] {
  // Bare TextBlocks: a whole school's 50-odd rows must stay inside Teams' card size.
  const cell = (text: string) => ({ type: 'TextBlock', text });
  return [
    tableCell([cell(`Year ${row.yearGroup ?? 0}`)], action),
    tableCell([cell(`${row.met}/${row.total} · ${percentOf(row)}%`)]),
    // Planned and unplanned in one cell, each with its word: a fourth cell per row would not fit a whole school in one card.
    tableCell([cell(`${row.planned} planned, ${row.unplanned} unplanned`)]),
  ];
}

/** One bar per benchmark the pupils count for, summed over the year groups shown; Benchmark 1's checks are listed instead. */
function reportChart(report: BenchmarkReport): CardElement[] {
  const bars: ChartBar[] = BENCHMARK_IDS.filter((benchmark) => benchmark !== '1').flatMap((benchmark) => {
    const rows = report.rows.filter((row) => row.benchmark === benchmark);
    const sum = (pick: (row: BenchmarkRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
    const total = sum((row) => row.total);
    return total === 0
      ? []
      : [
          {
            label: benchmark === 'PAL' ? 'PAL' : `B${benchmark}`,
            title: BENCHMARK_TITLES[benchmark],
            met: sum((row) => row.met),
            planned: sum((row) => row.planned),
            total,
            unit: rowUnit(benchmark),
          },
        ];
  });
  return bars.length === 0 ? [] : [benchmarkChart('Where the school stands', bars, 'counts', { wordsBeside: false })];
}

export interface ReportCardOptions {
  /** The careers leader and admin can open the settings from a Benchmark 1 row. */
  canEditSettings: boolean;
  schoolName?: string;
  /** The report narrowed to a year group or to SEND pupils ("report Year 10", "report SEND"); its rows and gaps already are. */
  scope?: ReportScope;
  /** Staff who may plan activities get "Plan an activity" under each gap the plan can still close. */
  canPlan?: boolean;
  /**
   * Benchmark 1's evidence of evaluation: this year's activities with answers from pupils, and
   * whether this reader may open the results (the "feedback" command).
   */
  pupilFeedback?: { activities: number; canOpen: boolean };
}

/** A gap's sentence, with "Plan an activity for Year 10" under it when a plan could close it and this person may plan. */
function gapItems(gap: Gap, text: string, canPlan: boolean | undefined, spacing?: 'Medium'): CardElement[] {
  const plan = canPlan ? planForGap(gap) : undefined;
  return [
    textBlock(text, spacing ? { spacing } : {}),
    ...(plan ? [actionSet([executeAction(`Plan an activity for Year ${plan.yearGroup}`, PLANNING_VERBS.start, plan)])] : []),
  ];
}

function pupilFeedbackEvidence({ activities, canOpen }: NonNullable<ReportCardOptions['pupilFeedback']>): CardElement {
  const line = textBlock(
    activities === 0
      ? 'Evaluated with feedback from pupils: no activity this year has answers from pupils yet.'
      : `Evaluated with feedback from pupils: ${activities} activit${activities === 1 ? 'y' : 'ies'} this year ` +
          `${activities === 1 ? 'has' : 'have'} answers from pupils.`,
    { subtle: true },
  );
  return canOpen && activities > 0 ? tappable(container([line]), executeAction('Pupil feedback', FEEDBACK_VERBS.results)) : line;
}

/** A narrowed card's scope as button data, so "All gaps" and "Back to the report" keep it. */
function scopeData(scope: ReportScope = {}): Record<string, unknown> {
  return {
    ...(scope.yearGroup === undefined ? {} : { yearGroup: scope.yearGroup }),
    ...(scope.group ? { group: scope.group } : {}),
    ...(scope.benchmark ? { benchmark: scope.benchmark } : {}),
  };
}

/** The report card's heading, naming the scope when it is narrowed; the school's name (typed) is on the line below. */
function reportHeading(options: ReportCardOptions): string {
  const label = scopeLabel(options.scope ?? {});
  return label ? `Benchmark report: ${label}` : 'Benchmark report';
}

/** Every row of the report, grouped by benchmark, each opening who has not met it yet. */
export function reportCard(report: BenchmarkReport, options: ReportCardOptions): AdaptiveCard {
  const checks = checksOfRows(report.rows);
  const byBenchmark = new Map<BenchmarkId, BenchmarkRow[]>();
  for (const row of report.rows) byBenchmark.set(row.benchmark, [...(byBenchmark.get(row.benchmark) ?? []), row]);

  const sections: CardElement[] = BENCHMARK_IDS.filter((benchmark) => byBenchmark.has(benchmark)).map((benchmark) =>
    container(
      [
        textBlock(benchmark === 'PAL' ? benchmarkName(benchmark) : `${benchmarkName(benchmark)} · ${BENCHMARK_TITLES[benchmark]}`, {
          weight: 'Bolder',
        }),
        ...(benchmark === '1'
          ? byBenchmark.get(benchmark)!.map((row) => {
              // Benchmark 1's rows are the school's own checks; every other row opens its pupils.
              const check = checks.get(row);
              const met = row.met === row.total;
              const line = textBlock(`${met ? '✓' : '✗'} ${check ? CHECK_NAMES[check] : benchmarkName(benchmark)}`, {
                color: met ? 'Good' : 'Attention',
              });
              return options.canEditSettings
                ? tappable(container([line]), executeAction('School settings', SETTINGS_VERBS.open, {}))
                : line;
            })
          : [
              table(
                [1, 2, 3],
                // The unit in the header, so Benchmark 4's "2/13" subjects do not read as pupils beside "38/40".
                ['Year', `Met (${rowUnit(benchmark)})`, 'By the end of the year'],
                byBenchmark.get(benchmark)!.map((row) => {
                  const yearGroup = row.yearGroup ?? 0;
                  // From the SEND view, the pupils still to meet a row are listed with SEND picked.
                  const filter = options.scope?.group ? { filter: options.scope.group } : {};
                  return rowCells(
                    row,
                    executeAction(`Year ${yearGroup}`, REPORT_VERBS.pupils, { asOf: report.asOf, benchmark, yearGroup, ...filter }),
                  );
                }),
              ),
            ]),
        ...(benchmark === '1' && options.pupilFeedback ? [pupilFeedbackEvidence(options.pupilFeedback)] : []),
      ],
      { separator: true },
    ),
  );

  const { gaps, equity } = gapsToActOn(report);
  const scoped = options.scope?.yearGroup !== undefined || options.scope?.group !== undefined || options.scope?.benchmark !== undefined;
  // One benchmark's rows for a year group (or SEND pupils): every benchmark for them is one tap away.
  const { benchmark: _benchmark, ...allBenchmarks } = options.scope ?? {};
  const everyBenchmark =
    options.scope?.benchmark !== undefined && scopeLabel(allBenchmarks)
      ? [
          executeAction(`Every benchmark: ${scopeLabel(allBenchmarks)}`, REPORT_VERBS.show, {
            asOf: report.asOf,
            ...scopeData(allBenchmarks),
          }),
        ]
      : [];
  const wholeSchool = scoped ? [...everyBenchmark, executeAction('Whole school', REPORT_VERBS.show, { asOf: report.asOf })] : [];
  const asOfLine = `As of ${formatUkDate(report.asOf)} (${academicYearOf(report.asOf).label}).`;
  if (options.scope?.group === 'send') {
    // The SEND view: each row counts only pupils with SEND; its gaps are where they trail their year group.
    const trailing = equity.slice(0, GAPS_CARD_LIMIT);
    return adaptiveCard(
      [
        heading(reportHeading(options)),
        plainText(
          `${options.schoolName ? `${options.schoolName}. ` : ''}${asOfLine} Each row counts only pupils with SEND; tap a ` +
            `year group to see who hasn’t met it yet.`,
          { subtle: true },
        ),
        ...reportChart(report),
        container(
          trailing.length === 0
            ? [textBlock('SEND pupils are not falling behind their year groups on any benchmark the data can check.', { weight: 'Bolder' })]
            : [
                textBlock('Falling behind their year group', { weight: 'Bolder' }),
                ...trailing.map((gap, index) => textBlock(`${index + 1}. ${gap.sentence}`)),
              ],
          { style: trailing.length === 0 ? 'emphasis' : 'attention' },
        ),
        ...(report.rows.length === 0
          ? [
              textBlock(
                `No pupils with SEND${options.scope.yearGroup === undefined ? '' : ` in Year ${options.scope.yearGroup}`} are on the roll.`,
              ),
            ]
          : sections),
      ],
      wholeSchool,
    );
  }
  const topGaps = gaps.slice(0, REPORT_CARD_GAPS);
  return adaptiveCard(
    [
      heading(reportHeading(options)),
      plainText(
        `${options.schoolName ? `${options.schoolName}. ` : ''}${asOfLine} Each row: met so far, then of the ` +
          `rest, who the plan reaches by the end of the year (planned) and who still needs a plan (unplanned). Tap a year ` +
          `group to see who hasn’t met it yet.`,
        { subtle: true },
      ),
      ...reportChart(report),
      container(
        [
          textBlock(gaps.length === 0 ? 'No gaps: every rule the data can check is met.' : `Top gaps (${gaps.length} in all)`, {
            weight: 'Bolder',
          }),
          ...topGaps.flatMap((gap, index) => gapItems(gap, `${index + 1}. ${gap.sentence}`, options.canPlan)),
        ],
        { style: 'emphasis' },
      ),
      ...(report.rows.length === 0
        ? [
            textBlock(
              `No pupils${options.scope?.yearGroup === undefined ? '' : ` in Year ${options.scope.yearGroup}`} count for ` +
                `any benchmark yet.`,
            ),
          ]
        : sections),
    ],
    [
      ...(gaps.length > REPORT_CARD_GAPS || report.gaps.length > gaps.length
        ? [executeAction('All gaps', REPORT_VERBS.gaps, { asOf: report.asOf, ...scopeData(options.scope) })]
        : []),
      ...wholeSchool,
    ],
  );
}

function gapsCount(all: number, shown: number): string {
  return all > shown ? `The first ${shown} of ${all} gaps.` : `${all} gap${all === 1 ? '' : 's'}.`;
}

/** Every gap, ranked, as the weekly nudge would list them, then those the plan closes. */
export function gapsCard(report: BenchmarkReport, scope: ReportScope = {}, options: { canPlan?: boolean } = {}): AdaptiveCard {
  const { gaps, equity, planned } = gapsToActOn(report);
  const shown = gaps.slice(0, GAPS_CARD_LIMIT);
  const label = scopeLabel(scope);
  return adaptiveCard(
    [
      heading(`Gaps, most urgent first${label ? `: ${label}` : ''}`),
      textBlock(`As of ${formatUkDate(report.asOf)}. ${gapsCount(gaps.length, shown.length)}`, { subtle: true }),
      ...shown.flatMap((gap, index) => gapItems(gap, `${index + 1}. ${gap.sentence}`, options.canPlan, 'Medium')),
      ...(equity.length > 0
        ? [
            container(
              [
                textBlock('Falling behind their year group', { weight: 'Bolder' }),
                ...equity.slice(0, GAPS_CARD_LIMIT).map((gap) => textBlock(gap.sentence)),
              ],
              { separator: true, style: 'attention' },
            ),
          ]
        : []),
      ...(planned.length > 0
        ? [
            container(
              [
                textBlock(PLANNED_HEADING, { weight: 'Bolder' }),
                ...planned.slice(0, GAPS_CARD_LIMIT).map((gap) => textBlock(gap.sentence)),
              ],
              { separator: true, style: 'good' },
            ),
          ]
        : []),
    ],
    [executeAction('Back to the report', REPORT_VERBS.show, { asOf: report.asOf, ...scopeData(scope) })],
  );
}
