import type { TableClient, TableEntityResult } from '@azure/data-tables';

/** A row of a queue that instances claim in turn: due from `dueAt`, held by one instance until `claimedUntil`. */
export interface ClaimableRow {
  dueAt: string;
  claimedUntil?: string;
}

/**
 * Up to `limit` rows matching `filter` (which says what is due by `now`) that no instance holds a
 * claim on beyond `now`, oldest first: what a queue's poll may try to claim.
 */
export async function dueUnclaimedRows<Row extends ClaimableRow>(
  table: TableClient,
  filter: string,
  now: string,
  limit: number,
  read: (entity: TableEntityResult<Record<string, unknown>>) => Row,
): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const entity of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
    const row = read(entity);
    if (row.claimedUntil && row.claimedUntil > now) continue;
    rows.push(row);
    if (rows.length >= limit) break;
  }
  return rows.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
