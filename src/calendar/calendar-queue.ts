import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { z } from 'zod/v4';
import { isChangedUnderUs } from '../storage/errors';
import { dueUnclaimedRows } from '../storage/due-rows';
import { encodeKey } from '../storage/keys';
import { deleteIfPresent, tryGet } from '../storage/not-found';
import type { TableStorage } from '../storage/table-storage';

// The calendar's own small queue, shaped like the outbox (claimed with an etag, retried with
// back-off, never blocking a turn) but holding state, not messages: one row per meeting, saying
// which event stands for it in the adviser's calendar. A booking, move or cancellation only marks
// the row due; the sync reads the meeting as it is then and makes the event match. So writes for
// one meeting are idempotent by its id, a move straight after a booking is one create, and a
// create retried after a lost answer carries the same Graph transactionId.

export type CalendarStatus = 'pending' | 'done' | 'failed';

/** What Waypoint knows of the meeting's event in Exchange. */
export interface CalendarEventState {
  /** The adviser's mailbox (their sign-in) holding the event. */
  mailbox?: string;
  eventId?: string;
  /** Sent with the create, so Graph makes one event however often the create is retried. */
  transactionId?: string;
  joinUrl?: string;
  /** What the event was last written with (eventFingerprint). */
  fingerprint?: string;
}

export interface CalendarEntry extends CalendarEventState {
  schoolId: string;
  meetingId: string;
  status: CalendarStatus;
  /** Failed tries since the last change to the meeting. */
  attempts: number;
  dueAt: string;
  /** School-local start of the meeting when last changed: retention drops rows of meetings long past. */
  startsAt: string;
  /** Changes with every request: a sync that finishes after a newer change leaves the row due. */
  requestId: string;
  claimedUntil?: string;
  /** The HTTP status (or kind) of the last failure; never a response body. */
  lastError?: string;
  etag: string;
}

const storedEntry = z.object({
  meetingId: z.string(),
  status: z.enum(['pending', 'done', 'failed']),
  attempts: z.number().int(),
  dueAt: z.string(),
  startsAt: z.string(),
  requestId: z.string(),
  claimedUntil: z.string().optional(),
  lastError: z.string().optional(),
  mailbox: z.string().optional(),
  eventId: z.string().optional(),
  transactionId: z.string().optional(),
  joinUrl: z.string().optional(),
  fingerprint: z.string().optional(),
});

export type CalendarOutcome = { kind: 'done' } | { kind: 'retry'; inMs: number; error: string } | { kind: 'failed'; error: string };

export class CalendarQueue {
  private readonly requestedListeners = new Set<() => void>();

  constructor(
    private readonly storage: TableStorage,
    private readonly now: () => Date,
  ) {}

  /** Lets the sync start soon after a turn changes a meeting, rather than on its next tick. */
  onRequested(listener: () => void): () => void {
    this.requestedListeners.add(listener);
    return () => this.requestedListeners.delete(listener);
  }

  /** The meeting changed: its event is to be brought up to date. Safe to repeat; keeps what is known of the event. */
  async request(schoolId: string, meetingId: string, startsAt: string): Promise<void> {
    await this.table().upsertEntity(
      {
        partitionKey: schoolId,
        rowKey: encodeKey(meetingId),
        meetingId,
        status: 'pending',
        attempts: 0,
        dueAt: this.now().toISOString(),
        startsAt,
        requestId: randomUUID(),
      },
      'Merge',
    );
    for (const listener of this.requestedListeners) listener();
  }

  async get(schoolId: string, meetingId: string): Promise<CalendarEntry | undefined> {
    const entity = await tryGet(this.table(), schoolId, encodeKey(meetingId));
    return entity && { ...storedEntry.parse(entity), schoolId, etag: entity.etag };
  }

  /** Rows due now across all schools, not claimed by another instance. */
  async due(limit: number): Promise<CalendarEntry[]> {
    const now = this.now().toISOString();
    return dueUnclaimedRows(this.table(), odata`status eq ${'pending'} and dueAt le ${now}`, now, limit, (entity) => ({
      ...storedEntry.parse(entity),
      schoolId: entity.partitionKey!,
      etag: entity.etag,
    }));
  }

  /** Takes a row for syncing, with a transaction id ready for a create; undefined when another instance took it. */
  async claim(entry: CalendarEntry, forMs: number): Promise<CalendarEntry | undefined> {
    const claimedUntil = new Date(this.now().getTime() + forMs).toISOString();
    return this.write(entry, { ...entry, claimedUntil, transactionId: entry.transactionId ?? randomUUID() });
  }

