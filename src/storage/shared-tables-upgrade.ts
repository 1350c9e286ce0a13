import type { TransactionAction } from '@azure/data-tables';
import type { Logger } from '../observability/log';
import { isNotFound } from './errors';
import { SCHOOL_TABLE_NAMES, schoolOfPartition, type TableStorage } from './table-storage';

/**
 * Before 3 Dec 2026 every school's rows of a kind shared one table (`<prefix>People`, ...). Copies
 * any rows still there into their school's own table (the school is the partition key's part
 * before '|') and then drops the old table. Every start runs it; once the old tables are gone it
 * finds nothing. Rows are upserted, so running it again is harmless, but two instances starting
 * together during the upgrade could each copy, the slower putting back a row the faster one had
 * since changed: upgrade with one instance first. Returns how many rows it copied.
 */
export async function moveSharedTablesToSchools(storage: TableStorage, log: Logger): Promise<number> {
  let moved = 0;
  for (const name of SCHOOL_TABLE_NAMES) {
    const old = storage.formerSharedTable(name);
    const bySchool = new Map<string, TransactionAction[]>();
    try {
      for await (const entity of old.listEntities<Record<string, unknown>>()) {
        const { etag: _etag, timestamp: _timestamp, ...fields } = entity as Record<string, unknown>;
        const schoolId = schoolOfPartition(entity.partitionKey!);
        const actions = bySchool.get(schoolId) ?? [];
        actions.push(['upsert', { ...fields, partitionKey: entity.partitionKey!, rowKey: entity.rowKey! }, 'Replace']);
        bySchool.set(schoolId, actions);
      }
    } catch (error) {
      if (isNotFound(error)) continue;
      throw error;
    }
    for (const [schoolId, actions] of bySchool) {
      await storage.submitInBatches(storage.table(name, schoolId), actions);
      moved += actions.length;
    }
    await old.deleteTable();
  }
  if (moved > 0) log.info('storage.moved_to_school_tables', { rows: moved });
  return moved;
}
