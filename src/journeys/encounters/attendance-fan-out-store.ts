import { odata } from '@azure/data-tables';
import { z } from 'zod/v4';
import type { Services } from '../../services';
import { dueUnclaimedRows } from '../../storage/due-rows';
import { isChangedUnderUs, isNotFound } from '../../storage/errors';
import { encodeKey } from '../../storage/keys';

// The fan-out queue (table fanOut, partition = school, row = activity): one small record per
// activity whose work per pupil after attendance (the feedback asks) is still to do. A save writes
// it once, whatever the head-count; the background job (attendance-fan-out-job.ts) claims it, does
// the work for the rows marked in attendance-store.ts, and deletes it. Ids and times only.

export interface FanOutRecord {
  schoolId: string;
  activityId: string;
  dueAt: string;
  /** While set and in the future, one instance is running it. */
  claimedUntil?: string;
  etag: string;
}

const storedRecord = z.object({ activityId: z.string(), dueAt: z.string(), claimedUntil: z.string().optional() });

/**
 * Queues the activity's fan-out, due now. Keyed by activity, so a redelivered tap or a second save
 * before it runs leaves one record; a record being run is queued afresh, so the rows saved since
 * are done too.
 */
export async function queueFanOut(services: Services, schoolId: string, activityId: string): Promise<void> {
  await services.storage
    .table('fanOut')
    .upsertEntity({ partitionKey: schoolId, rowKey: encodeKey(activityId), activityId, dueAt: services.now().toISOString() }, 'Replace');
}

/** Records due by now across all schools, oldest first, not claimed by a run still under way. */
export async function dueFanOuts(services: Services, limit: number): Promise<FanOutRecord[]> {
  const now = services.now().toISOString();
  return dueUnclaimedRows(services.storage.table('fanOut'), odata`dueAt le ${now}`, now, limit, (entity) => ({
    ...storedRecord.parse(entity),
    schoolId: entity.partitionKey!,
    etag: entity.etag,
  }));
}

/** Takes the record for one run (etag-checked); undefined when another instance took it first. */
export async function claimFanOut(services: Services, record: FanOutRecord, forMs: number): Promise<FanOutRecord | undefined> {
  const claimedUntil = new Date(services.now().getTime() + forMs).toISOString();
  return replaceRecord(services, record, { dueAt: record.dueAt, claimedUntil });
}

/** Hands a failed run back, to be tried again after `retryInMs`; a save since then keeps its own record. */
export async function releaseFanOut(services: Services, record: FanOutRecord, retryInMs: number): Promise<void> {
  const dueAt = new Date(services.now().getTime() + retryInMs).toISOString();
  await replaceRecord(services, record, { dueAt });
}

/** Deletes the record of a finished run, unless a save queued it again meanwhile (then it runs again). */
export async function finishFanOut(services: Services, record: FanOutRecord): Promise<void> {
  try {
    await services.storage.table('fanOut').deleteEntity(record.schoolId, encodeKey(record.activityId), { etag: record.etag });
  } catch (error) {
    if (!isChangedUnderUs(error) && !isNotFound(error)) throw error;
  }
}

/** One school's queued fan-outs (for tests). */
export async function queuedFanOuts(services: Services, schoolId: string): Promise<FanOutRecord[]> {
  const records: FanOutRecord[] = [];
  const query = services.storage
    .table('fanOut')
    .listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${schoolId}` } });
  for await (const entity of query) records.push({ ...storedRecord.parse(entity), schoolId, etag: entity.etag });
  return records;
}

async function replaceRecord(
  services: Services,
  record: FanOutRecord,
  change: { dueAt: string; claimedUntil?: string },
): Promise<FanOutRecord | undefined> {
  const { schoolId, activityId } = record;
  try {
    const result = await services.storage
      .table('fanOut')
      .updateEntity({ partitionKey: schoolId, rowKey: encodeKey(activityId), activityId, ...change }, 'Replace', { etag: record.etag });
    return { schoolId, activityId, ...change, etag: result.etag ?? record.etag };
  } catch (error) {
    if (isChangedUnderUs(error)) return undefined;
    throw error;
  }
}
