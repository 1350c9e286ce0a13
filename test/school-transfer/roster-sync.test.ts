// people.csv is the school's whole roster: next year's roster, leavers, left_on rows, re-admission,
// and bad rosters that write nothing (docs/school-data-format.md, "Leavers and the school year").
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBenchmarkReport } from '../../src/journeys/report/report-store';
import { exportSchoolFolder } from '../../src/school-transfer/export-folder';
import { importSchoolFolder } from '../../src/school-transfer/import-folder';
import { formatImportError } from '../../src/schooldata/import-error';
import { TestBot } from '../harness/test-bot';
import { changedTables, snapshotStorage } from '../security/storage-snapshot';

const TODAY = '2026-09-03';
const NOW = new Date(`${TODAY}T09:00:00Z`);
const PEOPLE_HEADER = 'id,role,given_name,family_name,email,year_group,form,subjects,left_on';

const row = {
  p1Year13: 'P1,pupil,Ava,Patel,ava.patel@north.example,13,13A,,',
  p2Year12: 'P2,pupil,Noah,Williams,noah.williams@north.example,12,12A,,',
  p2Year13: 'P2,pupil,Noah,Williams,noah.williams@north.example,13,13B,,',
  p3Year10: 'P3,pupil,Zoe,Obrien,zoe.obrien@north.example,10,10A,,',
  p3Year11: 'P3,pupil,Zoe,Obrien,zoe.obrien@north.example,11,11C,,',
  p4Year7: 'P4,pupil,Kwame,Mensah,kwame.mensah@north.example,7,7A,,',
  t1Teacher: 'T1,teacher,Sam,Okafor,sam.okafor@north.example,,,Science,',
  t1Adviser: 'T1,careers_adviser,Sam,Okafor,sam.okafor@north.example,,,Science,',
  leader: 'L1,careers_leader,Jo,Reid,jo.reid@north.example,,,,',
};

const HISTORY = {
  'curriculum.csv': 'subject,year_groups\nScience,7-13\n',
  'activities.csv':
    'id,date,kind,title,provider_type,provider_access,meaningful\n' +
    'E1,2025-10-01,employer_encounter,NHS talk,,,Y\n' +
    'E2,2026-09-02,employer_encounter,Engineering day,,,Y\n' +
    'L1A,2026-09-01,labour_market_information,Jobs in the region,,,\n',
};

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'waypoint-roster-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const people = (...rows: string[]) => `${PEOPLE_HEADER}\n${rows.join('\n')}\n`;

