// `npm run import -- DIR [--leavers]` as an IT admin runs it each September.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInMemoryAzurite, type EmbeddedStorage } from '../../src/storage/embedded-azurite';
import { runCli } from '../support/run-cli';

const HEADER = 'id,role,given_name,family_name,email,year_group,form';

const importCli = (storage: EmbeddedStorage, ...args: string[]) => runCli(storage, 'import', args, 'rollover');

function rosterFolder(...rows: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'waypoint-rollover-'));
  writeFileSync(path.join(dir, 'people.csv'), `${HEADER}\n${rows.join('\n')}\n`);
  return dir;
}

describe('the September rollover from the command line', () => {
  let storage: EmbeddedStorage;
  beforeAll(async () => {
    storage = await startInMemoryAzurite();
  });
  afterAll(async () => storage.close());

  it('lists leavers without names and exits 1 without --leavers; marks them left with it', async () => {
    const thisYear = rosterFolder(
      'P1,pupil,Ava,Patel,ava@north.example,13,13A',
      'P2,pupil,Ben,Roy,ben@north.example,10,10A',
      'T1,teacher,Sam,Okafor,sam@north.example,,',
    );
    expect((await importCli(storage, thisYear)).code).toBe(0);

    const nextYear = rosterFolder('P2,pupil,Ben,Roy,ben@north.example,11,11A', 'P3,pupil,Kwame,Mensah,kwame@north.example,7,7A');
    const refused = await importCli(storage, nextYear);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('people.csv leaves out 2 people on roll now:');
    expect(refused.stderr).toContain('P1 (pupil, Year 13)');
    expect(refused.stderr).toContain('T1 (teacher)');
    expect(refused.stderr).toMatch(/--leavers/);
    expect(refused.stderr).toContain('Nothing was imported.');
    for (const name of ['Ava', 'Patel', 'Okafor', 'ava@']) expect(refused.stderr + refused.stdout).not.toContain(name);

    const accepted = await importCli(storage, nextYear, '--leavers');
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('people.csv: 1 added, 3 changed, 0 left alone');
    expect(accepted.stdout).toMatch(/Marked as left on \w{3} \d+ \w{3} \d{4}: P1 \(pupil, Year 13\), T1 \(teacher\)/);

    // The same file again: the leavers stay left, nothing changes, no flag needed.
    const again = await importCli(storage, nextYear);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('people.csv: 0 added, 0 changed, 2 left alone');
  }, 120_000);
});
