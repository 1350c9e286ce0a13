import { addDays, isSchoolDay, termDatesCovering } from '../../domain/calendar';
import { schoolDateTimeOf } from '../../domain/school-time';
import type { SchoolSettings } from '../../domain/school-settings';
import type { Services } from '../../services';
import { buildDigest, weekOf } from './build-digest';
import { digestCard } from './digest-card';
import { DIGEST_CHANNEL_KEY, type DigestStore } from './digest-store';

export type DigestOutcome = 'posted' | 'already-posted' | 'not-yet' | 'holiday';

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
export async function runWeeklyDigest(services: Services, store: DigestStore, now: Date): Promise<DigestRun[]> {
  const runs: DigestRun[] = [];
  for (const registration of await store.allRegistrations()) {
    const { settings } = await services.settings.get(registration.schoolId);
    runs.push(await runForSchool(services, store, registration.schoolId, settings, now));
  }
  return runs;
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
