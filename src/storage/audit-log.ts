import { odata } from '@azure/data-tables';
import { z } from 'zod/v4';
import { encodeKey } from './keys';
import type { TableStorage } from './table-storage';

export interface AuditEntry {
  /** Roster id of whoever did it ("import" for the CLI). */
  actorId: string;
  action: string;
  /** Ids only: what was touched, never its content. */
  subject: string;
  at: string;
}

const auditEntrySchema = z.object({ actorId: z.string(), action: z.string(), subject: z.string(), at: z.string() });

// Newest first in a partition scan: row keys count down from a far-future time.
const FAR_FUTURE_MS = 9_999_999_999_999;

export class AuditLog {
  constructor(private readonly storage: TableStorage) {}

  /**
   * Records who did what. `key` names the cause (an activity id, a card's own key): a redelivered
   * Teams activity carries the same one and the same time, so it writes the same row again.
   */
  async record(schoolId: string, entry: AuditEntry, key: string): Promise<void> {
    const descending = String(FAR_FUTURE_MS - Date.parse(entry.at)).padStart(13, '0');
    await this.storage.writeInGroup(this.storage.table('audit', schoolId), [
      'upsert',
      { partitionKey: schoolId, rowKey: `${descending}-${encodeKey(`${entry.action}:${key}`)}`, ...entry },
      'Replace',
    ]);
  }

  async recent(schoolId: string, limit: number): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    const query = this.storage.table('audit', schoolId).listEntities({ queryOptions: { filter: odata`PartitionKey eq ${schoolId}` } });
    for await (const entity of query) {
      entries.push(auditEntrySchema.parse(entity));
      if (entries.length >= limit) break;
    }
    return entries;
  }
}
