import { createHash } from 'node:crypto';
import { odata, TableClient, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { encodeKey } from './keys';
import { WriteGroups, type GroupableWrite } from './write-groups';

/**
 * Each school has its own set of these tables, so a query about one school reads only that
 * school's rows, however many schools share the account (Azurite, the local store, filters a whole
 * table on every query page), a school's data stays apart from the others', and a school's whole
 * store can be told apart by table name. Every partition key still starts with the school id.
 */
export const SCHOOL_TABLE_NAMES = [
  'people',
  'curriculum',
  'activities',
  'attendance',
  'links',
  'meetings',
  'slots',
  'meetingRequests',
  'destinations',
  'agreedActions',
  'pupilFeedback',
  'digests',
  'conversations',
  'outbox',
  'audit',
  'settings',
] as const;

/**
 * Tables shared by all schools: read before the school is known (a sign-in's email, a Teams
 * user's identity), or scanned across schools by a frequent job and small (one digest channel per
 * school; the outbox's index of pending messages, read by every poll; the activities whose work per
 * pupil after attendance is still to do), or one row per school and day (leases) or per erased
 * person (erasures), or the registry of schools itself. calendarEvents (one row per upcoming meeting
 * while the school's calendars are on, dropped once the meeting is long past) is scanned by the
 * calendar queue's poll.
 */
export const GLOBAL_TABLE_NAMES = [
  'emailIndex',
  'identities',
  'channels',
  'outboxPending',
  'fanOut',
  'leases',
  'erasures',
  'schools',
  'calendarEvents',
] as const;

export const TABLE_NAMES = [...SCHOOL_TABLE_NAMES, ...GLOBAL_TABLE_NAMES] as const;
export type SchoolTableName = (typeof SCHOOL_TABLE_NAMES)[number];
export type GlobalTableName = (typeof GLOBAL_TABLE_NAMES)[number];
export type TableName = SchoolTableName | GlobalTableName;

type PipelinePolicy = Parameters<TableClient['pipeline']['addPolicy']>[0];

const SCHOOL_TABLES: ReadonlySet<string> = new Set(SCHOOL_TABLE_NAMES);
const REGISTRY_PARTITION = 'school';
const MAX_BATCH = 100;
const PARALLEL_BATCHES = 8;

/** How to reach the table service: a connection string, or an account URL with an Entra identity. */
export type TableEndpoint = { connectionString: string } | { accountUrl: string; credential: TokenCredential };

export class TableStorage {
  private readonly clients = new Map<string, TableClient>();
  /** Per school: its tables created and it registered, once per process. */
  private readonly schoolsReady = new Map<string, Promise<void>>();
  private readonly groups = new WriteGroups();

  constructor(
    private readonly endpoint: TableEndpoint,
    private readonly tablePrefix: string,
  ) {}

  /**
   * The client for a shared table, or for a school's own table. A school's tables are created (and
   * the school registered) before the first request to any of them goes out.
   */
  table(name: GlobalTableName): TableClient;
  table(name: SchoolTableName, schoolId: string): TableClient;
  table(name: TableName, schoolId?: string): TableClient {
    return this.clientFor(name, schoolId);
  }

  /** The table holding a school's rows of `name`: its own, or the shared one. */
  tableFor(name: TableName, schoolId: string): TableClient {
    return isSchoolTable(name) ? this.table(name, schoolId) : this.table(name);
  }

  private clientFor(name: TableName, schoolId: string | undefined): TableClient {
    if (isSchoolTable(name) && schoolId === undefined) throw new Error(`the ${name} table belongs to a school: name the school`);
    const tableName = isSchoolTable(name) ? schoolTableName(this.tablePrefix, name, schoolId!) : this.tablePrefix + capitalise(name);
    let client = this.clients.get(tableName);
    if (!client) {
      client = this.newClient(tableName);
      if (isSchoolTable(name)) client.pipeline.addPolicy(this.schoolReadyPolicy(schoolId!));
      this.clients.set(tableName, client);
    }
    return client;
  }

  private newClient(tableName: string): TableClient {
    return 'connectionString' in this.endpoint
      ? TableClient.fromConnectionString(this.endpoint.connectionString, tableName, clientOptions(this.endpoint.connectionString))
      : new TableClient(this.endpoint.accountUrl, tableName, this.endpoint.credential, { retryOptions: RETRY_OPTIONS });
  }

  /** Holds a school table's first request until the school's tables exist. */
  private schoolReadyPolicy(schoolId: string): PipelinePolicy {
    return {
      name: 'waypointSchoolTablesReady',
      sendRequest: async (request, next) => {
        await this.schoolReady(schoolId);
        return next(request);
      },
    };
  }

  /**
   * Creates the school's tables and registers the school, once per process; concurrent first uses
   * share the one promise, and another process doing the same meets 409s, which createTable
   * ignores. A failure is forgotten so that the next use tries again.
   */
  private schoolReady(schoolId: string): Promise<void> {
    let ready = this.schoolsReady.get(schoolId);
    if (!ready) {
      ready = (async () => {
        await Promise.all(
          SCHOOL_TABLE_NAMES.map((name) => this.newClient(schoolTableName(this.tablePrefix, name, schoolId)).createTable()),
        );
        // Not through table(): tests wrap that to count and fail the writes journeys make.
        await this.clientFor('schools', undefined).upsertEntity(
          { partitionKey: REGISTRY_PARTITION, rowKey: encodeKey(schoolId), schoolId },
          'Replace',
        );
      })();
      ready.catch(() => this.schoolsReady.delete(schoolId));
      this.schoolsReady.set(schoolId, ready);
    }
    return ready;
  }

  /** The table that held every school's rows of `name` before each school had its own (see shared-tables-upgrade.ts). */
  formerSharedTable(name: SchoolTableName): TableClient {
    return this.newClient(this.tablePrefix + capitalise(name));
  }

  /** Creates the shared tables; each school's own are created on its first use. */
  async createTables(): Promise<void> {
    await Promise.all(GLOBAL_TABLE_NAMES.map((name) => this.table(name).createTable()));
  }

  /** Every school that has had tables of its own, sorted: what cross-school jobs go through. */
  async registeredSchools(): Promise<string[]> {
    const entities = await this.listAll<{ schoolId: string }>(this.table('schools'), REGISTRY_PARTITION, undefined, ['schoolId']);
    return entities.map((entity) => entity.schoolId).sort();
  }

  /** The registered schools whose own `name` table holds a row matching `filter(schoolId)`, or any row. */
  async schoolsHolding(name: SchoolTableName, filter?: (schoolId: string) => string): Promise<string[]> {
    const schools = await this.registeredSchools();
    const holding = await Promise.all(schools.map((schoolId) => this.holdsAny(this.table(name, schoolId), filter?.(schoolId))));
    return schools.filter((_, index) => holding[index]);
  }

  private async holdsAny(table: TableClient, filter: string | undefined): Promise<boolean> {
    // A page may come back empty with a continuation, so read on until a row or the end.
    const pages = table
      .listEntities({ queryOptions: { ...(filter ? { filter } : {}), select: ['PartitionKey'] } })
      .byPage({ maxPageSize: 1 });
    for await (const page of pages) if (page.length > 0) return true;
    return false;
  }

  /** Every table of that name: the shared one, or each registered school's own (for whole-store checks and tests). */
  async everyTable(name: TableName): Promise<TableClient[]> {
    return isSchoolTable(name) ? (await this.registeredSchools()).map((schoolId) => this.table(name, schoolId)) : [this.table(name)];
  }

  /** True when the table service answers; used by /healthz. */
  async isReachable(): Promise<boolean> {
    try {
      const probe = this.table('leases').listEntities({ queryOptions: { filter: partitionFilter('healthz') } });
      await probe.byPage({ maxPageSize: 1 }).next();
      return true;
    } catch {
      return false;
    }
  }

  // The listing and batch helpers take the table's client (from table()), so the school is named once.

  /** Every entity in the partition, optionally narrowed by a filter built with the `odata` tag. */
  async listAll<T extends object>(
    table: TableClient,
    partitionKey: string,
    narrowedBy?: string,
    select?: readonly string[],
  ): Promise<TableEntityResult<T>[]> {
    return query<T>(table, partitionFilter(partitionKey), narrowedBy, select);
  }

  /** Every entity in the partitions whose keys start with `prefix`, optionally narrowed. */
  async listPartitionsStartingWith<T extends object>(
    table: TableClient,
    prefix: string,
    narrowedBy?: string,
    select?: readonly string[],
  ): Promise<TableEntityResult<T>[]> {
    return query<T>(table, partitionPrefixFilter(prefix), narrowedBy, select);
  }

  /**
   * The same as listPartitionsStartingWith, read as concurrent range queries split at `boundaries`
   * (partition keys, sorted): the first range starts at the prefix and the last ends with it, so
   * every partition is read whether or not a boundary names it. One long query is a chain of pages
   * fetched one after another; ranges overlap storage's work with ours.
   */
  async listPartitionsInRanges<T extends object>(
    table: TableClient,
    prefix: string,
    boundaries: readonly string[],
    narrowedBy?: string,
    select?: readonly string[],
  ): Promise<TableEntityResult<T>[]> {
    const { start, end } = partitionPrefixRange(prefix);
    const edges = [start, ...boundaries.filter((key) => key > start && key < end), end];
    const ranges = edges.slice(1).map((upTo, index) => odata`PartitionKey ge ${edges[index]!} and PartitionKey lt ${upTo}`);
    return (await Promise.all(ranges.map((range) => query<T>(table, range, narrowedBy, select)))).flat();
  }

  /**
   * A create or upsert that may share a transaction with others to the same partition (see
   * WriteGroups); it fails as the write on its own would, e.g. 409 when a created row exists.
   */
  writeInGroup(table: TableClient, write: GroupableWrite): Promise<void> {
    return this.groups.write(table, write);
  }

  /** Runs actions in same-partition transactions of at most 100, a few at a time. */
  async submitInBatches(table: TableClient, actions: TransactionAction[]): Promise<void> {
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
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        await table.submitTransaction(batch);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_BATCHES, batches.length) }, worker));
  }
}

async function query<T extends object>(
  table: TableClient,
  scope: string,
  narrowedBy?: string,
  select?: readonly string[],
): Promise<TableEntityResult<T>[]> {
  const entities: TableEntityResult<T>[] = [];
  const filter = narrowedBy ? `${scope} and (${narrowedBy})` : scope;
  const listed = table.listEntities<T>({ queryOptions: { filter, ...(select ? { select: [...select] } : {}) } });
  for await (const entity of listed) entities.push(entity);
  return entities;
}

/** The school a partition key belongs to: school ids never hold '|', and keys within a school are `<school>|...`. */
export function schoolOfPartition(partitionKey: string): string {
  return partitionKey.split('|', 1)[0]!;
}

export function isSchoolTable(name: TableName): name is SchoolTableName {
  return SCHOOL_TABLES.has(name);
}

/**
 * A valid table name for any school id (letters and digits, starting with a letter, at most 63):
 * the prefix (at most 21), the table's name (at most 15), 'S' and 16 hex digits of the id's hash.
 */
export function schoolTableName(prefix: string, name: SchoolTableName, schoolId: string): string {
  return `${prefix}${capitalise(name)}S${createHash('sha256').update(schoolId).digest('hex').slice(0, 16)}`;
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
