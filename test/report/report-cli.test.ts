import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { emptySchoolData } from '../../src/domain/school';
import { createLogger } from '../../src/observability/log';
import { openServices, type OpenedServices } from '../../src/services';
import { startInMemoryAzurite, type EmbeddedStorage } from '../../src/storage/embedded-azurite';
import { expectedReport, SMALL_SCHOOL_AS_OF, SMALL_SCHOOL_SETTINGS, smallSchool } from './small-school';

const ROOT = path.resolve(__dirname, '../..');
const PREFIX = 'report';
const run = promisify(execFile);

/** Runs `npm run report` as a user would (the real CLI, its own process) against our Azurite. */
async function report(storage: EmbeddedStorage, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        TEAMSFX_ENV: 'test',
        WAYPOINT_STORAGE_CONNECTION_STRING: storage.connectionString,
        WAYPOINT_TABLE_PREFIX: PREFIX,
      },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run report', () => {
  let storage: EmbeddedStorage;
  let opened: OpenedServices;
  beforeAll(async () => {
    storage = await startInMemoryAzurite();
    const config = loadConfig({
      TEAMSFX_ENV: 'test',
      WAYPOINT_STORAGE_CONNECTION_STRING: storage.connectionString,
      WAYPOINT_TABLE_PREFIX: PREFIX,
    });
    opened = await openServices(config, createLogger('silent'));
    await opened.services.school.import(config.defaultSchoolId, smallSchool(), emptySchoolData());
    await opened.services.settings.save(config.defaultSchoolId, SMALL_SCHOOL_SETTINGS, undefined);
  });
  afterAll(async () => {
    await opened?.close();
    await storage?.close();
  });

  it('prints exactly the contract JSON, equal to computeBenchmarkReport for the same data', async () => {
    const result = await report(storage, '--as-of', SMALL_SCHOOL_AS_OF, '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(Object.keys(printed)).toEqual(['asOf', 'rows', 'gaps']);
    const data = await opened.services.school.load(opened.services.config.defaultSchoolId);
    expect(printed).toEqual(expectedReport(data, SMALL_SCHOOL_AS_OF, SMALL_SCHOOL_SETTINGS));
    expect(printed.rows).toContainEqual({ benchmark: '5', yearGroup: 11, met: 0, planned: 0, unplanned: 2, total: 2 });
  });

  it('prints a readable aligned table without --json', async () => {
    const result = await report(storage, '--as-of', SMALL_SCHOOL_AS_OF);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Benchmark report for Northfield Academy, as of Sun 15 Mar 2026 (academic year 2025/26)');
    expect(lines[2]).toMatch(/^Benchmark {2}Year group {2}Met\/total {2}Percent {2}Planned {2}Unplanned$/);
    expect(result.stdout).toMatch(/^1 +School +1\/1 +100% +0 +0 +Careers programme published$/m);
    expect(result.stdout).toMatch(/^5 +Year 11 +0\/2 +0% +0 +2$/m);
    // Numbers are right-aligned under their headings, so every row ends each column in the same place.
    const header = lines[2]!;
    const metEnd = header.indexOf('Met/total') + 'Met/total'.length - 1;
    const percentEnd = header.indexOf('Percent') + 'Percent'.length - 1;
    const tableRows = lines.slice(4, lines.indexOf('', 4));
    expect(tableRows.length).toBeGreaterThan(30);
    for (const row of tableRows) {
      expect(row[metEnd]).toMatch(/\d/);
      expect(row[metEnd + 1]).toBe(' ');
      expect(row[percentEnd]).toBe('%');
    }
    expect(result.stdout).toMatch(/^Top gaps \(10 of \d+\):$/m);
    expect(result.stdout).toContain(' 1. No careers policy review date is set');
  });

  it('refuses a date that is not one', async () => {
    const result = await report(storage, '--as-of', '2026-02-30', '--json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: npm run report -- [--as-of YYYY-MM-DD] [--json] [--school SCHOOL_ID]');
    expect(result.stdout).toBe('');
  });
});
