import { loadConfig } from '../../src/config';
import { loadBenchmarkReport } from '../../src/journeys/report/report-store';
import { createLogger } from '../../src/observability/log';
import { scaledSchoolForBenchmark } from '../../src/schooldata/demo-school';
import { startWaypoint } from '../../src/waypoint';
import type { BenchContext, Measurement } from '../bench-context';
import { LoopbackConnector } from '../loopback-connector';
import { formatDuration, underMs } from '../printer';
import { medianMs, timed } from '../timing';
import { BENCH_ATTENDANCE_ROWS, BENCH_PUPILS, importSchool, importThroughFiles } from './import-school';
import { REPORT_RUNS, reportFromStorage } from './report-from-storage';

// A trust: one deployment, one storage account, 20 schools of 1,500 pupils each. Each school has
// tables of its own, so one school's report should cost what it costs alone, and the Monday digest
// job, which builds and posts every school's digest in turn, should finish within two minutes.

export const TRUST_SCHOOLS = 20;
/** Imports at once: storage (one Azurite process) is the bottleneck, so a few keep it busy. */
const CONCURRENT_IMPORTS = 3;
/** Monday 16 March 2026, 08:00 in London (GMT): every school's default digest time, in term. */
const MONDAY_8AM = new Date('2026-03-16T08:00:00Z');

const trustSchoolId = (index: number) => `trust-${String(index).padStart(2, '0')}`;
/** The bench school and 19 more, each generated with its own seed. */
const trustSchoolIds = (schoolId: string) => [
  schoolId,
  ...Array.from({ length: TRUST_SCHOOLS - 1 }, (_, index) => trustSchoolId(index + 2)),
];

/** The bench school, when `npm run bench -- trust-...` runs without the import measurement. */
async function ensureBenchSchool(context: BenchContext): Promise<void> {
  if (!context.figures.has(importSchool.name)) context.figures.set(importSchool.name, await importSchool.run(context));
}

/** Per run: what importing the other schools took, said once they are in. */
const trustImports = new WeakMap<BenchContext, Promise<string>>();

/** The other 19 schools, imported once per run (by whichever trust measurement runs first), as `npm run import` would. */
function ensureTrustSchools(context: BenchContext): Promise<string> {
  let imported = trustImports.get(context);
  if (!imported) {
    imported = importTrustSchools(context);
    trustImports.set(context, imported);
  }
  return imported;
}

async function importTrustSchools(context: BenchContext): Promise<string> {
  await ensureBenchSchool(context);
  const others = trustSchoolIds(context.schoolId).slice(1);
  const queue = others.map(
    (schoolId, index) => () =>
      importThroughFiles(
        context.services,
        schoolId,
        scaledSchoolForBenchmark({ asOf: context.asOf, pupils: BENCH_PUPILS, attendanceRows: BENCH_ATTENDANCE_ROWS, seed: 1_000 + index }),
      ),
  );
  const { ms } = await timed(() =>
    Promise.all(
      Array.from({ length: CONCURRENT_IMPORTS }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await next();
      }),
    ),
  );
  return `${others.length} more schools imported in ${formatDuration(ms)}`;
}

/** One school's report with 19 others in the same tables, against the same report with it alone. */
export const trustReport: Measurement = {
  name: 'trust-report',
  async run(context) {
    const { services, schoolId, asOf, figures } = context;
    await ensureBenchSchool(context);
    const alone = figures.get(reportFromStorage.name)?.ms ?? (await reportFromStorage.run(context)).ms;
    const imported = await ensureTrustSchools(context);
    const ms = await medianMs(REPORT_RUNS, () => loadBenchmarkReport(services, schoolId, asOf));
    return {
      name: `report for 1 of ${TRUST_SCHOOLS} schools in one storage`,
      ms,
      targets: [{ label: '< 1.2x one school alone', ratio: ms / (1.2 * alone) }],
      note: `median of ${REPORT_RUNS}; alone ${formatDuration(alone)}, ${(ms / alone).toFixed(2)}x; ${imported}`,
    };
  },
};

/** The hourly job at Monday 08:00 with every school's digest due: built, recorded, and posted to its channel. */
export const trustDigest: Measurement = {
  name: 'trust-digest',
  async run(context) {
    await ensureTrustSchools(context);
    const connector = new LoopbackConnector();
    await connector.start();
    const waypoint = await startWaypoint(
      loadConfig({
        TEAMSFX_ENV: 'test',
        WAYPOINT_STORAGE_CONNECTION_STRING: context.storageConnectionString,
        WAYPOINT_TABLE_PREFIX: context.tablePrefix,
        PORT: '0',
        HOST: '127.0.0.1',
      }),
      { log: createLogger('warn', (line) => process.stderr.write(line)), backgroundJobs: false, now: () => MONDAY_8AM },
    );
    try {
      const digests = waypoint.services.digests;
      for (const schoolId of trustSchoolIds(context.schoolId)) {
        const channelId = `19:careers-${schoolId}@thread.tacv2`;
        await digests.register(
          {
            schoolId,
            teamId: `19:team-${schoolId}@thread.tacv2`,
            channelId,
            registeredBy: 'bench',
            registeredAt: MONDAY_8AM.toISOString(),
          },
          {
            serviceUrl: connector.url,
            channelId: 'msteams',
            conversation: { id: channelId, conversationType: 'channel', isGroup: true, name: '' },
            bot: { id: '28:waypoint-bot', name: 'Waypoint' },
          },
        );
      }
      const { ms, result: runs } = await timed(() => waypoint.jobs.runWeeklyDigest(MONDAY_8AM));
      const posted = runs.filter((run) => run.outcome === 'posted').length;
      if (posted !== TRUST_SCHOOLS || connector.replies !== TRUST_SCHOOLS) {
        throw new Error(`the digest job posted ${posted} digests and sent ${connector.replies}; expected ${TRUST_SCHOOLS} of each`);
      }
      return {
        name: `Monday digest job, ${TRUST_SCHOOLS} schools`,
        ms,
        targets: [underMs(ms, 120_000)],
        note: `${posted} digests built and posted, ${formatDuration(ms / TRUST_SCHOOLS)} a school`,
      };
    } finally {
      await waypoint.close();
      await connector.stop();
    }
  },
};
