import { Cron } from 'croner';
import { MONDAY, weekdayOnOrBefore } from '../domain/calendar';
import { actionReminderJob } from '../journeys/meetings/action-reminders';
import { weeklyDigestJob, type DigestRun, type TeamCheck } from '../journeys/digest/weekly-digest-job';
import { orphanedSlotsJob } from '../journeys/meetings/booking-store';
import { meetingReminderJob } from '../journeys/meetings/meeting-reminders';
import { nudgeJob } from '../journeys/nudges/nudge-job';
import { planAttendanceJob } from '../journeys/encounters/plan-attendance-job';
import { FAN_OUT_EVERY_MS, runAttendanceFanOut } from '../journeys/encounters/attendance-fan-out-job';
import { schoolDateTimeOf } from '../domain/school-time';
import { describeError } from '../observability/log';
import type { OutboxSender } from '../outbox/outbox-sender';
import type { CalendarSync } from '../journeys/meetings/calendar-sync';
import { scheduleRetention } from '../retention/retention-schedule';
import type { Services } from '../services';
import { BackgroundJobs, type BackgroundJob } from './background-jobs';
import { runForEachSchool, type SchoolJob } from './school-jobs';

const OUTBOX_TICK_MS = 5_000;
const CALENDAR_TICK_MS = 15_000;

export interface ScheduledJobs {
  /** The weekly-digest check, for a given time (the development trigger moves the clock). */
  runWeeklyDigest(at: Date): Promise<DigestRun[]>;
  /** Teacher and pupil nudges (with the leader's consent), as if the clock said `at`. */
  runNudges(at: Date): Promise<number>;
  /** The whole hourly check, as if the clock said `at`. */
  runHourly(at: Date): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Everything that runs off the request path: sending the outbox every few seconds (and soon
 * after a turn queues something), the work per pupil after attendance is saved (the feedback
 * asks, every few seconds), and an hourly check, on the hour in UK time, that posts each
 * school's weekly digest once its day and hour have come (which also catches up after downtime),
 * queues meeting reminders and the nudges the careers leader has agreed to, and frees slots that
 * a half-finished change left booked.
 */
export function startScheduledJobs(
  services: Services,
  outboxSender: OutboxSender,
  options: { background: boolean; teamHasPupils: TeamCheck; calendarSync?: CalendarSync },
): ScheduledJobs {
  const jobs = new BackgroundJobs(services.log);
  const digestJob = weeklyDigestJob(options.teamHasPupils);
  // The hourly check's jobs, in this order, each run for each school on its own (see
  // runForEachSchool). A new job is one line here.
  const schoolJobs: SchoolJob[] = [digestJob, nudgeJob, meetingReminderJob, actionReminderJob, planAttendanceJob, orphanedSlotsJob];
  const sendOutbox: BackgroundJob = { name: 'outbox', everyMs: OUTBOX_TICK_MS, run: () => outboxSender.flush() };
  const fanOut: BackgroundJob = { name: 'attendance-fan-out', everyMs: FAN_OUT_EVERY_MS, run: () => runAttendanceFanOut(services) };
  const runHourly = async (at: Date) => {
    for (const job of schoolJobs) await runForEachSchool(services, job, at);
    await outboxSender.flush().catch((error: unknown) => services.log.error('job.failed', { job: 'outbox', ...describeError(error) }));
  };
  const hourlyJob: BackgroundJob = { name: 'hourly', everyMs: 3_600_000, run: () => runHourly(services.now()) };
  let hourly: Cron | undefined;
  let retention: Cron | undefined;
  if (options.background) {
    retention = scheduleRetention(services, jobs);
    jobs.start([sendOutbox, fanOut]);
    services.outbox.onQueued(() => setTimeout(() => void jobs.runNow(sendOutbox), 50).unref());
    const { calendarSync } = options;
    if (calendarSync && services.calendar) {
      const syncCalendars: BackgroundJob = { name: 'calendar', everyMs: CALENDAR_TICK_MS, run: () => calendarSync.flush() };
      jobs.start([syncCalendars]);
      services.calendar.onRequested(() => setTimeout(() => void jobs.runNow(syncCalendars), 50).unref());
    }
    hourly = new Cron('0 * * * *', { timezone: 'Europe/London', unref: true }, () => void jobs.runNow(hourlyJob));
    // Catch up at once on a digest that fell due while no instance was running.
    setTimeout(() => void jobs.runNow(hourlyJob), 2_000).unref();
  }
  return {
    runWeeklyDigest: async (at) => {
      const run = await runForEachSchool(services, digestJob, at);
      await outboxSender.flush();
      const week = weekdayOnOrBefore(schoolDateTimeOf(at).slice(0, 10), MONDAY);
      return [
        ...run.done.map(({ result }) => result),
        ...run.failed.map((schoolId): DigestRun => ({ schoolId, weekOf: week, outcome: 'failed' })),
      ];
    },
    runNudges: async (at) => {
      const run = await runForEachSchool(services, nudgeJob, at);
      await outboxSender.flush();
      return run.done.reduce((total, { result }) => total + result, 0);
    },
    runHourly,
    stop: async () => {
      hourly?.stop();
      retention?.stop();
      await jobs.stop();
    },
  };
}
