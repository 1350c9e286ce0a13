const BAR_CELLS = 10;

/** "▓▓▓▓▓▓▓▓░░": text, so it reads the same on a phone, in dark mode and to a screen reader's neighbours. */
export function textBar(met: number, total: number): string {
  // Full only when everyone is there and empty only when nobody is: 212/214 must not look done.
  const rounded = total === 0 ? 0 : Math.round((met / total) * BAR_CELLS);
  const filled = met >= total ? BAR_CELLS : met <= 0 ? 0 : Math.min(BAR_CELLS - 1, Math.max(1, rounded));
  return '▓'.repeat(filled) + '░'.repeat(BAR_CELLS - filled);
}
