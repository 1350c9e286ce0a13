import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptySchoolData, type SchoolData } from '../../src/domain/school';
import { parseSchoolFiles } from '../../src/schooldata/parse-school-files';
import { SCHOOL_FILE_NAMES, type SchoolFileText } from '../../src/schooldata/school-files';
import { startInMemoryAzurite, type EmbeddedStorage } from '../../src/storage/embedded-azurite';
import { runCli } from '../support/run-cli';

const ROOT = path.resolve(__dirname, '../..');
const SMALL_SCHOOL = path.join(ROOT, 'test/fixtures/small-school');

const cli = (storage: EmbeddedStorage, command: 'import' | 'export', ...args: string[]) => runCli(storage, command, args);

function readFolder(folder: string): SchoolFileText {
  const texts: SchoolFileText = {};
  for (const name of SCHOOL_FILE_NAMES) {
    try {
      texts[name] = readFileSync(path.join(folder, name), 'utf8');
    } catch {
      // absent file: fine
    }
  }
  return texts;
}

function parsedFolder(folder: string): SchoolData {
  const parsed = parseSchoolFiles(readFolder(folder), emptySchoolData());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { ...emptySchoolData(), ...parsed.data };
}

function sorted(data: SchoolData): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(data).map(([name, rows]) => [name, (rows as object[]).map((row) => JSON.stringify(row)).sort()]),
  );
}

describe('npm run import / npm run export', () => {
  let storage: EmbeddedStorage;
  beforeAll(async () => {
    storage = await startInMemoryAzurite();
  });
  afterAll(async () => storage.close());

  it('refuses a folder with a bad row, names file, line and column, and writes nothing', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'waypoint-bad-'));
    cpSync(SMALL_SCHOOL, folder, { recursive: true });
    const people = readFileSync(path.join(folder, 'people.csv'), 'utf8').split('\n');
    // Break the third data row's email (line 4 of the file).
    const header = people[0]!.split(',');
    const row = people[3]!.split(',');
    row[header.indexOf('email')] = 'not-an-email';
    people[3] = row.join(',');
    writeFileSync(path.join(folder, 'people.csv'), people.join('\n'));

    const result = await cli(storage, 'import', folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^people\.csv:4 email: .+/m);
    expect(result.stderr).toContain('Nothing was imported');

    const out = mkdtempSync(path.join(tmpdir(), 'waypoint-out-'));
    expect((await cli(storage, 'export', out)).code).toBe(0);
    const exported = parsedFolder(out);
    expect(exported.people).toHaveLength(0);
    expect(exported.activities).toHaveLength(0);
  });

  it('imports a school, exports the same rows, and a second import changes nothing', async () => {
    const first = await cli(storage, 'import', SMALL_SCHOOL);
    expect(first.code).toBe(0);
    const original = parsedFolder(SMALL_SCHOOL);
    expect(first.stdout).toContain(`people.csv: ${original.people.length} added, 0 changed, 0 left alone`);

    const out = mkdtempSync(path.join(tmpdir(), 'waypoint-out-'));
    expect((await cli(storage, 'export', out)).code).toBe(0);
    expect(sorted(parsedFolder(out))).toEqual(sorted(original));

    const again = await cli(storage, 'import', SMALL_SCHOOL);
    expect(again.code).toBe(0);
    for (const line of again.stdout.trim().split('\n')) expect(line).toMatch(/: 0 added, 0 changed, \d+ left alone$/);
  });

  it('updates in place when a changed file is imported, and reports the counts', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'waypoint-change-'));
    cpSync(SMALL_SCHOOL, folder, { recursive: true });
    const file = path.join(folder, 'people.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    const header = lines[0]!.split(',');
    const row = lines[1]!.split(',');
    row[header.indexOf('family_name')] = 'Changed-Name';
    lines[1] = row.join(',');
    writeFileSync(file, lines.join('\n'));

    const result = await cli(storage, 'import', folder);
    expect(result.code).toBe(0);
    const total = parsedFolder(SMALL_SCHOOL).people.length;
    expect(result.stdout).toContain(`people.csv: 0 added, 1 changed, ${total - 1} left alone`);

    const out = mkdtempSync(path.join(tmpdir(), 'waypoint-out-'));
    await cli(storage, 'export', out);
    expect(parsedFolder(out).people.map((person) => person.familyName)).toContain('Changed-Name');
  });
});
