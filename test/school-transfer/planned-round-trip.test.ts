// A planned activity goes in with `npm run import` and comes back out of `npm run export` exactly
// as the contract writes it; one that says nobody it is for is a bad row, and nothing is written.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar';
import { schoolDateOf } from '../../src/domain/school-time';
import { startInMemoryAzurite, type EmbeddedStorage } from '../../src/storage/embedded-azurite';
import { runCli } from '../support/run-cli';

const SMALL_SCHOOL = path.resolve(__dirname, '../fixtures/small-school');
// The CLI reads the real clock: plan relative to it.
const inFiveWeeks = addDays(schoolDateOf(new Date()), 35);
const inTenWeeks = addDays(schoolDateOf(new Date()), 70);

function folderWith(...activityRows: string[]): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'waypoint-plan-'));
  cpSync(SMALL_SCHOOL, folder, { recursive: true });
  const file = path.join(folder, 'activities.csv');
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
  // The fixture predates the invitation columns: add them, empty for its held activities.
  writeFileSync(file, [`${header},invited_year_groups,invited_forms`, ...rows.map((row) => `${row},,`), ...activityRows].join('\n') + '\n');
  return folder;
}

describe('planned activities through npm run import / export', () => {
  let storage: EmbeddedStorage;
  beforeAll(async () => {
    storage = await startInMemoryAzurite();
  });
  afterAll(async () => storage.close());

  it('refuses a planned activity for nobody, naming file, line and column, and writes nothing', async () => {
    const folder = folderWith(`PLAN1,${inFiveWeeks},employer_encounter,Year 10 employer day,,,Y,,`);
    const result = await runCli(storage, 'import', [folder], 'planbad');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`activities.csv:13 invited_year_groups: the activity is planned (dated ${inFiveWeeks}, after today)`);
    const out = mkdtempSync(path.join(tmpdir(), 'waypoint-plan-out-'));
    expect((await runCli(storage, 'export', [out], 'planbad')).code).toBe(0);
    expect(readFileSync(path.join(out, 'activities.csv'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('exports planned activities as imported, and importing the export again changes nothing', async () => {
    const planned = [
      `PLAN1,${inFiveWeeks},employer_encounter,Year 10 employer day,,,Y,10,`,
      `PLAN2,${inTenWeeks},provider_encounter,"College visit, with Q&A",further_education_college,Y,Y,8;9,11A;11B`,
    ];
    const folder = folderWith(...planned);
    expect((await runCli(storage, 'import', [folder], 'plan')).code).toBe(0);

    const out = mkdtempSync(path.join(tmpdir(), 'waypoint-plan-out-'));
    expect((await runCli(storage, 'export', [out], 'plan')).code).toBe(0);
    const exported = readFileSync(path.join(out, 'activities.csv'), 'utf8');
    expect(exported.split('\n')[0]).toBe('id,date,kind,title,provider_type,provider_access,meaningful,invited_year_groups,invited_forms');
    for (const row of planned) expect(exported).toContain(`${row}\n`);
    expect(exported).toContain('ACT001,2025-10-08,labour_market_information,Local labour market assembly,,,,,\n');

    const again = await runCli(storage, 'import', [out], 'plan');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^activities\.csv: 0 added, 0 changed, 13 left alone$/m);
  });
});
