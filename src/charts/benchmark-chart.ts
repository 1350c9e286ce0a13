// "Where the school stands": one stacked bar per benchmark (met, planned, unplanned) with the
// numbers in words beside it, so the picture is never the only place a number is.
import type { CardElement } from '../cards/adaptive-card';
import { table, tableCell } from '../cards/table';
import { SEGMENT_WORDS, stackedBarDataUri, type BarSegment } from './stacked-bar';

export interface ChartBar {
  /** "B5", "PAL". */
  label: string;
  /** "Encounters with employers and employees", above the numbers. */
  title?: string;
  met: number;
  planned: number;
  total: number;
  /** "pupils", "subjects", "checks". */
  unit: string;
  /** A count too small to show (the digest, in a channel): no bar and no numbers, only that it is small. */
  hidden?: boolean;
}

export type ChartNumbers = 'counts' | 'percentages';

function percent(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part * 100) / total);
}

/** "120 met, 30 planned, 80 unplanned of 230 pupils" or, where counts may not be shown, "52% met, 13% planned, 35% unplanned". */
export function barWords(bar: ChartBar, numbers: ChartNumbers): string {
  if (bar.hidden) return `Fewer than 5 ${bar.unit}: not shown`;
  const unplanned = Math.max(0, bar.total - bar.met - bar.planned);
  if (numbers === 'percentages') {
    return `${percent(bar.met, bar.total)}% met, ${percent(bar.planned, bar.total)}% planned, ${percent(unplanned, bar.total)}% unplanned`;
  }
  return `${bar.met} met, ${bar.planned} planned, ${unplanned} unplanned of ${bar.total} ${bar.unit}`;
}

export function barSegments(bar: ChartBar): BarSegment[] {
  return [
    { name: 'met', value: bar.met },
    { name: 'planned', value: bar.planned },
    { name: 'unplanned', value: Math.max(0, bar.total - bar.met - bar.planned) },
  ];
}

/** The chart as card elements: a legend in words, then a Table of benchmark, bar image (alt text = the numbers) and the numbers. */
export function benchmarkChart(title: string, bars: readonly ChartBar[], numbers: ChartNumbers): CardElement {
  return {
    type: 'Container',
    items: [
      { type: 'TextBlock', text: title, wrap: true, weight: 'Bolder' },
      {
        type: 'TextBlock',
        text: `${SEGMENT_WORDS.met}, ${SEGMENT_WORDS.planned}, ${SEGMENT_WORDS.unplanned}.`,
        wrap: true,
        isSubtle: true,
      },
      table(
        [1, 3, 3],
        ['Benchmark', 'Chart', 'Numbers'],
        bars.map((bar) => {
          const words = barWords(bar, numbers);
          return [
            tableCell([{ type: 'TextBlock', text: bar.label, wrap: true, weight: 'Bolder' }]),
            tableCell(
              bar.hidden
                ? [{ type: 'TextBlock', text: '-', wrap: true }]
                : [{ type: 'Image', url: stackedBarDataUri(barSegments(bar)), altText: `${bar.label}: ${words}`, size: 'Stretch' }],
            ),
            tableCell([
              ...(bar.title ? [{ type: 'TextBlock', text: bar.title, wrap: true, isSubtle: true }] : []),
              { type: 'TextBlock', text: words, wrap: true, spacing: 'None' },
            ]),
          ];
        }),
      ),
    ],
  };
}
