import { createHash } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { deleteIfPresent, tryGet } from './not-found';
import type { TableStorage } from './table-storage';

/**
 * Tombstones of erased people (table erasures; partition = school): what stops an instance that
 * still has an erased person cached (the roster for WAYPOINT_ROSTER_CACHE_SECONDS, their Teams
 * identity) from writing their identity or chat back. A tombstone holds a one-way hash of the
 * school and person id and the date of the erasure, no id, name or email; it is lifted when an
 * import puts that id on the roster again.
 */
export class ErasedPeople {
  constructor(private readonly storage: TableStorage) {}

  async record(schoolId: string, personId: string, at: Date): Promise<void> {
    await this.storage
      .table('erasures')
      .upsertEntity(
        { partitionKey: schoolId, rowKey: tombstoneKey(schoolId, personId), erasedOn: at.toISOString().slice(0, 10) },
        'Replace',
      );
  }

  async isErased(schoolId: string, personId: string): Promise<boolean> {
    const table = this.storage.table('erasures');
    return (await tryGet(table, schoolId, tombstoneKey(schoolId, personId), { queryOptions: { select: ['RowKey'] } })) !== undefined;
  }

  /**
   * Writes something about the person unless they were erased; checked again after the write,
   * which is undone if an erasure began meanwhile (it writes its tombstone before removing
   * anything). Returns false when it wrote nothing.
   */
  async unlessErased(schoolId: string, personId: string, write: () => Promise<void>, undo: () => Promise<void>): Promise<boolean> {
    if (await this.isErased(schoolId, personId)) return false;
    await write();
    if (!(await this.isErased(schoolId, personId))) return true;
    await undo();
    return false;
  }

  /** Lifts the tombstones of these people (put on the roster again): one read of the school's tombstones. */
  async lift(schoolId: string, personIds: readonly string[]): Promise<void> {
    const table = this.storage.table('erasures');
    const tombstones = new Set<string>();
    const query = table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${schoolId}`, select: ['RowKey'] } });
    for await (const entity of query) tombstones.add(entity.rowKey!);
    if (tombstones.size === 0) return;
    const lifted = personIds.map((personId) => tombstoneKey(schoolId, personId)).filter((key) => tombstones.has(key));
    await Promise.all(lifted.map((rowKey) => deleteIfPresent(table, schoolId, rowKey)));
  }
}

function tombstoneKey(schoolId: string, personId: string): string {
  return createHash('sha256').update(`${schoolId}\n${personId}`).digest('hex');
}
