// One line per figure: what was measured, how long it took, and how that compares with its targets.

export interface Target {
  /** e.g. "< 2 s" or "< 1.5x read". */
  label: string;
  /** measured / limit: under 1 meets the target. */
  ratio: number;
}

export interface Figure {
  name: string;
  ms: number;
  targets: Target[];
  /** Anything else worth a word, e.g. "median of 7". */
  note?: string;
}

const NAME_WIDTH = 46;

export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
}

export function formatFigure(figure: Figure): string {
  const targets = figure.targets.map(
    (target) => `target ${target.label}: ${target.ratio.toFixed(2)}x ${target.ratio <= 1 ? 'ok' : 'MISSED'}`,
  );
  return [
    figure.name.padEnd(NAME_WIDTH),
    formatDuration(figure.ms).padStart(9),
    ...targets,
    ...(figure.note ? [`(${figure.note})`] : []),
  ].join('  ');
}

export function printFigure(figure: Figure): void {
  process.stdout.write(`${formatFigure(figure)}\n`);
}

/** A target on time: the figure against a limit in milliseconds. */
export function underMs(ms: number, limitMs: number): Target {
  return { label: `< ${formatDuration(limitMs)}`, ratio: ms / limitMs };
}
