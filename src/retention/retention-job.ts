// The nightly retention job (docs/school-data-format.md, "Retention"): per school, leavers whose
// retention period has passed are erased, and proactive messages sent or given up on over 30 days
// ago are emptied to their key and date (so nothing sent once is sent again). Both are idempotent.
// Each school's night is run once under a lease (job-lease.ts) however many instances try: a run
// that fails or dies is tried again, and a night no instance was up for is caught up on (see
// retention-schedule.ts). As for the hourly jobs, one school's failure never stops the others.
import { addDays } from '../domain/calendar';
import { DEFAULT_RETENTION, dueForErasure, retentionNightOf } from '../domain/retention';
import { schoolDateOf, schoolDateTimeOf } from '../domain/school-time';
import { applyErasure, planErasure } from '../erasure/erase-person';
import { runUnderLease } from '../scheduling/job-lease';
import { runForEachSchool, type SchoolJob } from '../scheduling/school-jobs';
import type { Services } from '../services';

/** Longer than a school's run ever takes; an instance that dies mid-run is taken over after it. */
const LEASE_HOLD_MS = 30 * 60_000;

/** How long a message's content is kept once it was sent or given up on. */
export const MESSAGE_CONTENT_KEPT_DAYS = 30;
export const CALENDAR_ROWS_KEPT_DAYS = 7;

export interface RetentionRun {
  schools: number;
  erased: number;
  purged: number;
}

export async function runRetention(services: Services, at: Date): Promise<RetentionRun> {
  const { done } = await runForEachSchool(services, retentionJob, at);
  const claimed = done.flatMap(({ result }) => (result ? [result] : []));
  // Pending messages queued by an older version, or whose index write was lost, are indexed again (once a night).
  if (claimed.length > 0) await services.outbox.reindexPending();
  // A meeting's calendar row is needed only until it has happened; a week's grace covers a late "missed".
  if (claimed.length > 0) await services.calendar?.purgeStartedBefore(addDays(schoolDateOf(at), -CALENDAR_ROWS_KEPT_DAYS));
  const run: RetentionRun = {
    schools: claimed.length,
    erased: claimed.reduce((total, result) => total + result.erased, 0),
    purged: claimed.reduce((total, result) => total + result.purged, 0),
  };
  if (run.schools > 0) services.log.info('retention.done', { ...run });
  return run;
}

/** One school's night; undefined where it was done already, or is being done by another instance. */
const retentionJob: SchoolJob<{ erased: number; purged: number } | undefined> = {
  name: 'retention',
  schools: (services) => schoolsWithData(services),
  runForSchool: async (services, schoolId, at) => {
    const lease = { schoolId, key: `retention|${retentionNightOf(schoolDateTimeOf(at))}`, holdMs: LEASE_HOLD_MS };
    const run = await runUnderLease(services, lease, async () => {
      const endedBefore = new Date(at.getTime() - MESSAGE_CONTENT_KEPT_DAYS * 86_400_000).toISOString();
      const erased = await eraseExpiredLeavers(services, schoolId, schoolDateOf(at));
      return { erased, purged: await services.outbox.purgeFinished(schoolId, endedBefore) };
    });
    return run?.result;
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

/** Every school with a roster or an outbox. */
async function schoolsWithData(services: Services): Promise<string[]> {
  const schools = new Set<string>();
  for (const table of ['people', 'outbox'] as const)
    for (const schoolId of await services.storage.schoolsHolding(table)) schools.add(schoolId);
  return [...schools].sort();
}
