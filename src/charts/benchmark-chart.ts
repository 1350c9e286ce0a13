// "Where the school stands": one stacked bar per benchmark (met, planned, unplanned) with the
// numbers in words beside it, so the picture is never the only place a number is.
import type { CardElement } from '../cards/adaptive-card';
import { table, tableCell } from '../cards/table';
import { barChartPng, SEGMENT_WORDS, type BarSegment, type LabelledBar } from './stacked-bar';

/** The chart as an Image's url: Teams shows data URIs, so every client and the Playground get the picture. */
export function barChartDataUri(bars: readonly LabelledBar[]): string {
  return `data:image/png;base64,${barChartPng(bars).toString('base64')}`;
}

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

/**
 * The chart as card elements: a legend in words, one image of every bar (its alt text says every number), then,
 * where no Table below says them, the numbers in words bar by bar.
 */
export function benchmarkChart(
  title: string,
  bars: readonly ChartBar[],
  numbers: ChartNumbers,
  // The report's Table below says every number already: its chart keeps them in the alt text, for the card's size.
  { wordsBeside = true }: { wordsBeside?: boolean } = {},
): CardElement {
  const drawn = bars.filter((bar) => !bar.hidden);
  const altText = `${title}: ${bars.map((bar) => `${bar.label}, ${barWords(bar, numbers)}`).join('; ')}.`;
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
      ...(drawn.length === 0
        ? []
        : [{ type: 'Image', url: barChartDataUri(drawn.map((bar) => ({ label: bar.label, segments: barSegments(bar) }))), altText }]),
      ...(wordsBeside
        ? [
            table(
              [1, 4],
              ['Benchmark', 'Numbers'],
              bars.map((bar) => [
                tableCell([{ type: 'TextBlock', text: bar.label, weight: 'Bolder' }]),
                tableCell([
                  ...(bar.title ? [{ type: 'TextBlock', text: bar.title, wrap: true, isSubtle: true }] : []),
                  { type: 'TextBlock', text: barWords(bar, numbers), wrap: true, spacing: 'None' },
                ]),
              ]),
            ),
          ]
        : []),
    ],
  };
}
