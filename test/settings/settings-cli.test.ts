// `npm run settings`: the school's name, term dates and meeting-change cut-off from the command
// line, with the card's checks; bad input changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInMemoryAzurite, type EmbeddedStorage } from '../../src/storage/embedded-azurite';
import { runCli } from '../support/run-cli';

const settingsCli = (storage: EmbeddedStorage, ...args: string[]) =>
  runCli(storage, 'settings', ['--school', 'northfield', '--year', '2026', ...args], 'settingscli');

const TERMS = [
  '--term',
  'autumn=2026-09-01..2026-12-18',
  '--term',
  'spring=2027-01-04..2027-03-26',
  '--term',
  'summer=2027-04-12..2027-07-21',
];

// Each run is its own Node process (as a user runs it): slow on a busy machine, hence the time allowed.
describe('npm run settings', { timeout: 180_000 }, () => {
  let storage: EmbeddedStorage;
  beforeAll(async () => {
    storage = await startInMemoryAzurite();
  });
  afterAll(async () => storage.close());

  it('sets the name, terms with half-terms and training days, and the cut-off, and prints them with UK dates', async () => {
    const saved = await settingsCli(
      storage,
      '--name',
      'Northfield Academy',
      '--cut-off-hours',
      '48',
      ...TERMS,
      '--half-term',
      'autumn=2026-10-26..2026-10-30',
      '--closures',
      '2026-09-01,2026-09-02',
    );
    expect(saved.stderr).toBe('');
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('Saved for school northfield:');
    expect(saved.stdout).toContain('School name: Northfield Academy');
    expect(saved.stdout).toContain('up to 48 hours before it starts');
    expect(saved.stdout).toContain('Autumn: Tue 1 Sep 2026 to Fri 18 Dec 2026, half-term Mon 26 Oct 2026 to Fri 30 Oct 2026');
    expect(saved.stdout).toContain('Training days and closures: Tue 1 Sep 2026, Wed 2 Sep 2026');
    // Printed back as stored; the same again changes nothing.
    expect((await settingsCli(storage)).stdout).toContain('Summer: Mon 12 Apr 2027 to Wed 21 Jul 2027');
    expect((await settingsCli(storage, '--cut-off-hours', '48')).stdout).toContain('Nothing to change');
  });

  it.each([
    [['--term', 'spring=2027-03-26..2027-01-04'], '--term spring: The spring term ends before it starts.'],
    [
      ['--term', 'spring=2026-12-14..2027-03-26'],
      '--term spring: The spring term overlaps or comes before the autumn term, which ends on Fri 18 Dec 2026.',
    ],
    [['--half-term', 'summer=2027-06-04..2027-05-31'], '--half-term summer: The half-term ends before it starts.'],
    [['--cut-off-hours', 'a day'], '--cut-off-hours: Enter a whole number of hours from 0 to 336'],
    [['--closures', '2026-08-28'], '--closures: Fri 28 Aug 2026 is not in term time'],
  ])('refuses %j with a clear message (exit 1)', async (args, message) => {
    const refused = await settingsCli(storage, '--name', 'Renamed', ...args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Nothing was changed:');
    expect(refused.stderr).toContain(message);
  });

  it('changed nothing on any of those refusals', async () => {
    const now = (await settingsCli(storage)).stdout;
    expect(now).toContain('School name: Northfield Academy');
    expect(now).toContain('Spring: Mon 4 Jan 2027 to Fri 26 Mar 2027');
    expect(now).toContain('up to 48 hours before it starts');
  });

  it('shows its usage for options it does not take (exit 2)', async () => {
    const wrong = await settingsCli(storage, '--term', 'winter=2026-12-01..2027-01-01');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--term wants NAME=FIRST..LAST');
    expect(wrong.stderr).toContain('Usage: npm run settings');
    expect((await settingsCli(storage, '--colour', 'blue')).code).toBe(2);
  });
});
