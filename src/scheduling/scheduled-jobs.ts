import { Cron } from 'croner';
import type { CloudAdapter } from 'botbuilder';
import { DigestStore } from '../journeys/digest/digest-store';
import { runWeeklyDigest } from '../journeys/digest/weekly-digest-job';
import { queueMeetingReminders } from '../journeys/meetings/meeting-reminders';
import { runNudges } from '../journeys/nudges/nudge-job';
import type { OutboxSender } from '../outbox/outbox-sender';
import { scheduleRetention } from '../retention/retention-schedule';
import type { Services } from '../services';
import { BackgroundJobs, type BackgroundJob } from './background-jobs';

const OUTBOX_TICK_MS = 5_000;

export interface ScheduledJobs {
  /** The weekly-digest check, for a given time (the development trigger moves the clock). */
  runWeeklyDigest(at: Date): ReturnType<typeof runWeeklyDigest>;
  /** Teacher and pupil nudges (with the leader's consent), as if the clock said `at`. */
  runNudges(at: Date): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Everything that runs off the request path: sending the outbox every few seconds (and soon
 * after a turn queues something), and an hourly check, on the hour in UK time, that posts each
 * school's weekly digest once its day and hour have come (which also catches up after downtime)
 * and queues meeting reminders and the nudges the careers leader has agreed to.
 */
export function startScheduledJobs(services: Services, outboxSender: OutboxSender, options: { background: boolean }): ScheduledJobs {
  const jobs = new BackgroundJobs(services.log);
  const digests = new DigestStore(services);
  const sendOutbox: BackgroundJob = { name: 'outbox', everyMs: OUTBOX_TICK_MS, run: () => outboxSender.flush() };
  const hourlyJob: BackgroundJob = {
    name: 'hourly',
    everyMs: 3_600_000,
    run: async () => {
      await runWeeklyDigest(services, digests, services.now());
      await runNudges(services, services.now());
      await queueMeetingReminders(services, services.now());
      await outboxSender.flush();
    },
  };
  let hourly: Cron | undefined;
  let retention: Cron | undefined;
  if (options.background) {
    retention = scheduleRetention(services, jobs);
    jobs.start([sendOutbox]);
    services.outbox.onQueued(() => setTimeout(() => void jobs.runNow(sendOutbox), 50).unref());
    hourly = new Cron('0 * * * *', { timezone: 'Europe/London', unref: true }, () => void jobs.runNow(hourlyJob));
    // Catch up at once on a digest that fell due while no instance was running.
    setTimeout(() => void jobs.runNow(hourlyJob), 2_000).unref();
  }
  return {
    runWeeklyDigest: async (at) => {
      const runs = await runWeeklyDigest(services, digests, at);
      await outboxSender.flush();
      return runs;
    },
    runNudges: async (at) => {
      const queued = await runNudges(services, at);
      await outboxSender.flush();
      return queued;
    },
    stop: async () => {
      hourly?.stop();
      retention?.stop();
      await jobs.stop();
    },
  };
}
