import { describeError } from '../observability/log';
import type { Services } from '../services';

/**
 * Work the hourly check does for each school. Each school's run is on its own: a bad row or a
 * storage error in one school is logged (ids only) and the other schools, and the other jobs, go
 * on. Nothing marks a failed school's work done (its messages are keyed, its digest recorded only
 * once posted), so the next hour tries it again.
 */
export interface SchoolJob<Result = unknown> {
  name: string;
  /** The schools to look at, as of `at`. */
  schools(services: Services, at: Date): Promise<string[]>;
  runForSchool(services: Services, schoolId: string, at: Date): Promise<Result>;
}

export interface SchoolJobRun<Result> {
  done: Array<{ schoolId: string; result: Result }>;
  failed: string[];
}

export async function runForEachSchool<Result>(services: Services, job: SchoolJob<Result>, at: Date): Promise<SchoolJobRun<Result>> {
  const run: SchoolJobRun<Result> = { done: [], failed: [] };
  let schools: string[];
  try {
    schools = await job.schools(services, at);
  } catch (error) {
    services.log.error('job.failed', { job: job.name, ...describeError(error) });
    return run;
  }
  for (const schoolId of schools) {
    try {
      run.done.push({ schoolId, result: await job.runForSchool(services, schoolId, at) });
    } catch (error) {
      run.failed.push(schoolId);
      services.log.error('job.school_failed', { job: job.name, schoolId, ...describeError(error) });
    }
  }
  return run;
}
