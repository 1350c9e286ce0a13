import { Cron } from 'croner';
import type { BackgroundJobs } from '../scheduling/background-jobs';
import type { Services } from '../services';
import { runRetention } from './retention-job';

/** How soon after start an instance catches up on a night no instance ran (or whose run failed). */
const CATCH_UP_AFTER_MS = 2_000;

/**
 * Runs the retention job off the request path: each night at 02:30 UK time, then each hour and
 * once soon after start, which do the night's work only where it is not done yet (a night missed
 * while no instance was running, or a run that failed). Returns the timer to stop.
 */
export function scheduleRetention(services: Services, jobs: BackgroundJobs): Cron {
  const job = { name: 'retention', everyMs: 3_600_000, run: () => runRetention(services, services.now()) };
  setTimeout(() => void jobs.runNow(job), CATCH_UP_AFTER_MS).unref();
  return new Cron('30 * * * *', { timezone: 'Europe/London', unref: true }, () => void jobs.runNow(job));
}
