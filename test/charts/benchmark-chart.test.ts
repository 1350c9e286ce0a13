import { describe, expect, it } from 'vitest';
import { barChartDataUri, barWords, benchmarkChart, type ChartBar } from '../../src/charts/benchmark-chart';
import { BAR_WIDTH, barChartPng, SEGMENT_COLOURS, segmentWidths } from '../../src/charts/stacked-bar';
import { digestCard } from '../../src/journeys/digest/digest-card';
import { composeDigest } from '../../src/domain/digest/compose-digest';
import type { BenchmarkReport, BenchmarkRow } from '../../src/domain/benchmarks/types';
import { decodePng } from '../support/decode-png';

const LABEL_WIDTH = 32;

/** How many pixels along a bar's middle line have each segment's colour. */
function segmentPixels(png: Buffer, barIndex: number): Record<string, number> {
  const { width, rgba } = decodePng(png);
  const y = barIndex * 20 + 3 + 7;
  const counts: Record<string, number> = { met: 0, planned: 0, unplanned: 0 };
  for (let x = 0; x < width; x++) {
    const pixel = [...rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 3)];
    for (const [name, colour] of Object.entries(SEGMENT_COLOURS)) if (pixel.join() === colour.join()) counts[name]!++;
  }
  return counts;
}

const bar = (met: number, planned: number, total: number): ChartBar => ({ label: 'B5', met, planned, total, unit: 'pupils' });

describe('the stacked bar chart', () => {
  it('draws each segment in proportion to its count, the widths adding up to the bar', () => {
    expect(
      segmentWidths([
        { name: 'met', value: 120 },
        { name: 'planned', value: 30 },
        { name: 'unplanned', value: 50 },
      ]),
    ).toEqual([120, 30, 50]);
    const widths = segmentWidths([
      { name: 'met', value: 1 },
      { name: 'planned', value: 1 },
      { name: 'unplanned', value: 1 },
    ]);
    expect(widths.reduce((a, b) => a + b)).toBe(BAR_WIDTH);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(1);
  });

  it('is a PNG that decodes, one labelled row per bar, each segment as long as its share', () => {
    const png = barChartPng([
      {
        label: 'B5',
        segments: [
          { name: 'met', value: 50 },
          { name: 'planned', value: 25 },
          { name: 'unplanned', value: 25 },
        ],
      },
      {
        label: 'PAL',
        segments: [
          { name: 'met', value: 10 },
          { name: 'planned', value: 0 },
          { name: 'unplanned', value: 90 },
        ],
      },
    ]);
    const decoded = decodePng(png);
    expect(decoded.width).toBe(LABEL_WIDTH + BAR_WIDTH);
    expect(decoded.height).toBe(40);
    // Less the outline's two pixels, which fall in the first and last segment.
    expect(segmentPixels(png, 0)).toEqual({ met: 99, planned: 50, unplanned: 49 });
    expect(segmentPixels(png, 1)).toEqual({ met: 19, planned: 0, unplanned: 179 });
    // The label is drawn: dark pixels left of the bar.
    const dark = [...Array(LABEL_WIDTH).keys()].some((x) => decoded.rgba[(8 * decoded.width + x) * 4]! < 0x80);
    expect(dark).toBe(true);
  });

  it('stays a few hundred bytes for nine bars, well inside a card', () => {
    const bars = ['B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'PAL'].map((label, index) => ({
      label,
      segments: [
        { name: 'met' as const, value: 20 + index * 10 },
        { name: 'planned' as const, value: 15 },
        { name: 'unplanned' as const, value: 60 - index * 5 },
      ],
    }));
    expect(barChartDataUri(bars).length).toBeLessThan(3_000);
  });

  it('says the numbers in words: counts for the leader, percentages for a channel', () => {
    expect(barWords(bar(120, 30, 230), 'counts')).toBe('120 met, 30 planned, 80 unplanned of 230 pupils');
    expect(barWords(bar(120, 30, 230), 'percentages')).toBe('52% met, 13% planned, 35% unplanned');
    const chart = benchmarkChart('Progress', [bar(120, 30, 230)], 'counts', { wordsBeside: false });
    const image = (chart.items as Array<Record<string, string>>).find((item) => item.type === 'Image')!;
    expect(image.altText).toBe('Progress: B5, 120 met, 30 planned, 80 unplanned of 230 pupils.');
    // Colour never alone: the legend names each colour with its word.
    expect(JSON.stringify(chart)).toContain('Met (dark blue), Planned (orange), Unplanned (light grey).');
  });
});

describe('the digest’s chart, posted in a channel', () => {
  const row = (benchmark: BenchmarkRow['benchmark'], yearGroup: number, met: number, planned: number, total: number): BenchmarkRow =>
    ({ benchmark, yearGroup, met, planned, unplanned: total - met - planned, total }) as BenchmarkRow;
  const report = {
    asOf: '2026-03-09',
    rows: [row('5', 10, 3, 1, 30), row('6', 10, 2, 1, 3), row('8', 11, 28, 0, 30)],
    gaps: [],
  } as unknown as BenchmarkReport;

  it('shows no count of 1 to 4 pupils, and no bar for a group of fewer than 5', () => {
    const card = digestCard(composeDigest(report, undefined));
    const chart = JSON.stringify((card.body as unknown[])[2]);
    expect(chart).toContain('10% met, 3% planned, 87% unplanned');
    expect(chart).toContain('Fewer than 5 pupils: not shown');
    for (const n of [1, 2, 3, 4]) expect(chart).not.toMatch(new RegExp(`(^|[^\\d%])${n} (met|planned|unplanned|pupils)`));
    // The hidden group is not drawn: only B5 and B8 have rows in the picture.
    const url = /data:image\/png;base64,([A-Za-z0-9+/=]+)/.exec(chart)![1]!;
    expect(decodePng(Buffer.from(url, 'base64')).height).toBe(40);
  });
});
