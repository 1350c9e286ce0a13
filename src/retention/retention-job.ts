// The daily retention job (school-data-format.md, "Retention"): per school, leavers whose
// retention period has passed are erased, and proactive messages sent or given up on over 30 days
// ago are emptied to their key and date (so nothing sent once is sent again).
// Both are idempotent; a per-school, per-day marker in the leases table lets one instance of several
// do each school's run, and, as for the hourly jobs, one school's failure never stops the others.
import { schoolDateOf } from '../domain/school-time';
import { DEFAULT_RETENTION, dueForErasure } from '../domain/retention';
import { applyErasure, planErasure } from '../erasure/erase-person';
import { runForEachSchool, type SchoolJob } from '../scheduling/school-jobs';
import type { Services } from '../services';
import { isAlreadyExists } from '../storage/errors';
import { encodeKey } from '../storage/keys';

/** How long a message's content is kept once it was sent or given up on. */
export const MESSAGE_CONTENT_KEPT_DAYS = 30;

export interface RetentionRun {
  schools: number;
  erased: number;
  purged: number;
}

export async function runRetention(services: Services, at: Date): Promise<RetentionRun> {
  // Pending messages queued by an older version, or whose index write was lost, are indexed again.
  await services.outbox.reindexPending();
  const { done } = await runForEachSchool(services, retentionJob, at);
  const claimed = done.flatMap(({ result }) => (result ? [result] : []));
  const run: RetentionRun = {
    schools: claimed.length,
    erased: claimed.reduce((total, result) => total + result.erased, 0),
    purged: claimed.reduce((total, result) => total + result.purged, 0),
  };
  services.log.info('retention.done', { ...run });
  return run;
}

/** One school's run; undefined where another instance claimed it today. Failures are isolated per school by runForEachSchool. */
const retentionJob: SchoolJob<{ erased: number; purged: number } | undefined> = {
  name: 'retention',
  schools: (services) => schoolsWithData(services),
  runForSchool: async (services, schoolId, at) => {
    const today = schoolDateOf(at);
    if (!(await claimToday(services, schoolId, today))) return undefined;
    const endedBefore = new Date(at.getTime() - MESSAGE_CONTENT_KEPT_DAYS * 86_400_000).toISOString();
    return {
      erased: await eraseExpiredLeavers(services, schoolId, today),
      purged: await services.outbox.purgeFinished(schoolId, endedBefore),
    };
  },
};

async function eraseExpiredLeavers(services: Services, schoolId: string, today: string): Promise<number> {
  const { settings } = await services.settings.get(schoolId);
  const due = dueForErasure(await services.school.people.list(schoolId), today, settings.retention ?? DEFAULT_RETENTION);
  let erased = 0;
  for (const person of due) {
    // Planned afresh: another run may have erased them since the roster was read.
    const plan = await planErasure(services, schoolId, person.id);
    if (!plan) continue;
    await applyErasure(services, plan, 'retention');
    erased++;
  }
  return erased;
}

/** True for the first instance to claim this school's run today. */
async function claimToday(services: Services, schoolId: string, today: string): Promise<boolean> {
  try {
    await services.storage
      .table('leases')
      .createEntity({ partitionKey: schoolId, rowKey: encodeKey(`retention|${today}`), claimedAt: services.now().toISOString() });
    return true;
  } catch (error) {
    if (isAlreadyExists(error)) return false;
    throw error;
  }
}

/** Every school with a roster or an outbox. */
async function schoolsWithData(services: Services): Promise<string[]> {
  const schools = new Set<string>();
  for (const table of ['people', 'outbox'] as const)
    for (const schoolId of await services.storage.schoolsHolding(table)) schools.add(schoolId);
  return [...schools].sort();
}
