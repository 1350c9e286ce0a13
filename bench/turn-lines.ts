import { formatDuration } from './printer';

// Lines for figures that are not durations (turns/s, MB, a correctness verdict), laid out like
// printer.ts's: name, value, then each target with how the figure compares and ok or MISSED.

export interface Check {
  /** e.g. "< 250 MB" or ">= 0.5x echo". */
  label: string;
  /** How the figure compares, e.g. "0.62x". */
  shown: string;
  ok: boolean;
}

export interface Line {
  name: string;
  value: string;
  checks: Check[];
  note?: string;
}

const NAME_WIDTH = 46;

export function formatLine(line: Line): string {
  const checks = line.checks.map((check) => `target ${check.label}: ${check.shown} ${check.ok ? 'ok' : 'MISSED'}`);
  const value = line.value === '' ? [] : [line.value.padStart(9)];
  return [line.name.padEnd(NAME_WIDTH), ...value, ...checks, ...(line.note ? [`(${line.note})`] : [])].join('  ');
}

export function printLine(line: Line): void {
  process.stdout.write(`${formatLine(line)}\n`);
}

export function turnsPerSecond(value: number): string {
  return `${value.toFixed(0)} turns/s`;
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/** A ceiling: the figure over the limit, under 1 meets it (as printer.ts's targets). */
export function atMost(value: number, limit: number, label: string): Check {
  const ratio = value / limit;
  return { label: `< ${label}`, shown: `${ratio.toFixed(2)}x`, ok: ratio < 1 };
}

export function msAtMost(ms: number, limitMs: number): Check {
  return atMost(ms, limitMs, formatDuration(limitMs));
}

/** A floor on a ratio between two figures of this run: shows the ratio itself. */
export function ratioAtLeast(ratio: number, floor: number, of: string, strictly = false): Check {
  return {
    label: `${strictly ? '>' : '>='} ${floor.toFixed(1)}x ${of}`,
    shown: `${ratio.toFixed(2)}x`,
    ok: strictly ? ratio > floor : ratio >= floor,
  };
}

export function msLine(name: string, ms: number, checks: Check[] = [], note?: string): Line {
  return { name, value: formatDuration(ms), checks, ...(note ? { note } : {}) };
}
