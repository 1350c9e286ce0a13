// Retention's night is never lost (issue 23, item 11): a run that fails releases its school's lease
// so the next try does the work, a run whose instance died is taken over once its lease lapses, and
// an instance starting after a missed night catches up at once.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Person } from '../../src/domain/school';
import { runRetention } from '../../src/retention/retention-job';
import { scheduleRetention } from '../../src/retention/retention-schedule';
import { BackgroundJobs } from '../../src/scheduling/background-jobs';
import { encodeKey } from '../../src/storage/keys';
import { person, TestBot } from '../harness/test-bot';
import { WriteFaults } from '../harness/write-faults';

const SCHOOL = 'north';
// A pupil who left in 2019, 25 on 1 May 2026: due for erasure from then on.
const leaver = (id: string): Person =>
  person({
    id,
    role: 'pupil',
    givenName: 'Olive',
    familyName: `Grant ${id}`,
    email: `${id.toLowerCase()}@north.example`,
    yearGroup: 13,
    dateOfBirth: '2001-05-01',
    leftOn: '2019-07-19',
  });

describe('retention’s lease and catch-up', () => {
  let clock = new Date('2026-09-10T01:30:00Z');
  let bot: TestBot;
  let faults: WriteFaults;
  const services = () => bot.waypoint.services;
  const onRoll = async (id: string) => (await services().school.people.list(SCHOOL)).some((entry) => entry.id === id);
  const addLeaver = async (id: string) => {
    const { school } = services();
    const destinations = [{ pupilId: id, kind: 'actual' as const, date: '2019-09-20', destination: 'University' }];
    await school.import(SCHOOL, { people: [leaver(id)], destinations }, await school.load(SCHOOL));
  };

  beforeAll(async () => {
    bot = await TestBot.start({ now: () => clock });
    faults = new WriteFaults(services().storage);
  });
  afterAll(async () => bot?.stop());
  beforeEach(() => faults.count());

  it('releases the lease of a run that failed, so the next try that night does the work', async () => {
    await addLeaver('P-FAIL');
    clock = new Date('2026-09-10T01:30:00Z'); // 02:30 in London
    // The lease is the first write; the erasure's first (removing the destination) fails.
    faults.arm(2, 'refused');
    expect((await runRetention(services(), clock)).erased).toBe(0);
    faults.disarm();
    expect(await onRoll('P-FAIL')).toBe(true);
    clock = new Date('2026-09-10T02:30:00Z');
    expect(await runRetention(services(), clock)).toMatchObject({ schools: 1, erased: 1 });
    expect(await onRoll('P-FAIL')).toBe(false);
    // Done for the night: later tries that night change nothing.
    clock = new Date('2026-09-10T20:00:00Z');
    expect(await runRetention(services(), clock)).toMatchObject({ schools: 0 });
  });

  it('takes over a run whose instance died once its lease has lapsed, and not before', async () => {
    await addLeaver('P-DIED');
    // 11 Sep 02:30: an instance claimed the night and died.
    clock = new Date('2026-09-11T01:30:00Z');
    await services()
      .storage.table('leases')
      .createEntity({
        partitionKey: SCHOOL,
        rowKey: encodeKey('retention|2026-09-11'),
        state: 'running',
        heldUntil: new Date(clock.getTime() + 30 * 60_000).toISOString(),
      });
    clock = new Date('2026-09-11T01:45:00Z');
    expect(await runRetention(services(), clock)).toMatchObject({ schools: 0 });
    expect(await onRoll('P-DIED')).toBe(true);
    clock = new Date('2026-09-11T02:30:00Z');
    expect(await runRetention(services(), clock)).toMatchObject({ schools: 1, erased: 1 });
    expect(await onRoll('P-DIED')).toBe(false);
  });

  it('before 02:30 the latest night is the day before’s: done already, nothing more is done', async () => {
    await addLeaver('P-EARLY');
    // Sat 12 Sep, 00:30 in London: the night of the 11th was done; the 12th's has not come yet.
    clock = new Date('2026-09-11T23:30:00Z');
    expect(await runRetention(services(), clock)).toMatchObject({ schools: 0 });
    expect(await onRoll('P-EARLY')).toBe(true);
  });

  it('an instance started after a missed night catches up at once', async () => {
    await addLeaver('P-MISSED');
    // Sun 13 Sep, 10:00: no instance ran at 02:30 on the 12th or the 13th. One starts now.
    clock = new Date('2026-09-13T09:00:00Z');
    const jobs = new BackgroundJobs(services().log);
    const timer = scheduleRetention(services(), jobs);
    try {
      await vi.waitFor(async () => expect(await onRoll('P-MISSED')).toBe(false), { timeout: 15_000, interval: 200 });
    } finally {
      timer.stop();
      await jobs.stop();
    }
  });
});
