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

/** The bar as PNG bytes: one run of colour per segment, a thin dark outline so a light segment shows on white. */
export function stackedBarPng(segments: readonly BarSegment[], width = BAR_WIDTH, height = BAR_HEIGHT): Buffer {
  const rgba = new Uint8Array(width * height * 4);
  const widths = segmentWidths(segments, width);
  const colourAt: Array<readonly [number, number, number]> = [];
  segments.forEach((segment, index) => {
    for (let i = 0; i < widths[index]!; i++) colourAt.push(SEGMENT_COLOURS[segment.name]);
  });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const edge = y === 0 || y === height - 1 || x === 0 || x === width - 1;
      const [r, g, b] = edge ? ([0x40, 0x40, 0x40] as const) : (colourAt[x] ?? ([0xff, 0xff, 0xff] as const));
      rgba.set([r, g, b, 0xff], (y * width + x) * 4);
    }
  }
  return encodeRgbaPng(width, height, rgba);
}

/** The bar as an Adaptive Card Image's url: Teams shows data URIs, so every client and the Playground get the picture. */
export function stackedBarDataUri(segments: readonly BarSegment[]): string {
  return `data:image/png;base64,${stackedBarPng(segments).toString('base64')}`;
}
