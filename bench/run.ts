// `npm run bench`: how long the big jobs take on a 1,500-pupil school with ~40,000 attendance rows,
// on in-memory Azurite; then bot turns under load (50 conversations on loopback) on the demo school.
// Prints one line per figure with its targets; not a test, so it exits 0 whether or not targets are
// met. Add a measurement: a file in bench/measurements, listed below. `npm run bench -- NAME...`
// runs only the named measurements (e.g. `waypoint-turns rss`), for working on one figure; the
// trust-scale ones (20 schools in one storage) run only so.

import os from 'node:os';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/observability/log';
import { scaledSchoolForBenchmark, withPlannedActivities } from '../src/schooldata/demo-school';
import { openServices } from '../src/services';
import { startInMemoryAzurite } from '../src/storage/embedded-azurite';
import type { BenchContext, Measurement } from './bench-context';
import { attendanceSave } from './measurements/attendance-save';
import { bookingRace } from './measurements/booking-race';
import { engineOnly } from './measurements/engine-only';
import { BENCH_ATTENDANCE_ROWS, BENCH_PLANNED_ACTIVITIES, BENCH_PUPILS, importSchool } from './measurements/import-school';
import { hostileText } from './measurements/hostile-text';
import { linkTurnsAgainstEcho } from './measurements/link-turns-against-echo';
import { outboxPoll } from './measurements/outbox-poll';
import { readSchool } from './measurements/read-school';
import { reportFromStorage } from './measurements/report-from-storage';
import { rssAfterTurns } from './measurements/rss-after-turns';
import { TRUST_SCHOOLS, trustDigest, trustReport } from './measurements/trust-scale';
import { understandingLines } from './measurements/understanding';
import { twoProcesses } from './measurements/two-processes';
import { printFigure } from './printer';
import { CONVERSATIONS, startTurnBench, type TurnMeasurement } from './turn-bench';
import { printLine, type Line } from './turn-lines';

const AS_OF = '2026-03-15';
const SCHOOL_ID = 'bench';
const TABLE_PREFIX = 'bench';

/** In order: later measurements read what earlier ones stored. */
const MEASUREMENTS: readonly Measurement[] = [
  importSchool,
  readSchool,
  reportFromStorage,
  engineOnly,
  hostileText,
  outboxPoll,
  trustReport,
  trustDigest,
];

/** Bot turns, on storage of their own holding the demo school (attendance-save adds a 3,000-pupil school: last). */
const TURN_MEASUREMENTS: readonly TurnMeasurement[] = [linkTurnsAgainstEcho, bookingRace, rssAfterTurns, twoProcesses, attendanceSave];

/** Pure figures, needing no storage: free text against the held-out phrasings. */
const PURE_MEASUREMENTS: ReadonlyArray<{ name: string; lines(): Promise<Line[]> }> = [{ name: 'understanding', lines: understandingLines }];

/** Run only when named: importing a trust's 19 more schools into in-memory Azurite takes minutes. */
const BY_NAME_ONLY = new Set([trustReport.name, trustDigest.name]);

const ONLY = new Set(process.argv.slice(2));
const chosen = <T extends { name: string }>(list: readonly T[]): T[] =>
  list.filter((measurement) => (ONLY.size === 0 ? !BY_NAME_ONLY.has(measurement.name) : ONLY.has(measurement.name)));

async function main(): Promise<void> {
  const every = [...MEASUREMENTS, ...TURN_MEASUREMENTS, ...PURE_MEASUREMENTS];
  const unknown = [...ONLY].filter((name) => !every.some((measurement) => measurement.name === name));
  if (unknown.length > 0)
    throw new Error(`no measurement named ${unknown.join(', ')}; the names are ${every.map((measurement) => measurement.name).join(', ')}`);
  for (const measurement of chosen(PURE_MEASUREMENTS)) {
    process.stdout.write(`Free text (${measurement.name}): held-out phrasings, testing/understanding/held-out-phrasings.json\n`);
    for (const line of await measurement.lines()) printLine(line);
  }
  if (chosen(MEASUREMENTS).length > 0) await runSchoolMeasurements();
  if (chosen(TURN_MEASUREMENTS).length > 0) await runTurnMeasurements();
  if (ONLY.size === 0)
    process.stdout.write(
      `Trust scale (${TRUST_SCHOOLS} schools in one storage) is measured apart: npm run bench -- ${[...BY_NAME_ONLY].join(' ')}\n`,
    );
}

async function runSchoolMeasurements(): Promise<void> {
  // With a year's plan: the report's forecast reads every planned activity.
  const school = withPlannedActivities(
    scaledSchoolForBenchmark({ asOf: AS_OF, pupils: BENCH_PUPILS, attendanceRows: BENCH_ATTENDANCE_ROWS }),
    AS_OF,
    BENCH_PLANNED_ACTIVITIES,
  );
  const storage = await startInMemoryAzurite();
  const config = loadConfig({
    TEAMSFX_ENV: 'test',
    WAYPOINT_STORAGE_CONNECTION_STRING: storage.connectionString,
    WAYPOINT_TABLE_PREFIX: TABLE_PREFIX,
  });
  const opened = await openServices(
    config,
    createLogger('warn', (line) => process.stderr.write(line)),
  );
  try {
    const context: BenchContext = {
      services: opened.services,
      storageConnectionString: storage.connectionString,
      tablePrefix: TABLE_PREFIX,
      schoolId: SCHOOL_ID,
      asOf: AS_OF,
      school,
      figures: new Map(),
    };
    process.stdout.write(`Waypoint bench: ${process.version}, in-memory Azurite, as of ${AS_OF}\n`);
    for (const measurement of chosen(MEASUREMENTS)) {
      const figure = await measurement.run(context);
      context.figures.set(measurement.name, figure);
      printFigure(figure);
    }
  } finally {
    await opened.close();
    await storage.close();
  }
}

async function runTurnMeasurements(): Promise<void> {
  const bench = await startTurnBench();
  try {
    // Other work on the machine skews every turn figure: say how busy it was when we started.
    const load = os.loadavg()[0]!.toFixed(1);
    process.stdout.write(
      `Bot turns: ${CONVERSATIONS} conversations on loopback, demo school on in-memory Azurite; ${os.cpus().length} cores, ` +
        `load average ${load} at start\n`,
    );
    for (const measurement of chosen(TURN_MEASUREMENTS)) for (const line of await measurement.run(bench)) printLine(line);
  } finally {
    await bench.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
