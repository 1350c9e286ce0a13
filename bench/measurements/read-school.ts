import type { Measurement } from '../bench-context';
import { medianMs } from '../timing';

export const READ_RUNS = 5;

/** Every row of the school back out of the tables (what each report starts with). */
export const readSchool: Measurement = {
  name: 'read',
  async run({ services, schoolId }) {
    const ms = await medianMs(READ_RUNS, () => services.school.load(schoolId));
    return { name: 'read all rows from storage', ms, targets: [], note: `median of ${READ_RUNS}` };
  },
};
