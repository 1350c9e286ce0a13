import type { ConversationReference } from 'botbuilder';
import { addDays, isSchoolDay, MONDAY, termDatesCovering, weekdayOnOrBefore } from '../../domain/calendar';
import { schoolDateTimeOf } from '../../domain/school-time';
import { describeError } from '../../observability/log';
import type { SchoolSettings } from '../../domain/school-settings';
import type { SchoolJob } from '../../scheduling/school-jobs';
import type { Services } from '../../services';
import { buildDigest } from './build-digest';
import { digestCard } from './digest-card';
import { DIGEST_CHANNEL_KEY, type DigestRegistration } from './digest-store';

/** 'failed': this school's run broke (logged); the next hourly run tries again. */
export type DigestOutcome = 'posted' | 'already-posted' | 'not-yet' | 'holiday' | 'pupils-in-team' | 'team-unchecked' | 'failed';

/** Whether the team a digest channel belongs to has pupils in it (the Teams roster API, via the channel). */
export type TeamCheck = (registration: DigestRegistration, channel: Partial<ConversationReference>) => Promise<boolean>;

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
export function weeklyDigestJob(teamHasPupils: TeamCheck): SchoolJob<DigestRun> {
  return {
    name: 'weekly-digest',
    schools: async (services) => (await services.digests.allRegistrations()).map((registration) => registration.schoolId),
    runForSchool: async (services, schoolId, now) => {
      const registration = await services.digests.registration(schoolId);
      // Stopped since the list was read: nothing to post.
      if (!registration) return { schoolId, weekOf: weekdayOnOrBefore(schoolDateTimeOf(now).slice(0, 10), MONDAY), outcome: 'not-yet' };
      return runForSchool(services, registration, (await services.settings.get(schoolId)).settings, now, teamHasPupils);
    },
  };
}

async function runForSchool(
  services: Services,
  registration: DigestRegistration,
  settings: SchoolSettings,
  now: Date,
  teamHasPupils: TeamCheck,
): Promise<DigestRun> {
  const { schoolId } = registration;
  const local = schoolDateTimeOf(now);
  const today = local.slice(0, 10);
  const week = weekdayOnOrBefore(today, MONDAY);
  const scheduled = `${addDays(week, settings.digestDay - 1)}T${String(settings.digestHour).padStart(2, '0')}:00`;
  if (local < scheduled) return { schoolId, weekOf: week, outcome: 'not-yet' };
  if (!weekHasSchoolDays(week, settings)) return { schoolId, weekOf: week, outcome: 'holiday' };

  const key = `digest:${week}`;
  if (await services.outbox.has(schoolId, key)) return { schoolId, weekOf: week, outcome: 'already-posted' };

  // Pupils may have joined the team since the channel was chosen: check every week before posting.
  const channel = await services.conversations.find(schoolId, DIGEST_CHANNEL_KEY);
  try {
    if (channel && (await teamHasPupils(registration, channel))) return await refuseTeamWithPupils(services, registration, week);
  } catch (error) {
    // Not known to be safe: try again on the next hourly run.
    services.log.warn('digest.team_unchecked', { schoolId, weekOf: week, ...describeError(error) });
    return { schoolId, weekOf: week, outcome: 'team-unchecked' };
  }

  const built = await buildDigest(services, schoolId, today);
  const recorded = await services.digests.recordWeek(
    schoolId,
    week,
    { asOf: built.report.asOf, rows: built.report.rows },
    now.toISOString(),
  );
  const card = digestCard(built.digest, { schoolName: built.schoolName });
  const queued = await services.outbox.enqueue({ schoolId, key, to: { kind: 'conversation', conversationKey: DIGEST_CHANNEL_KEY }, card });
  services.log.info('digest.queued', { schoolId, weekOf: week, asOf: recorded.asOf, outcome: queued });
  return { schoolId, weekOf: week, outcome: queued === 'queued' ? 'posted' : 'already-posted' };
}

/** Stops the digest there and tells whoever chose the channel why, once. */
async function refuseTeamWithPupils(services: Services, registration: DigestRegistration, week: string): Promise<DigestRun> {
  await services.digests.unregister(registration.schoolId);
  await services.outbox.enqueue({
    schoolId: registration.schoolId,
    key: `digest-pupils-in-team:${registration.teamId}:${week}`,
    to: { kind: 'person', personId: registration.registeredBy },
    text:
      'I haven’t posted this week’s careers digest, and I’ve stopped posting it: the team where it went now has pupils in ' +
      'it, and the digest counts pupils by year group and group. ' +
      'Say “post the digest here” in a channel of a team for staff only to start it again.',
  });
  services.log.info('digest.pupils_in_team', { schoolId: registration.schoolId, weekOf: week });
  return { schoolId: registration.schoolId, weekOf: week, outcome: 'pupils-in-team' };
}

function weekHasSchoolDays(monday: string, settings: SchoolSettings): boolean {
  const friday = addDays(monday, 4);
  const terms = termDatesCovering(monday, friday, settings.termDates);
  for (let day = 0; day < 5; day++) if (isSchoolDay(addDays(monday, day), terms)) return true;
  return false;
}
