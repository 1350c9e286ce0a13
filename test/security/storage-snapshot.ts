import { TABLE_NAMES, type TableName } from '../../src/storage/table-storage';
import type { TestBot } from '../harness/test-bot';

/**
 * Tables that record who spoke, not what they did: resolving a sender remembers their identity and
 * personal chat, and staff actions leave an audit trail. Everything else must stay untouched by a
 * refused or rejected action.
 */
export const SPEAKER_TABLES: readonly TableName[] = ['identities', 'conversations', 'audit'];
export const WATCHED_TABLES: readonly TableName[] = TABLE_NAMES.filter((name) => !SPEAKER_TABLES.includes(name));

/**
 * Every watched table's entities (or every one of `tables`) as `partition/row@etag`, so an added, removed or rewritten entity
 * shows up (a bare count would miss an update in place).
 */
export type StorageSnapshot = Record<string, string[]>;

export async function snapshotStorage(bot: TestBot, tables: readonly TableName[] = WATCHED_TABLES): Promise<StorageSnapshot> {
  const storage = bot.waypoint.services.storage;
  const entries = await Promise.all(
    tables.map(async (name) => {
      const keys: string[] = [];
      for (const table of await storage.everyTable(name))
        for await (const entity of table.listEntities()) keys.push(`${entity.partitionKey}/${entity.rowKey}@${entity.etag}`);
      return [name, keys.sort()] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Entity counts per table, for a short failure message alongside the full comparison. */
export function countsOf(snapshot: StorageSnapshot): Record<string, number> {
  return Object.fromEntries(Object.entries(snapshot).map(([name, keys]) => [name, keys.length]));
}

/** The tables whose entities differ between two snapshots, with what was added or removed. */
export function changedTables(before: StorageSnapshot, after: StorageSnapshot): Record<string, { added: string[]; removed: string[] }> {
  const changes: Record<string, { added: string[]; removed: string[] }> = {};
  for (const name of Object.keys(before)) {
    const was = new Set(before[name]);
    const now = new Set(after[name]);
    const added = [...now].filter((key) => !was.has(key));
    const removed = [...was].filter((key) => !now.has(key));
    if (added.length > 0 || removed.length > 0) changes[name] = { added, removed };
  }
  return changes;
}
