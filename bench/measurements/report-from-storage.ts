import { loadBenchmarkReport } from '../../src/journeys/report/report-store';
import type { Measurement } from '../bench-context';
import { underMs } from '../printer';
import { medianMs } from '../timing';
import { readSchool } from './read-school';

export const REPORT_RUNS = 5;

/** The report as `npm run report` and the Teams card make it: read everything, then compute. */
export const reportFromStorage: Measurement = {
  name: 'report',
  async run({ services, schoolId, asOf, figures }) {
    const ms = await medianMs(REPORT_RUNS, () => loadBenchmarkReport(services, schoolId, asOf));
    const read = figures.get(readSchool.name);
    return {
      name: 'report end to end from storage',
      ms,
      // Reading dominates: the report should cost little more than the read it starts with.
      targets: [underMs(ms, 2_000), ...(read ? [{ label: '< 1.5x read', ratio: ms / (1.5 * read.ms) }] : [])],
      note: `median of ${REPORT_RUNS}`,
    };
  },
};
