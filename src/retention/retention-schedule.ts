import { Cron } from 'croner';
import type { BackgroundJobs } from '../scheduling/background-jobs';
import type { Services } from '../services';
import { runRetention } from './retention-job';

/** Runs the retention job each night at 02:30 UK time, off the request path; returns the timer to stop. */
export function scheduleRetention(services: Services, jobs: BackgroundJobs): Cron {
  const job = { name: 'retention', everyMs: 86_400_000, run: () => runRetention(services, services.now()) };
  return new Cron('30 2 * * *', { timezone: 'Europe/London', unref: true }, () => void jobs.runNow(job));
}
