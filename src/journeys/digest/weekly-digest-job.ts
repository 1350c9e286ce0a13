import { addDays, isSchoolDay, termDatesCovering } from '../../domain/calendar';
import { schoolDateTimeOf } from '../../domain/school-time';
import type { SchoolSettings } from '../../domain/school-settings';
import type { SchoolJob } from '../../scheduling/school-jobs';
import type { Services } from '../../services';
import { buildDigest, weekOf } from './build-digest';
import { digestCard } from './digest-card';
import { DIGEST_CHANNEL_KEY, type DigestStore } from './digest-store';

/** 'failed': this school's run broke (logged); the next hourly run tries again. */
export type DigestOutcome = 'posted' | 'already-posted' | 'not-yet' | 'holiday' | 'failed';

export interface DigestRun {
  schoolId: string;
  weekOf: string;
  outcome: DigestOutcome;
}

/**
 * The weekly job, run hourly and at start-up. For each school with a digest channel: once its
 * day and hour have come this week (UK time), and the week has school days, it records this
 * week's digest (first writer wins, so two instances agree on one) and queues it under a key of
 * the week, so it is posted exactly once, and an instance that was down catches up when it returns.
 */
export function weeklyDigestJob(store: DigestStore): SchoolJob<DigestRun> {
  return {
    name: 'weekly-digest',
    schools: async () => (await store.allRegistrations()).map((registration) => registration.schoolId),
    runForSchool: async (services, schoolId, now) => runForSchool(services, store, schoolId, (await services.settings.get(schoolId)).settings, now),
  };
}

async function runForSchool(services: Services, store: DigestStore, schoolId: string, settings: SchoolSettings, now: Date): Promise<DigestRun> {
  const local = schoolDateTimeOf(now);
  const today = local.slice(0, 10);
  const week = weekOf(today);
  const scheduled = `${addDays(week, settings.digestDay - 1)}T${String(settings.digestHour).padStart(2, '0')}:00`;
  if (local < scheduled) return { schoolId, weekOf: week, outcome: 'not-yet' };
  if (!weekHasSchoolDays(week, settings)) return { schoolId, weekOf: week, outcome: 'holiday' };

  const key = `digest:${week}`;
  if (await services.outbox.has(schoolId, key)) return { schoolId, weekOf: week, outcome: 'already-posted' };

  const built = await buildDigest(services, store, schoolId, today);
  const recorded = await store.recordWeek(schoolId, week, { asOf: built.report.asOf, rows: built.report.rows }, now.toISOString());
  const card = digestCard(built.digest, { schoolName: built.schoolName });
  const queued = await services.outbox.enqueue({ schoolId, key, to: { kind: 'conversation', conversationKey: DIGEST_CHANNEL_KEY }, card });
  services.log.info('digest.queued', { schoolId, weekOf: week, asOf: recorded.asOf, outcome: queued });
  return { schoolId, weekOf: week, outcome: queued === 'queued' ? 'posted' : 'already-posted' };
}

function weekHasSchoolDays(monday: string, settings: SchoolSettings): boolean {
  const friday = addDays(monday, 4);
  const terms = termDatesCovering(monday, friday, settings.termDates);
  for (let day = 0; day < 5; day++) if (isSchoolDay(addDays(monday, day), terms)) return true;
  return false;
}
