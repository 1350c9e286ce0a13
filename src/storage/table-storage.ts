import { odata, TableClient, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { WriteGroups, type GroupableWrite } from './write-groups';

// One table per aggregate; every entity's partition key starts with the school id.
export const TABLE_NAMES = [
  'people',
  'emailIndex',
  'identities',
  'curriculum',
  'activities',
  'attendance',
  'links',
  'meetings',
  'slots',
  'meetingRequests',
  'destinations',
  'agreedActions',
  'channels',
  'digests',
  'conversations',
  'outbox',
  'outboxPending',
  'leases',
  'audit',
  'settings',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const MAX_BATCH = 100;
const PARALLEL_BATCHES = 8;

/** How to reach the table service: a connection string, or an account URL with an Entra identity. */
export type TableEndpoint = { connectionString: string } | { accountUrl: string; credential: TokenCredential };

export class TableStorage {
  private readonly clients = new Map<TableName, TableClient>();
  private readonly groups = new WriteGroups((name) => this.table(name));

  constructor(
    private readonly endpoint: TableEndpoint,
    private readonly tablePrefix: string,
  ) {}

  table(name: TableName): TableClient {
    let client = this.clients.get(name);
    if (!client) {
      const tableName = this.tablePrefix + capitalise(name);
      client =
        'connectionString' in this.endpoint
          ? TableClient.fromConnectionString(this.endpoint.connectionString, tableName, clientOptions(this.endpoint.connectionString))
          : new TableClient(this.endpoint.accountUrl, tableName, this.endpoint.credential, { retryOptions: RETRY_OPTIONS });
      this.clients.set(name, client);
    }
    return client;
  }

  async createTables(): Promise<void> {
    await Promise.all(TABLE_NAMES.map((name) => this.table(name).createTable()));
  }

  /** True when the table service answers; used by /healthz. */
  async isReachable(): Promise<boolean> {
    try {
      const probe = this.table('settings').listEntities({ queryOptions: { filter: partitionFilter('healthz') } });
      await probe.byPage({ maxPageSize: 1 }).next();
      return true;
    } catch {
      return false;
    }
  }

  /** Every entity in the partition, optionally narrowed by a filter built with the `odata` tag. */
  async listAll<T extends object>(name: TableName, partitionKey: string, narrowedBy?: string, select?: readonly string[]): Promise<TableEntityResult<T>[]> {
    return this.query<T>(name, partitionFilter(partitionKey), narrowedBy, select);
  }

  /** Every entity in the partitions whose keys start with `prefix`, optionally narrowed. */
  async listPartitionsStartingWith<T extends object>(name: TableName, prefix: string, narrowedBy?: string, select?: readonly string[]): Promise<TableEntityResult<T>[]> {
    return this.query<T>(name, partitionPrefixFilter(prefix), narrowedBy, select);
  }

  /**
   * The same as listPartitionsStartingWith, read as concurrent range queries split at `boundaries`
   * (partition keys, sorted): the first range starts at the prefix and the last ends with it, so
   * every partition is read whether or not a boundary names it. One long query is a chain of pages
   * fetched one after another; ranges overlap storage's work with ours.
   */
  async listPartitionsInRanges<T extends object>(name: TableName, prefix: string, boundaries: readonly string[], narrowedBy?: string, select?: readonly string[]): Promise<TableEntityResult<T>[]> {
    const { start, end } = partitionPrefixRange(prefix);
    const edges = [start, ...boundaries.filter((key) => key > start && key < end), end];
    const ranges = edges.slice(1).map((upTo, index) => odata`PartitionKey ge ${edges[index]!} and PartitionKey lt ${upTo}`);
    return (await Promise.all(ranges.map((range) => this.query<T>(name, range, narrowedBy, select)))).flat();
  }

  private async query<T extends object>(name: TableName, scope: string, narrowedBy?: string, select?: readonly string[]): Promise<TableEntityResult<T>[]> {
    const entities: TableEntityResult<T>[] = [];
    const filter = narrowedBy ? `${scope} and (${narrowedBy})` : scope;
    const query = this.table(name).listEntities<T>({ queryOptions: { filter, ...(select ? { select: [...select] } : {}) } });
    for await (const entity of query) entities.push(entity);
    return entities;
  }

  /**
   * A create or upsert that may share a transaction with others to the same partition (see
   * WriteGroups); it fails as the write on its own would, e.g. 409 when a created row exists.
   */
  writeInGroup(name: TableName, write: GroupableWrite): Promise<void> {
    return this.groups.write(name, write);
  }

  /** Runs actions in same-partition transactions of at most 100, a few at a time. */
  async submitInBatches(name: TableName, actions: TransactionAction[]): Promise<void> {
    const byPartition = new Map<string, TransactionAction[]>();
    for (const action of actions) {
      const partition = action[1].partitionKey;
      const list = byPartition.get(partition) ?? [];
      list.push(action);
      byPartition.set(partition, list);
    }
    const batches: TransactionAction[][] = [];
    for (const list of byPartition.values()) {
      for (let start = 0; start < list.length; start += MAX_BATCH) batches.push(list.slice(start, start + MAX_BATCH));
    }
    const client = this.table(name);
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        await client.submitTransaction(batch);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_BATCHES, batches.length) }, worker));
  }
}

export function partitionFilter(partitionKey: string): string {
  return odata`PartitionKey eq ${partitionKey}`;
}

/** Keys from `prefix` up to (not including) the prefix with its last character's successor. */
export function partitionPrefixFilter(prefix: string): string {
  const { start, end } = partitionPrefixRange(prefix);
  return odata`PartitionKey ge ${start} and PartitionKey lt ${end}`;
}

function partitionPrefixRange(prefix: string): { start: string; end: string } {
  return { start: prefix, end: prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1) };
}

function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

// A turn has 15 seconds before Teams retries it: give up on storage soon enough to say so.
const RETRY_OPTIONS = { maxRetries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 1500 };

function clientOptions(connectionString: string) {
  // Azurite and the local emulator speak plain http on loopback.
  const insecure = /UseDevelopmentStorage=true|=http:\/\//i.test(connectionString);
  return { retryOptions: RETRY_OPTIONS, ...(insecure ? { allowInsecureConnection: true } : {}) };
}
