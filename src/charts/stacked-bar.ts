// One stacked horizontal bar as a small PNG: met, planned, unplanned. The words stay outside the
// image (in the card's Table beside it and in the image's alt text), so the picture needs no font
// and says nothing the text does not.
import { encodeRgbaPng } from '../app-package/png-file';

export type SegmentName = 'met' | 'planned' | 'unplanned';

export interface BarSegment {
  name: SegmentName;
  value: number;
}

/** High contrast against white and Teams' dark theme, and told apart without colour vision (dark, mid, light). */
export const SEGMENT_COLOURS: Record<SegmentName, readonly [number, number, number]> = {
  met: [0x1f, 0x4e, 0x9e], // dark blue
  planned: [0xe6, 0x9f, 0x00], // orange
  unplanned: [0xd9, 0xd9, 0xd9], // light grey
};

/** The colour words a legend prints beside each segment's name: colour never carries meaning alone. */
export const SEGMENT_WORDS: Record<SegmentName, string> = {
  met: 'Met (dark blue)',
  planned: 'Planned (orange)',
  unplanned: 'Unplanned (light grey)',
};

export const BAR_WIDTH = 200;
export const BAR_HEIGHT = 14;

/** Each segment's width in pixels, in proportion to its value; the widths add up to the bar's width. */
export function segmentWidths(segments: readonly BarSegment[], width = BAR_WIDTH): number[] {
  const total = segments.reduce((sum, segment) => sum + Math.max(0, segment.value), 0);
  if (total === 0) return segments.map(() => 0);
  // Cumulative rounding, so the widths always sum to the bar and no segment drifts by more than a pixel.
  let before = 0;
  return segments.map((segment, index) => {
    const upTo = segments.slice(0, index + 1).reduce((sum, s) => sum + Math.max(0, s.value), 0);
    const edge = Math.round((upTo / total) * width);
    const pixels = edge - before;
    before = edge;
    return pixels;
  });
}

// A 3x5 bitmap font for the only labels the chart draws: "B2" to "B8" and "PAL". Rows top to bottom, 3 bits each.
const GLYPHS: Record<string, readonly number[]> = {
  A: [0b010, 0b101, 0b111, 0b101, 0b101],
  B: [0b110, 0b101, 0b110, 0b101, 0b110],
  L: [0b100, 0b100, 0b100, 0b100, 0b111],
  P: [0b110, 0b101, 0b110, 0b100, 0b100],
  '0': [0b111, 0b101, 0b101, 0b101, 0b111],
  '1': [0b010, 0b110, 0b010, 0b010, 0b111],
  '2': [0b110, 0b001, 0b010, 0b100, 0b111],
  '3': [0b110, 0b001, 0b010, 0b001, 0b110],
  '4': [0b101, 0b101, 0b111, 0b001, 0b001],
  '5': [0b111, 0b100, 0b110, 0b001, 0b110],
  '6': [0b011, 0b100, 0b110, 0b101, 0b010],
  '7': [0b111, 0b001, 0b010, 0b010, 0b010],
  '8': [0b010, 0b101, 0b010, 0b101, 0b010],
  '9': [0b010, 0b101, 0b011, 0b001, 0b110],
};
const SCALE = 2;
const LABEL_WIDTH = 4 * 4 * SCALE;
const ROW_HEIGHT = BAR_HEIGHT + 6;

export interface LabelledBar {
  label: string;
  segments: readonly BarSegment[];
}

/** Every bar in one picture, each labelled on its left ("B5"), one row per bar: the card carries one small image. */
export function barChartPng(bars: readonly LabelledBar[], barWidth = BAR_WIDTH): Buffer {
  const width = LABEL_WIDTH + barWidth;
  const height = Math.max(1, bars.length * ROW_HEIGHT);
  const rgba = new Uint8Array(width * height * 4).fill(0xff);
  const paint = (x: number, y: number, [r, g, b]: readonly [number, number, number]) => rgba.set([r, g, b, 0xff], (y * width + x) * 4);
  bars.forEach((bar, index) => {
    const top = index * ROW_HEIGHT + 3;
    [...bar.label].forEach((char, position) => {
      (GLYPHS[char] ?? []).forEach((bits, row) => {
        for (let column = 0; column < 3; column++) {
          if (!(bits & (0b100 >> column))) continue;
          for (let dy = 0; dy < SCALE; dy++)
            for (let dx = 0; dx < SCALE; dx++)
              paint(position * 4 * SCALE + column * SCALE + dx, top + 2 + row * SCALE + dy, [0x20, 0x20, 0x20]);
        }
      });
    });
    const widths = segmentWidths(bar.segments, barWidth);
    let x = LABEL_WIDTH;
    bar.segments.forEach((segment, segmentIndex) => {
      for (let i = 0; i < widths[segmentIndex]!; i++, x++)
        for (let y = top; y < top + BAR_HEIGHT; y++) paint(x, y, SEGMENT_COLOURS[segment.name]);
    });
    // An outline, so a light grey segment still shows on a white card.
    for (let x2 = LABEL_WIDTH; x2 < width; x2++) {
      paint(x2, top, [0x40, 0x40, 0x40]);
      paint(x2, top + BAR_HEIGHT - 1, [0x40, 0x40, 0x40]);
    }
    for (let y = top; y < top + BAR_HEIGHT; y++) {
      paint(LABEL_WIDTH, y, [0x40, 0x40, 0x40]);
      paint(width - 1, y, [0x40, 0x40, 0x40]);
    }
  });
  return encodeRgbaPng(width, height, rgba);
}
