import type { TableEntityResult, TransactionAction } from '@azure/data-tables';
import type { z } from 'zod/v4';
import { isAlreadyExists, isChangedUnderUs, isNotFound } from './errors';
import { encodeKey } from './keys';
import { tryGet } from './not-found';
import type { TableClient } from '@azure/data-tables';
import { schoolOfPartition, type SchoolTableName, type TableStorage } from './table-storage';

/** How one kind of item is keyed and checked when it comes back from a table. */
export interface CollectionCodec<T> {
  table: SchoolTableName;
  /** The row key, already encoded for Tables (see keys.ts). */
  rowKey(item: T): string;
  /** Validates and shapes what storage hands back; arrays are stored as JSON text. */
  schema: z.ZodType<T>;
  /** Fields Teams adds that the CSV contract does not carry: an import keeps them as they are. */
  keptOnImport?: readonly (keyof T & string)[];
  /**
   * Spreads a large collection over several partitions within the school (partition key
   * `<school>|<this>`): one partition accepts writes only so fast, in Azure and Azurite alike.
   */
  partitionWithinSchool?(item: T): string;
  /** For large collections: read only these properties in lists (less for storage to send). */
  listedFields?: readonly (keyof T & string)[];
}

export interface Stored<T> {
  item: T;
  etag: string;
}

export interface UpsertCounts {
  added: number;
  changed: number;
  unchanged: number;
}

export class ChangedUnderUsError extends Error {
  constructor() {
    super('The record changed while it was being updated');
    this.name = 'ChangedUnderUsError';
  }
}

/** Concurrent range queries for one large read: storage pages while we parse. */
const RANGE_READS = 8;

const SYSTEM_PROPERTIES = new Set(['partitionKey', 'rowKey', 'etag', 'timestamp', 'odata.etag', 'odata.metadata']);

/** Items of one kind for one school: partition key = school id. */
export class SchoolCollection<T extends object> {
  constructor(
    private readonly storage: TableStorage,
    private readonly codec: CollectionCodec<T>,
  ) {}

  /**
   * The school's own table. Some callers pass a partition within the school (e.g. meeting
   * markers' `<school>|upcoming`) where a school id is expected: its school is its first part.
   */
  private table(schoolIdOrPartition: string): TableClient {
    return this.storage.table(this.codec.table, schoolOfPartition(schoolIdOrPartition));
  }

  /** The school's items, optionally narrowed by a filter built with the `odata` tag. */
  async list(schoolId: string, narrowedBy?: string): Promise<T[]> {
    const entities = this.codec.partitionWithinSchool
      ? await this.storage.listPartitionsStartingWith<Record<string, unknown>>(
          this.table(schoolId),
          `${schoolId}|`,
          narrowedBy,
          this.codec.listedFields,
        )
      : await this.storage.listAll<Record<string, unknown>>(this.table(schoolId), schoolId, narrowedBy, this.codec.listedFields);
    return entities.map((entity) => this.fromEntity(entity));
  }

  /**
   * The school's items in a collection spread over partitions within it (see
   * partitionWithinSchool), read in up to RANGE_READS concurrent range queries split at partitions
   * among `within` (e.g. the school's activity ids for attendance). Any partition is read, named
   * there or not.
   */
  async listSpread(schoolId: string, within: readonly string[]): Promise<T[]> {
    if (!this.codec.partitionWithinSchool) throw new Error(`${this.codec.table} is one partition per school: use list`);
    const keys = within.map((name) => inSchoolPartitionKey(schoolId, name)).sort();
    const step = Math.ceil(keys.length / RANGE_READS);
    const boundaries = keys.filter((_, index) => index > 0 && index % step === 0);
    const entities = await this.storage.listPartitionsInRanges<Record<string, unknown>>(
      this.table(schoolId),
      `${schoolId}|`,
      boundaries,
      undefined,
      this.codec.listedFields,
    );
    return entities.map((entity) => this.fromEntity(entity));
  }

  /** The items in one partition within the school (see partitionWithinSchool). */
  async listPartition(schoolId: string, within: string, narrowedBy?: string): Promise<T[]> {
    const entities = await this.storage.listAll<Record<string, unknown>>(
      this.table(schoolId),
      inSchoolPartitionKey(schoolId, within),
      narrowedBy,
    );
    return entities.map((entity) => this.fromEntity(entity));
  }

  partitionKeyOf(schoolId: string, item: T): string {
    return this.codec.partitionWithinSchool ? inSchoolPartitionKey(schoolId, this.codec.partitionWithinSchool(item)) : schoolId;
  }