  /**
   * Keeps what is known of the event part-way through a sync (before a create that must carry a
   * new transaction id). Returns the row as now stored, whatever other change it met.
   */
  async remember(latest: CalendarEntry, state: CalendarEventState): Promise<CalendarEntry> {
    let current: CalendarEntry | undefined = latest;
    for (let attempt = 0; attempt < 3 && current; attempt++) {
      const saved = await this.write(current, { ...withoutEventState(current), ...state, claimedUntil: latest.claimedUntil });
      if (saved) return saved;
      current = await this.get(latest.schoolId, latest.meetingId);
    }
    throw new Error('the calendar row kept changing');
  }

  /**
   * Records how a sync (claimed at `requestId`) ended and what it left in Exchange. If the meeting
   * changed meanwhile (a newer request), the row stays due now whatever the outcome, so the change
   * is not lost.
   */
  async finish(latest: CalendarEntry, requestId: string, state: CalendarEventState, outcome: CalendarOutcome): Promise<void> {
    let current: CalendarEntry | undefined = latest;
    for (let attempt = 0; attempt < 3 && current; attempt++) {
      const newer = current.requestId !== requestId;
      const next: CalendarEntry = {
        ...withoutEventState(current),
        ...state,
        claimedUntil: undefined,
        ...(newer
          ? { status: 'pending', dueAt: this.now().toISOString() }
          : outcome.kind === 'done'
            ? { status: 'done', attempts: 0, lastError: undefined }
            : outcome.kind === 'retry'
              ? {
                  status: 'pending',
                  attempts: current.attempts + 1,
                  lastError: outcome.error,
                  dueAt: new Date(this.now().getTime() + outcome.inMs).toISOString(),
                }
              : { status: 'failed', attempts: current.attempts + 1, lastError: outcome.error }),
      };
      if (await this.write(current, next)) return;
      current = await this.get(latest.schoolId, latest.meetingId);
    }
  }

  /** Meetings of the school whose event is not in the adviser's calendar yet: a write failed and is waiting, or gave up. */
  async notInCalendar(schoolId: string): Promise<Set<string>> {
    const ids = new Set<string>();
    const filter = odata`PartitionKey eq ${schoolId} and (status eq ${'failed'} or (status eq ${'pending'} and attempts gt ${0}))`;
    for await (const entity of this.table().listEntities<Record<string, unknown>>({ queryOptions: { filter, select: ['meetingId'] } }))
      ids.add(String(entity['meetingId']));
    return ids;
  }

  /** Which of these meetings Waypoint holds event details of (for erasure's plan). */
  async heldFor(schoolId: string, meetingIds: readonly string[]): Promise<string[]> {
    const wanted = new Set(meetingIds);
    const held: string[] = [];
    const query = this.table().listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${schoolId}`, select: ['meetingId'] },
    });
    for await (const entity of query) if (wanted.has(String(entity['meetingId']))) held.push(String(entity['meetingId']));
    return held;
  }

  /** Erasure: what Waypoint holds of these meetings' events (Exchange keeps the events themselves). */
  async forget(schoolId: string, meetingIds: readonly string[]): Promise<void> {
    await Promise.all(meetingIds.map((meetingId) => deleteIfPresent(this.table(), schoolId, encodeKey(meetingId))));
  }

  /** Every school's rows for meetings that started before `before` (a school-local date), for retention; returns how many went. */
  async purgeStartedBefore(before: string): Promise<number> {
    const found: { partitionKey: string; rowKey: string }[] = [];
    const query = this.table().listEntities({ queryOptions: { filter: odata`startsAt lt ${before}`, select: ['PartitionKey', 'RowKey'] } });
    for await (const entity of query) found.push({ partitionKey: entity.partitionKey!, rowKey: entity.rowKey! });
    await Promise.all(found.map((row) => deleteIfPresent(this.table(), row.partitionKey, row.rowKey)));
    return found.length;
  }

  private table() {
    return this.storage.table('calendarEvents');
  }

  /** The row as `next`, over the version `current` was read at; undefined when it changed meanwhile. */
  private async write(current: CalendarEntry, next: CalendarEntry): Promise<CalendarEntry | undefined> {
    const { schoolId, etag: _etag, ...fields } = next;
    const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    try {
      const result = await this.table().updateEntity({ partitionKey: schoolId, rowKey: encodeKey(next.meetingId), ...defined }, 'Replace', {
        etag: current.etag,
      });
      return { ...next, etag: result.etag ?? current.etag };
    } catch (error) {
      if (isChangedUnderUs(error)) return undefined;
      throw error;
    }
  }
}

function withoutEventState(entry: CalendarEntry): CalendarEntry {
  const {
    mailbox: _mailbox,
    eventId: _eventId,
    transactionId: _transactionId,
    joinUrl: _joinUrl,
    fingerprint: _fingerprint,
    ...rest
  } = entry;
  return rest;
}
