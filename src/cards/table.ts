import type { CardAction, CardElement } from './adaptive-card';

// Adaptive Cards 1.5's Table (Teams renders it): columns line up on every client, unlike monospace text.

export interface TableCell {
  items: CardElement[];
  /** A tappable cell: TableRow itself has no selectAction in 1.5. */
  selectAction?: CardAction;
}

export function tableCell(items: CardElement[], selectAction?: CardAction): TableCell {
  return { items, ...(selectAction ? { selectAction } : {}) };
}

/** A table whose first row is the header (Table's default, so not written); widths are relative weights, one per column. */
export function table(widths: readonly number[], header: readonly string[], rows: ReadonlyArray<readonly TableCell[]>): CardElement {
  const row = (cells: readonly TableCell[]) => ({ type: 'TableRow', cells: cells.map((cell) => ({ type: 'TableCell', ...cell })) });
  // Short header words, bold: a report has a table per benchmark, so every byte here counts against the card's size.
  const headerCells = header.map((title) => tableCell([{ type: 'TextBlock', text: title, weight: 'Bolder' }]));
  return {
    type: 'Table',
    columns: widths.map((width) => ({ width })),
    rows: [row(headerCells), ...rows.map(row)],
  };
}