  async get(schoolId: string, rowKey: string): Promise<Stored<T> | undefined> {
    const entity = await tryGet(this.table(schoolId), schoolId, rowKey);
    return entity && { item: this.fromEntity(entity), etag: entity.etag };
  }

  /** Creates the item unless one with its key exists: a repeated delivery changes nothing. */
  async createOnce(schoolId: string, item: T): Promise<'created' | 'existed'> {
    try {
      await this.storage.writeInGroup(this.table(schoolId), ['create', this.toEntity(schoolId, item)]);
      return 'created';
    } catch (error) {
      if (isAlreadyExists(error)) return 'existed';
      throw error;
    }
  }

  /** Writes the item whether or not it exists, replacing any stored copy: for rows whose latest write wins. */
  async upsert(schoolId: string, item: T): Promise<void> {
    await this.table(schoolId).upsertEntity(this.toEntity(schoolId, item), 'Replace');
  }

  /** Replaces the item only if nobody changed it since it was read. */
  async replace(schoolId: string, item: T, etag: string): Promise<void> {
    try {
      await this.table(schoolId).updateEntity(this.toEntity(schoolId, item), 'Replace', { etag });
    } catch (error) {
      if (isChangedUnderUs(error)) throw new ChangedUnderUsError();
      throw error;
    }
  }

  /** Deletes by row key (collections kept in one partition per school). */
  async delete(schoolId: string, rowKey: string, etag = '*'): Promise<void> {
    if (this.codec.partitionWithinSchool) throw new Error(`${this.codec.table} is partitioned within the school: use deleteItem`);
    await this.deleteEntity(schoolId, rowKey, etag);
  }

  /** Deletes the stored copy of this item, wherever its partition. */
  async deleteItem(schoolId: string, item: T, etag = '*'): Promise<void> {
    await this.deleteEntity(this.partitionKeyOf(schoolId, item), this.codec.rowKey(item), etag);
  }

  private async deleteEntity(partitionKey: string, rowKey: string, etag: string): Promise<void> {
    try {
      await this.table(partitionKey).deleteEntity(partitionKey, rowKey, { etag });
    } catch (error) {
      if (isChangedUnderUs(error)) throw new ChangedUnderUsError();
      if (!isNotFound(error)) throw error;
    }
  }

  /** Writes only what differs from what is stored, in batches; never deletes. */
  async upsertAll(schoolId: string, items: readonly T[], existing?: readonly T[]): Promise<UpsertCounts> {
    const current = new Map((existing ?? (await this.list(schoolId))).map((item) => [this.codec.rowKey(item), item]));
    const counts: UpsertCounts = { added: 0, changed: 0, unchanged: 0 };
    const actions: TransactionAction[] = [];
    for (const imported of items) {
      const stored = current.get(this.codec.rowKey(imported));
      const item = stored ? this.withKeptFields(imported, stored) : imported;
      const entity = this.toEntity(schoolId, item);
      if (stored === undefined) counts.added++;
      else if (canonical(this.toEntity(schoolId, stored)) === canonical(entity)) {
        counts.unchanged++;
        continue;
      } else counts.changed++;
      actions.push(['upsert', entity, 'Replace']);
    }
    await this.storage.submitInBatches(this.table(schoolId), actions);
    return counts;
  }

  private withKeptFields(imported: T, stored: T): T {
    const merged: T = { ...imported };
    for (const field of this.codec.keptOnImport ?? []) if (stored[field] !== undefined) merged[field] = stored[field];
    return merged;
  }

  toEntity(schoolId: string, item: T): { partitionKey: string; rowKey: string } & Record<string, unknown> {
    const entity: { partitionKey: string; rowKey: string } & Record<string, unknown> = {
      partitionKey: this.partitionKeyOf(schoolId, item),
      rowKey: this.codec.rowKey(item),
    };
    for (const [name, value] of Object.entries(item)) {
      if (value === undefined) continue;
      entity[name] = Array.isArray(value) || (typeof value === 'object' && value !== null) ? JSON.stringify(value) : value;
    }
    return entity;
  }

  private fromEntity(entity: TableEntityResult<Record<string, unknown>>): T {
    const fields: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(entity)) if (!SYSTEM_PROPERTIES.has(name)) fields[name] = value;
    return this.codec.schema.parse(fields);
  }
}

function canonical(entity: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(entity)
      .sort()
      .map((name) => [name, entity[name]]),
  );
}

/** The partition key `<school>|<within>` of a collection spread over partitions within the school. */
function inSchoolPartitionKey(schoolId: string, within: string): string {
  return `${schoolId}|${encodeKey(within)}`;
}
