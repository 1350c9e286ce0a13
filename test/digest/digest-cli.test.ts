import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { computeBenchmarkReport } from '../../src/domain/benchmarks/report';
import { emptySchoolData } from '../../src/domain/school';
import { defaultSchoolSettings } from '../../src/domain/school-settings';
import { createLogger } from '../../src/observability/log';
import { generateDemoSchool } from '../../src/schooldata/demo-school';
import { openServices, type OpenedServices } from '../../src/services';
import { startInMemoryAzurite, type EmbeddedStorage } from '../../src/storage/embedded-azurite';

const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

describe('npm run digest -- --dry-run', () => {
  let storage: EmbeddedStorage;
  let opened: OpenedServices;
  const env = () => ({ PATH: process.env.PATH, TEAMSFX_ENV: 'test', WAYPOINT_STORAGE_CONNECTION_STRING: storage.connectionString });
  const school = generateDemoSchool({ asOf: '2026-03-09', pupilsPerYear: 10 });

  beforeAll(async () => {
    storage = await startInMemoryAzurite();
    opened = await openServices(loadConfig(env()), createLogger('silent'));
    await opened.services.school.import('school', school, emptySchoolData());
  });
  afterAll(async () => {
    await opened?.close();
    await storage?.close();
  });

  it('prints the digest for a date as text, with the report’s top gaps, and records nothing', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/digest.ts', '--dry-run', '--as-of', '2026-03-09'], {
      cwd: ROOT,
      env: env(),
      timeout: 60_000,
    });
    expect(stdout).toContain('Careers digest, Mon 9 Mar 2026');
    const report = computeBenchmarkReport(await opened.services.school.load('school'), '2026-03-09', defaultSchoolSettings());
    for (const gap of report.gaps.filter((candidate) => candidate.kind !== 'equity').slice(0, 5)) expect(stdout).toContain(gap.sentence);
    expect(stdout).toContain('This is the first digest');
    const digests = [];
    for await (const entity of opened.services.storage.table('digests', 'school').listEntities()) digests.push(entity);
    expect(digests).toHaveLength(0);
  });

  it('refuses to run without --dry-run, saying so', async () => {
    const failed = await run(process.execPath, ['--import', 'tsx', 'src/cli/digest.ts'], { cwd: ROOT, env: env(), timeout: 60_000 }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain('--dry-run');
  });
});
