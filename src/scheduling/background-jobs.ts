import { describeError, type Logger } from '../observability/log';

export interface BackgroundJob {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/**
 * Runs jobs on fixed intervals off the request path, one run of each job at a time. Work that
 * would take a turn past Teams' 15-second limit (sending, reminders, digests) lives here.
 */
export class BackgroundJobs {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<string, Promise<unknown>>();
  private stopped = false;

  constructor(private readonly log: Logger) {}

  start(jobs: readonly BackgroundJob[]): void {
    for (const job of jobs) {
      const timer = setInterval(() => void this.runNow(job), job.everyMs);
      timer.unref();
      this.timers.push(timer);
    }
  }

  /** Runs the job now unless a run is already under way (then that run is returned). */
  runNow(job: BackgroundJob): Promise<unknown> {
    if (this.stopped) return Promise.resolve();
    let run = this.running.get(job.name);
    if (!run) {
      run = job
        .run()
        .catch((error: unknown) => this.log.error('job.failed', { job: job.name, ...describeError(error) }))
        .finally(() => this.running.delete(job.name));
      this.running.set(job.name, run);
    }
    return run;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await Promise.all(this.running.values());
  }
}
