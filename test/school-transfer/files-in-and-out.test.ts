import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync, chmodSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSchoolFolder } from '../../src/school-transfer/export-folder';
import { importSchoolFolder } from '../../src/school-transfer/import-folder';
import { MAX_IMPORT_FILE_BYTES } from '../../src/school-transfer/read-contract-file';
import { formatImportError } from '../../src/schooldata/import-error';
import { generateDemoSchool } from '../../src/schooldata/demo-school';
import { SCHOOL_ID, TestBot } from '../harness/test-bot';

// Exported files hold children's personal data; imported ones must be what the school meant.

const ROOT = path.resolve(__dirname, '../..');
const SMALL_SCHOOL = path.join(ROOT, 'test/fixtures/small-school');
const scratch = () => mkdtempSync(path.join(tmpdir(), 'waypoint-files-'));
const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('files going out and coming in', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({ school: generateDemoSchool({ asOf: '2026-03-04', pupilsPerYear: 2 }) });
  });
  afterAll(async () => bot?.stop());

  it('exports files only their owner can read, into a folder only they can open', async () => {
    const folder = path.join(scratch(), 'export', 'nested');
    const files = await exportSchoolFolder(bot.waypoint.services, SCHOOL_ID, folder);
    expect(modeOf(folder)).toBe(0o700);
    for (const name of files) expect(modeOf(path.join(folder, name)), name).toBe(0o600);
  });

  it('makes a file already there owner-only before writing the new export over it', async () => {
    const folder = scratch();
    writeFileSync(path.join(folder, 'people.csv'), 'old');
    chmodSync(path.join(folder, 'people.csv'), 0o644);
    await exportSchoolFolder(bot.waypoint.services, SCHOOL_ID, folder);
    expect(modeOf(path.join(folder, 'people.csv'))).toBe(0o600);
    expect(readFileSync(path.join(folder, 'people.csv'), 'utf8')).toMatch(/^id,role,/);
  });

  it('refuses a file that is not UTF-8 (Excel’s Windows-1252 “CSV”), naming it and the line, and imports nothing', async () => {
    const folder = scratch();
    cpSync(SMALL_SCHOOL, folder, { recursive: true });
    const people = readFileSync(path.join(folder, 'people.csv'), 'utf8').split('\n');
    // "Zoë" as Windows-1252 writes it: ë is the single byte 0xEB.
    const line = people.length - 1;
    const bytes = Buffer.concat([
      Buffer.from(`${people.slice(0, line - 1).join('\n')}\n`),
      Buffer.from(people[line - 1]!.replace(/^([^,]*,[^,]*,)[^,]*/, '$1Zo'), 'utf8'),
      Buffer.from([0xeb]),
      Buffer.from('\n'),
    ]);
    writeFileSync(path.join(folder, 'people.csv'), bytes);
    const before = await bot.waypoint.services.school.load('cp1252-school');
    const result = await importSchoolFolder(bot.waypoint.services, 'cp1252-school', folder, 'test');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatImportError)).toEqual([
      expect.stringMatching(new RegExp(`^people\\.csv:${line}: the file is not UTF-8 text .*CSV UTF-8`)),
    ]);
    expect(await bot.waypoint.services.school.load('cp1252-school')).toEqual(before);
  });

  it('accepts UTF-8 with a byte-order mark, as Excel’s “CSV UTF-8” saves it', async () => {
    const folder = scratch();
    writeFileSync(
      path.join(folder, 'curriculum.csv'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('subject,year_groups\nFrançais,7-11\n')]),
    );
    const result = await importSchoolFolder(bot.waypoint.services, 'bom-school', folder, 'test');
    expect(result.ok).toBe(true);
    expect((await bot.waypoint.services.school.load('bom-school')).curriculum.map((subject) => subject.subject)).toEqual(['Français']);
  });

  it('refuses a file over 50 MB without reading it', async () => {
    const folder = scratch();
    writeFileSync(path.join(folder, 'attendance.csv'), '');
    truncateSync(path.join(folder, 'attendance.csv'), MAX_IMPORT_FILE_BYTES + 1);
    const result = await importSchoolFolder(bot.waypoint.services, 'huge-school', folder, 'test');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map(formatImportError)).toEqual(['attendance.csv:0: the file is 50 MB; files over 50 MB are refused']);
  });

  it('checks --school as WAYPOINT_SCHOOL_ID is checked', async () => {
    const run = promisify(execFile);
    const env = { PATH: process.env.PATH, TEAMSFX_ENV: 'test', WAYPOINT_STORAGE_CONNECTION_STRING: bot.storage.connectionString };
    const failed = await run(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', scratch(), '--school', '../Other School'], {
      cwd: ROOT,
      env,
      timeout: 60_000,
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(
      '--school must be 1 to 40 lower-case letters, digits and hyphens (as WAYPOINT_SCHOOL_ID); got "../Other School"',
    );
  });
});
