import { odata, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod/v4';
import { isAlreadyExists, isChangedUnderUs, isNotFound } from '../storage/errors';
import { encodeKey } from '../storage/keys';
import type { TableStorage } from '../storage/table-storage';
import type { EnqueueOutcome, MessageDestination, OutgoingMessage } from './outgoing-message';

export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface OutboxEntry {
  message: OutgoingMessage;
  status: OutboxStatus;
  attempts: number;
  /** Not to be tried before this instant (notBefore, then back-off after a failure). */
  dueAt: string;
  /** While set and in the future, one instance is sending it. */
  claimedUntil?: string;
  sentAt?: string;
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
  lastError: z.string().optional(),
});

/**
 * A durable queue of proactive messages in Azure Tables (partition = school). Enqueueing is
 * idempotent by key, so a retried turn or a re-run job never queues the same message twice.
 */
export class Outbox {
  private readonly queuedListeners = new Set<() => void>();

  constructor(private readonly storage: TableStorage, private readonly now: () => Date) {}

  /** Lets the sender start soon after a turn queues something, rather than on its next tick. */
  onQueued(listener: () => void): () => void {
    this.queuedListeners.add(listener);
    return () => this.queuedListeners.delete(listener);
  }

  async enqueue(message: OutgoingMessage): Promise<EnqueueOutcome> {
    const dueAt = message.notBefore ?? this.now().toISOString();
    try {
      await this.storage.table('outbox').createEntity({
        partitionKey: message.schoolId,
        rowKey: encodeKey(message.key),
        message: JSON.stringify(message),
        status: 'pending',
        attempts: 0,
        dueAt,
      });
      for (const listener of this.queuedListeners) listener();
      return 'queued';
    } catch (error) {
      if (isAlreadyExists(error)) return 'already-queued';
      throw error;
    }
  }

  /** True once a message with this key has been queued (whatever became of it). */
  async has(schoolId: string, key: string): Promise<boolean> {
    try {
      await this.storage.table('outbox').getEntity(schoolId, encodeKey(key), { queryOptions: { select: ['status'] } });
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /** Pending messages due by now across all schools, oldest first, not claimed by another instance. */
  async due(limit: number): Promise<OutboxEntry[]> {
    const now = this.now().toISOString();
    const entries: OutboxEntry[] = [];
    const query = this.storage.table('outbox').listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`status eq ${'pending'} and dueAt le ${now}` } });
    for await (const entity of query) {
      const parsed = storedMessage.parse(entity);
      if (parsed.claimedUntil && parsed.claimedUntil > now) continue;
      entries.push({ ...parsed, etag: entity.etag });
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
    await this.update(entry, { status: 'sent', sentAt: this.now().toISOString(), claimedUntil: undefined, attempts: entry.attempts + 1 });
  }

  /** Schedules another try after a back-off, or gives up after too many. */
  async markFailed(entry: OutboxEntry, reason: string, retryInMs: number | undefined): Promise<void> {
    const attempts = entry.attempts + 1;
    await this.update(entry, {
      status: retryInMs === undefined ? 'failed' : 'pending',
      attempts,
      lastError: reason,
      claimedUntil: undefined,
      dueAt: retryInMs === undefined ? entry.dueAt : new Date(this.now().getTime() + retryInMs).toISOString(),
    });
  }

  /** Deletes a school's messages sent before `before` (ISO instant); their cards name pupils. Returns how many. */
  async purgeSent(schoolId: string, before: string): Promise<number> {
    const actions: TransactionAction[] = [];
    const query = this.storage.table('outbox').listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${schoolId} and status eq ${'sent'} and sentAt lt ${before}`, select: ['PartitionKey', 'RowKey'] },
    });
    for await (const entity of query) actions.push(['delete', { partitionKey: entity.partitionKey!, rowKey: entity.rowKey! }]);
    await this.storage.submitInBatches('outbox', actions);
    return actions.length;
  }

  /** What was sent for a school (newest first), for tests and the audit trail. */
  async history(schoolId: string): Promise<OutboxEntry[]> {
    const entries: OutboxEntry[] = [];
    const query = this.storage.table('outbox').listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${schoolId}` } });
    for await (const entity of query) entries.push({ ...storedMessage.parse(entity), etag: entity.etag });
    return entries.sort((a, b) => b.dueAt.localeCompare(a.dueAt));
  }

  private async update(entry: OutboxEntry, change: Partial<Omit<OutboxEntry, 'message' | 'etag'>>): Promise<OutboxEntry | undefined> {
    const next = { ...entry, ...change };
    try {
      const result = await this.storage.table('outbox').updateEntity(
        {
          partitionKey: entry.message.schoolId,
          rowKey: encodeKey(entry.message.key),
          message: JSON.stringify(entry.message),
          status: next.status,
          attempts: next.attempts,
          dueAt: next.dueAt,
          ...(next.claimedUntil ? { claimedUntil: next.claimedUntil } : {}),
          ...(next.sentAt ? { sentAt: next.sentAt } : {}),
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
