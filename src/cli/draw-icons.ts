// Draws the Teams app icons: appPackage/color.png (192x192, white waypoint pin on a teal rounded
// square) and appPackage/outline.png (32x32, the same pin in white on transparent, which is all
// Teams allows in an outline icon). Run once after changing the artwork:
//   npx tsx src/cli/draw-icons.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeRgbaPng } from '../app-package/png-file';

const APP_PACKAGE_DIR = join(__dirname, '..', '..', 'appPackage');
const TEAL = { r: 0x0f, g: 0x6e, b: 0x6e };
// 8x8 samples per pixel gives smooth edges without a real rasteriser.
const SAMPLES_PER_AXIS = 8;

type Shape = (x: number, y: number) => boolean;
type Point = { x: number; y: number };

/**
 * The waypoint pin in a unit box (x right, y down): a round head that narrows to a point,
 * with a hole in the head that can hold a compass needle.
 */
function waypointPin(options: { withNeedle: boolean }): Shape {
  const head = { x: 0.5, y: 0.37, r: 0.31 };
  const tip = { x: 0.5, y: 0.97 };
  const holeRadius = 0.155;
  // The sides of the pin are the tangents from the tip to the head circle.
  const tipDistance = tip.y - head.y;
  const tangentAngle = Math.acos(head.r / tipDistance);
  const leftTangent = { x: head.x - head.r * Math.sin(tangentAngle), y: head.y + head.r * Math.cos(tangentAngle) };
  const rightTangent = { x: head.x + head.r * Math.sin(tangentAngle), y: leftTangent.y };

  const needle = { halfLength: 0.125, halfWidth: 0.05 };

  return (x, y) => {
    const inHead = (x - head.x) ** 2 + (y - head.y) ** 2 <= head.r ** 2;
    const inTaper = insideTriangle(x, y, leftTangent, rightTangent, tip);
    if (!inHead && !inTaper) return false;
    const inHole = (x - head.x) ** 2 + (y - head.y) ** 2 <= holeRadius ** 2;
    if (!inHole) return true;
    if (!options.withNeedle) return false;
    // A slim diamond: the compass needle.
    const dx = Math.abs(x - head.x) / needle.halfWidth;
    const dy = Math.abs(y - head.y) / needle.halfLength;
    return dx + dy <= 1;
  };
}

function insideTriangle(x: number, y: number, a: Point, b: Point, c: Point): boolean {
  const side = (p: Point, q: Point) => (q.x - p.x) * (y - p.y) - (q.y - p.y) * (x - p.x);
  const ab = side(a, b);
  const bc = side(b, c);
  const ca = side(c, a);
  return (ab >= 0 && bc >= 0 && ca >= 0) || (ab <= 0 && bc <= 0 && ca <= 0);
}

function roundedSquare(cornerRadius: number): Shape {
  return (x, y) => {
    const cx = Math.min(Math.max(x, cornerRadius), 1 - cornerRadius);
    const cy = Math.min(Math.max(y, cornerRadius), 1 - cornerRadius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= cornerRadius ** 2;
  };
}

/** Places a unit-box shape `margin` (a fraction of the canvas) in from each edge. */
function inset(shape: Shape, margin: number): Shape {
  const scale = 1 - 2 * margin;
  return (x, y) => {
    const u = (x - margin) / scale;
    const v = (y - margin) / scale;
    return u >= 0 && u <= 1 && v >= 0 && v <= 1 && shape(u, v);
  };
}

/** Fraction of each pixel covered by the shape, sampled on a regular grid. */
function coverage(size: number, shape: Shape): Float64Array {
  const result = new Float64Array(size * size);
  const n = SAMPLES_PER_AXIS;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          if (shape((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)) hits++;
        }
      }
      result[py * size + px] = hits / (n * n);
    }
  }
  return result;
}

function drawColourIcon(): Buffer {
  const size = 192;
  const background = coverage(size, roundedSquare(0.16));
  // Teams shows the colour icon small in many places: keep the pin to the central ~60%.
  const pin = coverage(size, inset(waypointPin({ withNeedle: true }), 0.2));
  const rgba = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const pinAlpha = pin[i]!;
    const backgroundAlpha = background[i]! * (1 - pinAlpha);
    const alpha = pinAlpha + backgroundAlpha;
    // White pin over teal, composited with premultiplied alpha then stored straight.
    const channel = (teal: number) => (alpha === 0 ? 0 : Math.round((255 * pinAlpha + teal * backgroundAlpha) / alpha));
    rgba.set([channel(TEAL.r), channel(TEAL.g), channel(TEAL.b), Math.round(alpha * 255)], i * 4);
  }
  return encodeRgbaPng(size, size, rgba);
}

function drawOutlineIcon(): Buffer {
  const size = 32;
  // The needle would blur into a smudge at 32 px, so the outline pin keeps just the hole.
  const pin = coverage(size, inset(waypointPin({ withNeedle: false }), 0.03));
  const rgba = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const alpha = Math.round(pin[i]! * 255);
    // Colour stays white even where alpha is 0: Teams checks outline icons for any non-white pixel.
    rgba.set([255, 255, 255, alpha], i * 4);
  }
  return encodeRgbaPng(size, size, rgba);
}

const outputs = [
  { file: 'color.png', png: drawColourIcon() },
  { file: 'outline.png', png: drawOutlineIcon() },
];
for (const { file, png } of outputs) {
  const path = join(APP_PACKAGE_DIR, file);
  writeFileSync(path, png);
  console.log(`wrote ${path} (${png.length} bytes)`);
}
