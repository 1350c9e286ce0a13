import type { SchoolData } from '../src/domain/school';
import type { Services } from '../src/services';
import type { Figure } from './printer';

/** What every measurement gets: a school, storage to put it in, and the figures measured so far. */
export interface BenchContext {
  services: Services;
  /** Where services keep their tables, for a measurement that starts a whole bot on them. */
  storageConnectionString: string;
  tablePrefix: string;
  schoolId: string;
  asOf: string;
  /** The school as generated (before any import). */
  school: SchoolData;
  /** Earlier figures by name, so a later one can be judged against them (report vs read). */
  figures: Map<string, Figure>;
}

/** One measurement per file under bench/measurements; run.ts runs them in order. */
export interface Measurement {
  name: string;
  run(context: BenchContext): Promise<Figure>;
}