describe('importing next year’s roster', () => {
  let bot: TestBot;
  const schoolId = 'north';
  const services = () => bot.waypoint.services;
  const load = async () => services().school.load(schoolId);
  const personOf = async (id: string) => (await load()).people.find((person) => person.id === id);

  beforeAll(async () => {
    bot = await TestBot.start({ now: () => NOW });
    const year1 = folder({
      ...HISTORY,
      'people.csv': people(row.p1Year13, row.p2Year12, row.p3Year10, row.t1Teacher, row.leader),
      'attendance.csv': 'activity_id,pupil_id\nE1,P1\nE1,P2\nE1,P3\nE2,P1\nE2,P2\nL1A,P1\n',
      'destinations.csv': 'pupil_id,kind,date,destination\nP1,intended,2026-01-20,University of Leeds\n',
    });
    const first = await importSchoolFolder(services(), schoolId, year1, 'L1');
    expect(first.ok).toBe(true);
  });
  afterAll(async () => bot.stop());

  it('refuses a roster that leaves out someone on roll, lists them without names, and writes nothing', async () => {
    const before = await snapshotStorage(bot);
    const result = await importSchoolFolder(
      services(),
      schoolId,
      folder({ 'people.csv': people(row.p2Year13, row.p3Year11, row.p4Year7, row.t1Adviser, row.leader) }),
      'L1',
    );
    expect(result).toEqual({
      ok: false,
      errors: [],
      files: ['people.csv'],
      absent: [{ id: 'P1', role: 'pupil', yearGroup: 13 }],
      leftOn: TODAY,
    });
    expect(changedTables(before, await snapshotStorage(bot))).toEqual({});
    expect(bot.logLines.join('\n')).toContain('import.leavers_unconfirmed');
  });

  it('with --leavers marks them left today, changes year groups, forms and roles in place, and adds the new pupils', async () => {
    const result = await importSchoolFolder(
      services(),
      schoolId,
      folder({ 'people.csv': people(row.p2Year13, row.p3Year11, row.p4Year7, row.t1Adviser, row.leader) }),
      'L1',
      {
        markLeavers: true,
      },
    );
    expect(result).toMatchObject({
      ok: true,
      markedLeft: [{ id: 'P1', role: 'pupil', yearGroup: 13 }],
      counts: { people: { added: 1, changed: 4, unchanged: 1 } },
    });
    expect(await personOf('P1')).toMatchObject({ yearGroup: 13, leftOn: TODAY });
    expect(await personOf('P2')).toMatchObject({ yearGroup: 13, form: '13B' });
    expect(await personOf('P3')).toMatchObject({ yearGroup: 11, form: '11C' });
    expect((await personOf('T1'))?.role).toBe('careers_adviser');
    expect((await load()).attendance.filter((entry) => entry.pupilId === 'P1')).toHaveLength(3); // records are kept
  });

  it('gives the same report as a school given only the new roster', async () => {
    const alone = folder({
      ...HISTORY,
      'people.csv': people(row.p2Year13, row.p3Year11, row.p4Year7, row.t1Adviser, row.leader),
      'attendance.csv': 'activity_id,pupil_id\nE1,P2\nE1,P3\nE2,P2\n',
    });
    expect((await importSchoolFolder(services(), 'alone', alone, 'L1')).ok).toBe(true);
    for (const asOf of [TODAY, '2027-02-01']) {
      const withHistory = (await loadBenchmarkReport(services(), schoolId, asOf)).report;
      expect(withHistory).toEqual((await loadBenchmarkReport(services(), 'alone', asOf)).report);
      expect(withHistory.rows.find((entry) => entry.benchmark === '5' && entry.yearGroup === 13)).toEqual({
        benchmark: '5',
        yearGroup: 13,
        met: 1,
        planned: 0,
        unplanned: 0,
        total: 1,
      });
    }
    // The year before, the leaver was on roll and counted.
    const lastYear = (await loadBenchmarkReport(services(), schoolId, '2026-07-01')).report;
    expect(lastYear.rows.find((entry) => entry.benchmark === '5' && entry.yearGroup === 13)).toEqual({
      benchmark: '5',
      yearGroup: 13,
      met: 2,
      planned: 0,
      unplanned: 0,
      total: 2,
    });
  });

  it('exports leavers with left_on, and importing the export changes nothing', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'waypoint-export-'));
    await exportSchoolFolder(services(), schoolId, out);
    const { readFileSync } = await import('node:fs');
    const exported = readFileSync(path.join(out, 'people.csv'), 'utf8');
    expect(exported.split('\n')[0]).toMatch(/,left_on$/);
    expect(exported).toMatch(new RegExp(`^P1,pupil,.*,${TODAY}$`, 'm'));
    const before = await snapshotStorage(bot);
    const result = await importSchoolFolder(services(), schoolId, out, 'L1');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const counts of Object.values(result.counts)) expect(counts).toMatchObject({ added: 0, changed: 0 });
    expect(changedTables(before, await snapshotStorage(bot))).toEqual({});
  });

  it('leaves the roster alone when people.csv is absent, and takes an actual destination for a leaver', async () => {
    const before = (await load()).people;
    const result = await importSchoolFolder(
      services(),
      schoolId,
      folder({ 'destinations.csv': 'pupil_id,kind,date,destination\nP1,actual,2026-09-20,University of Leeds\n' }),
      'L1',
    );
    expect(result.ok).toBe(true);
    expect((await load()).people).toEqual(before);
    expect((await load()).destinations).toContainEqual({
      pupilId: 'P1',
      kind: 'actual',
      date: '2026-09-20',
      destination: 'University of Leeds',
    });
  });

  it('marks a leaver by a left_on row, and re-admits them by a row without it', async () => {
    const roster = [row.p2Year13, row.p3Year11, row.p4Year7, row.t1Adviser, row.leader];
    const leftOnRow = `${row.p1Year13}${TODAY}`;
    const withP3Left = roster.map((line) => (line === row.p3Year11 ? `${line}2026-09-01` : line));
    expect((await importSchoolFolder(services(), schoolId, folder({ 'people.csv': people(leftOnRow, ...withP3Left) }), 'L1')).ok).toBe(
      true,
    );
    expect((await personOf('P3'))?.leftOn).toBe('2026-09-01');
    const rows = (await loadBenchmarkReport(services(), schoolId, TODAY)).report.rows;
    // Benchmark 4 counts subjects, not pupils: every other Year 11 row had P3 alone.
    expect(rows.filter((entry) => entry.yearGroup === 11 && entry.benchmark !== '4')).toEqual([]);

    const readmitted = roster.map((line) => (line === row.p2Year13 ? row.p2Year13 : line));
    expect((await importSchoolFolder(services(), schoolId, folder({ 'people.csv': people(leftOnRow, ...readmitted) }), 'L1')).ok).toBe(
      true,
    );
    expect((await personOf('P3'))?.leftOn).toBeUndefined();
    expect((await loadBenchmarkReport(services(), schoolId, TODAY)).report.rows).toContainEqual({
      benchmark: '5',
      yearGroup: 11,
      met: 0,
      planned: 0,
      unplanned: 1,
      total: 1,
    });
  });

  it.each([
    {
      name: 'two people on roll with one email',
      rows: [row.p2Year13, row.p3Year11, row.p4Year7.replace('kwame.mensah@', 'ZOE.OBRIEN@'), row.t1Adviser, row.leader],
      error: 'people.csv:4 email: duplicate email ZOE.OBRIEN@north.example (first on line 3)',
    },
    {
      name: 'left_on in the future',
      rows: [row.p2Year13, row.p3Year11, `${row.p4Year7}2026-09-04`, row.t1Adviser, row.leader],
      error: 'people.csv:4 left_on: 2026-09-04 is in the future: mark someone left on the day they leave, or later',
    },
    {
      name: 'malformed left_on',
      rows: [row.p2Year13, row.p3Year11, `${row.p4Year7}3 Sept`, row.t1Adviser, row.leader],
      error: 'people.csv:4 left_on: must be a date in the form YYYY-MM-DD (found "3 Sept")',
    },
  ])('refuses $name and writes nothing, even with --leavers', async ({ rows, error }) => {
    const before = await snapshotStorage(bot);
    const result = await importSchoolFolder(services(), schoolId, folder({ 'people.csv': people(...rows) }), 'L1', { markLeavers: true });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map(formatImportError)).toEqual([error]);
    expect(changedTables(before, await snapshotStorage(bot))).toEqual({});
  });
});
