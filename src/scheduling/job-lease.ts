import { z } from 'zod/v4';
import type { Services } from '../services';
import { isAlreadyExists, isChangedUnderUs, isNotFound } from '../storage/errors';
import { encodeKey } from '../storage/keys';
import { tryGet } from '../storage/not-found';

/**
 * A job's once-per-period run for one school, shared by every instance through the leases table
 * (partition = school, row = job and period). The lease is held while the work runs and marked
 * done after it: a run that fails releases it, so another instance or the next try does the
 * work; a run whose instance died is taken over once `holdMs` has passed.
 */
export interface JobLease {
  schoolId: string;
  /** e.g. "retention|2026-09-10": the job and the period it runs once in. */
  key: string;
  /** Longer than the work ever takes. */
  holdMs: number;
}

// A lease written before leases were held (claimedAt only) stands for a finished run.
const storedLease = z.object({ state: z.enum(['running', 'done']).default('done'), heldUntil: z.string().optional() });

/** Runs `work` unless this period's run is done or under way elsewhere; undefined when it did not run. */
export async function runUnderLease<T>(services: Services, lease: JobLease, work: () => Promise<T>): Promise<{ result: T } | undefined> {
  const etag = await claim(services, lease);
  if (etag === undefined) return undefined;
  const table = services.storage.table('leases');
  const rowKey = encodeKey(lease.key);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    // Released, not lost: unless another instance took it over meanwhile (then it is theirs).
    await table.deleteEntity(lease.schoolId, rowKey, { etag }).catch((release: unknown) => {
      if (!isChangedUnderUs(release) && !isNotFound(release)) throw release;
    });
    throw error;
  }
  // Done whoever holds it now: the work is idempotent, and it has been done.
  await table.upsertEntity({ partitionKey: lease.schoolId, rowKey, state: 'done', doneAt: services.now().toISOString() }, 'Replace');
  return { result };
}

/** The lease's etag once this instance holds it; undefined when the run is done or held elsewhere. */
async function claim(services: Services, lease: JobLease): Promise<string | undefined> {
  const table = services.storage.table('leases');
  const rowKey = encodeKey(lease.key);
  const now = services.now();
  const held = { partitionKey: lease.schoolId, rowKey, state: 'running', heldUntil: new Date(now.getTime() + lease.holdMs).toISOString() };
  try {
    return (await table.createEntity(held)).etag;
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
  const existing = await tryGet(table, lease.schoolId, rowKey);
  // Released a moment ago by a run that failed: the next try takes it.
  if (!existing) return undefined;
  const stored = storedLease.parse(existing);
  if (stored.state === 'done' || (stored.heldUntil !== undefined && stored.heldUntil > now.toISOString())) return undefined;
  try {
    return (await table.updateEntity(held, 'Replace', { etag: existing.etag })).etag;
  } catch (error) {
    if (isChangedUnderUs(error)) return undefined;
    throw error;
  }
}
