import { odata, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod/v4';
import { isAlreadyExists, isChangedUnderUs } from '../storage/errors';
import { encodeKey } from '../storage/keys';
import { deleteIfPresent, tryGet } from '../storage/not-found';
import type { TableStorage } from '../storage/table-storage';
import type { EnqueueOutcome, MessageDestination, OutgoingMessage } from './outgoing-message';

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/**
 * What retention leaves of a message sent or given up on (see purgeFinished): its key and the date
 * it ended, nothing it said. The row still holds the key, so the message is never queued again.
 */
const PURGED = 'purged';

export interface OutboxEntry {
  message: OutgoingMessage;
  status: OutboxStatus;
  attempts: number;
  /** Not to be tried before this instant (notBefore, then back-off after a failure). */
  dueAt: string;
  /** While set and in the future, one instance is sending it. */
  claimedUntil?: string;
  sentAt?: string;
  /** When it was given up on (status failed). */
  failedAt?: string;
  lastError?: string;
  etag: string;
}

const storedMessage = z.object({
  message: z.string().transform((text) => JSON.parse(text) as OutgoingMessage),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int(),
  dueAt: z.string(),
  claimedUntil: z.string().optional(),
  sentAt: z.string().optional(),
  failedAt: z.string().optional(),
  lastError: z.string().optional(),
});

/**
 * The pending index (table outboxPending, keyed as the outbox is): one small entity per message
 * still to send, so "what is due" reads the pending messages only, never the sent history. Written
 * before the message and removed after it is sent, so a crash leaves at worst a stale entry, which
 * `due` drops.
 */
const pendingIndexEntry = z.object({ dueAt: z.string() });

/**
 * A durable queue of proactive messages in Azure Tables (partition = school). Enqueueing is
 * idempotent by key, so a retried turn or a re-run job never queues the same message twice.
 */
export class Outbox {
  private readonly queuedListeners = new Set<() => void>();

  constructor(
    private readonly storage: TableStorage,
    private readonly now: () => Date,
  ) {}

  /** Lets the sender start soon after a turn queues something, rather than on its next tick. */
  onQueued(listener: () => void): () => void {
    this.queuedListeners.add(listener);
    return () => this.queuedListeners.delete(listener);
  }

  async enqueue(message: OutgoingMessage): Promise<EnqueueOutcome> {
    const dueAt = message.notBefore ?? this.now().toISOString();
    const rowKey = encodeKey(message.key);
    await this.index(message.schoolId, rowKey, dueAt);
    try {
      await this.storage.table('outbox', message.schoolId).createEntity({
        partitionKey: message.schoolId,
        rowKey,
        message: JSON.stringify(message),
        status: 'pending',
        attempts: 0,
        dueAt,
      });
      for (const listener of this.queuedListeners) listener();
      return 'queued';
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      await this.reindex(message.schoolId, rowKey);
      return 'already-queued';
    }
  }

  /** True once a message with this key has been queued (whatever became of it, purged or not). */
  async has(schoolId: string, key: string): Promise<boolean> {
    const entity = await tryGet(this.storage.table('outbox', schoolId), schoolId, encodeKey(key), { queryOptions: { select: ['status'] } });
    return entity !== undefined;
  }

  /** Pending messages due by now across all schools, oldest first, not claimed by another instance. */
  async due(limit: number): Promise<OutboxEntry[]> {
    const now = this.now().toISOString();
    const entries: OutboxEntry[] = [];
    const query = this.storage
      .table('outboxPending')
      .listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`dueAt le ${now}` } });
    for await (const entity of query) {
      pendingIndexEntry.parse(entity);
      const schoolId = entity.partitionKey!;
      const rowKey = entity.rowKey!;
      const stored = await this.read(schoolId, rowKey);
      if (!stored || stored.status !== 'pending' || stored.dueAt > now) {
        await this.reindex(schoolId, rowKey, stored);
        continue;
      }
      if (stored.claimedUntil && stored.claimedUntil > now) continue;
      entries.push(stored);
      if (entries.length >= limit) break;
    }
    return entries.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  /** Takes a message for sending; false when another instance took it first. */
  async claim(entry: OutboxEntry, forMs: number): Promise<OutboxEntry | undefined> {
    const claimedUntil = new Date(this.now().getTime() + forMs).toISOString();
    return this.update(entry, { claimedUntil });
  }

  async markSent(entry: OutboxEntry): Promise<void> {
    const sent = await this.update(entry, {
      status: 'sent',
      sentAt: this.now().toISOString(),
      claimedUntil: undefined,
      attempts: entry.attempts + 1,
    });
    if (sent) await this.reindex(entry.message.schoolId, encodeKey(entry.message.key), sent);
  }

  /** Looks at a message again after `forMs`, as it is: no attempt counted, so it is not undelivered. */
  async hold(entry: OutboxEntry, forMs: number): Promise<void> {
    const held = await this.update(entry, { claimedUntil: undefined, dueAt: new Date(this.now().getTime() + forMs).toISOString() });
    if (held) await this.reindex(entry.message.schoolId, encodeKey(entry.message.key), held);
  }

  /** Schedules another try after a back-off, or gives up after too many. */
  async markFailed(entry: OutboxEntry, reason: string, retryInMs: number | undefined): Promise<void> {
    const attempts = entry.attempts + 1;
    const updated = await this.update(entry, {
      status: retryInMs === undefined ? 'failed' : 'pending',
      ...(retryInMs === undefined ? { failedAt: this.now().toISOString() } : {}),
      attempts,
      lastError: reason,
      claimedUntil: undefined,
      dueAt: retryInMs === undefined ? entry.dueAt : new Date(this.now().getTime() + retryInMs).toISOString(),
    });
    if (updated) await this.reindex(entry.message.schoolId, encodeKey(entry.message.key), updated);
  }

  /** Deletes one message (erasure), with its pending index entry. */
  async remove(schoolId: string, rowKey: string): Promise<void> {
    await deleteIfPresent(this.storage.table('outbox', schoolId), schoolId, rowKey);
    await deleteIfPresent(this.storage.table('outboxPending'), schoolId, rowKey);
  }

  /**
   * Indexes every pending message that has no index entry (one written by an older version, or
   * whose index write was lost): a scan of the whole outbox, so for a daily job, never the poll.
   */
  async reindexPending(): Promise<number> {
    let indexed = 0;
    for (const schoolId of await this.storage.registeredSchools()) {
      const query = this.storage.table('outbox', schoolId).listEntities<Record<string, unknown>>({
        queryOptions: {
          filter: odata`PartitionKey eq ${schoolId} and status eq ${'pending'}`,
          select: ['PartitionKey', 'RowKey', 'dueAt'],
        },
      });
      for await (const entity of query) {
        await this.index(entity.partitionKey!, entity.rowKey!, String(entity['dueAt']));
        indexed++;
      }
    }
    return indexed;
  }

  private async index(schoolId: string, rowKey: string, dueAt: string): Promise<void> {
    await this.storage.table('outboxPending').upsertEntity({ partitionKey: schoolId, rowKey, dueAt }, 'Replace');
  }

  /** Makes the index agree with the message as stored: indexed at its due time while pending, else not at all. */
  private async reindex(schoolId: string, rowKey: string, stored?: Omit<OutboxEntry, 'etag'> | undefined | null): Promise<void> {
    const current = stored === undefined ? await this.read(schoolId, rowKey) : (stored ?? undefined);
    if (current?.status === 'pending') await this.index(schoolId, rowKey, current.dueAt);
    else await deleteIfPresent(this.storage.table('outboxPending'), schoolId, rowKey);
  }

  /** The message as stored; undefined when there is none, or only what retention left of it. */
  private async read(schoolId: string, rowKey: string): Promise<OutboxEntry | undefined> {
    const entity = await tryGet(this.storage.table('outbox', schoolId), schoolId, rowKey);
    return entity && entity['status'] !== PURGED ? { ...storedMessage.parse(entity), etag: entity.etag } : undefined;
  }

  /**
   * Empties a school's messages that ended before `before` (ISO instant), delivered or given up
   * on alike: their cards and errors name pupils. Each keeps its key and the date it ended, so
   * "send once" outlives the purge. Returns how many.
   */
  async purgeFinished(schoolId: string, before: string): Promise<number> {
    const actions: TransactionAction[] = [];
    const query = this.storage.table('outbox', schoolId).listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${schoolId} and ((status eq ${'sent'} and sentAt lt ${before}) or status eq ${'failed'})`,
        select: ['PartitionKey', 'RowKey', 'status', 'sentAt', 'failedAt', 'dueAt'],
      },
    });
    for await (const entity of query) {
      // Given up on before failedAt was recorded: its due time is the best date there is.
      const endedAt = String(entity['status'] === 'sent' ? entity['sentAt'] : (entity['failedAt'] ?? entity['dueAt']));
      if (endedAt >= before) continue;
      actions.push(['upsert', { partitionKey: entity.partitionKey!, rowKey: entity.rowKey!, status: PURGED, endedAt }, 'Replace']);
    }
    await this.storage.submitInBatches(this.storage.table('outbox', schoolId), actions);
    return actions.length;
  }

  /**
   * A school's messages that have not reached their recipient: given up on, or failed and
   * waiting to be tried again (e.g. the person has never opened a chat with the bot).
   */
  async undelivered(schoolId: string): Promise<OutboxEntry[]> {
    const entries: OutboxEntry[] = [];
    const filter = odata`PartitionKey eq ${schoolId} and (status eq ${'failed'} or (status eq ${'pending'} and attempts gt ${0}))`;
    const query = this.storage.table('outbox', schoolId).listEntities<Record<string, unknown>>({ queryOptions: { filter } });
    for await (const entity of query) entries.push({ ...storedMessage.parse(entity), etag: entity.etag });
    return entries.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  /** What was sent for a school (newest first), for tests and the audit trail. */
  async history(schoolId: string): Promise<OutboxEntry[]> {
    const entries: OutboxEntry[] = [];
    const query = this.storage
      .table('outbox', schoolId)
      .listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${schoolId} and status ne ${PURGED}` } });
    for await (const entity of query) entries.push({ ...storedMessage.parse(entity), etag: entity.etag });
    return entries.sort((a, b) => b.dueAt.localeCompare(a.dueAt));
  }

  private async update(entry: OutboxEntry, change: Partial<Omit<OutboxEntry, 'message' | 'etag'>>): Promise<OutboxEntry | undefined> {
    const next = { ...entry, ...change };
    try {
      const result = await this.storage.table('outbox', entry.message.schoolId).updateEntity(
        {
          partitionKey: entry.message.schoolId,
          rowKey: encodeKey(entry.message.key),
          message: JSON.stringify(entry.message),
          status: next.status,
          attempts: next.attempts,
          dueAt: next.dueAt,
          ...(next.claimedUntil ? { claimedUntil: next.claimedUntil } : {}),
          ...(next.sentAt ? { sentAt: next.sentAt } : {}),
          ...(next.failedAt ? { failedAt: next.failedAt } : {}),
          ...(next.lastError ? { lastError: next.lastError } : {}),
        },
        'Replace',
        { etag: entry.etag },
      );
      return { ...next, etag: result.etag ?? entry.etag };
    } catch (error) {
      if (isChangedUnderUs(error)) return undefined;
      throw error;
    }
  }
}

export type { MessageDestination };
