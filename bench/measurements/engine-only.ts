import { computeBenchmarkReport } from '../../src/domain/benchmarks';
import { defaultSchoolSettings } from '../../src/domain/school-settings';
import type { Measurement } from '../bench-context';
import { underMs } from '../printer';
import { medianMs } from '../timing';

export const ENGINE_RUNS = 9;

/** The pure engine on data already in memory: rows and ranked gaps. */
export const engineOnly: Measurement = {
  name: 'engine',
  async run({ school, asOf }) {
    const settings = defaultSchoolSettings();
    const ms = await medianMs(ENGINE_RUNS, () => computeBenchmarkReport(school, asOf, settings, { publishedFreeSlots: 0 }));
    return { name: 'benchmark engine alone (in memory)', ms, targets: [underMs(ms, 100)], note: `median of ${ENGINE_RUNS}` };
  },
};
