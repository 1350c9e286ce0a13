import type { TableClient, TableEntity, TransactionAction } from '@azure/data-tables';
import { isStorageUnavailable } from './errors';

/** The writes that can share a transaction without changing what each caller sees. */
export type GroupableWrite = ['create', TableEntity] | ['upsert', TableEntity, 'Merge' | 'Replace'];

// One transaction holds at most 100 operations, all in one partition.
const MAX_GROUP = 100;
/** Writes under way at once per partition before the next ones wait to be grouped. */
const IN_FLIGHT = 2;

interface Waiting {
  write: GroupableWrite;
  done(): void;
  failed(error: unknown): void;
}

/**
 * Group commit: nearly every turn writes a row or two to its school's partition. A write goes at
 * once while fewer than IN_FLIGHT writes to its partition are under way; those that arrive while
 * they are go together in the partition's next transaction. A busy school costs storage one
 * request per group rather than one per turn; a quiet one waits for nothing. Each caller still
 * gets its own outcome: a transaction storage refuses (one row already there, one row key twice)
 * is retried write by write.
 */
export class WriteGroups {
  private readonly partitions = new Map<string, { waiting: Waiting[]; writers: number }>();

  write(table: TableClient, write: GroupableWrite): Promise<void> {
    const key = `${table.tableName}\u0000${write[1].partitionKey}`;
    return new Promise((done, failed) => {
      let partition = this.partitions.get(key);
      if (!partition) {
        partition = { waiting: [], writers: 0 };
        this.partitions.set(key, partition);
      }
      partition.waiting.push({ write, done, failed });
      if (partition.writers < IN_FLIGHT) void this.writeWaiting(table, key, partition);
    });
  }

  /** One writer: commits what waits for the partition, a group at a time, until nothing does. */
  private async writeWaiting(table: TableClient, key: string, partition: { waiting: Waiting[]; writers: number }): Promise<void> {
    partition.writers++;
    try {
      while (partition.waiting.length > 0) await this.commit(table, partition.waiting.splice(0, MAX_GROUP));
    } finally {
      partition.writers--;
      if (partition.writers === 0) this.partitions.delete(key);
    }
  }

  private async commit(client: TableClient, group: Waiting[]): Promise<void> {
    if (group.length === 1) {
      const [only] = group as [Waiting];
      await writeOne(client, only.write).then(only.done, only.failed);
      return;
    }
    try {
      await client.submitTransaction(group.map((waiting): TransactionAction => waiting.write));
    } catch (error) {
      // Storage down: every write in the group fails alike, and at once (Teams waits 15 s at most).
      if (isStorageUnavailable(error)) {
        for (const waiting of group) waiting.failed(error);
        return;
      }
      await Promise.all(group.map((waiting) => writeOne(client, waiting.write).then(waiting.done, waiting.failed)));
      return;
    }
    for (const waiting of group) waiting.done();
  }
}

async function writeOne(client: TableClient, write: GroupableWrite): Promise<void> {
  if (write[0] === 'create') await client.createEntity(write[1]);
  else await client.upsertEntity(write[1], write[2]);
}
