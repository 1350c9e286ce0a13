// Retention: leavers erased once the school's period has passed; messages sent or given up on lose
// their content after 30 days, keeping only their key and a date (so a once-only ask stays once).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addYears, dueForErasure, retainedUntil, retentionNightOf } from '../../src/domain/retention';
import { defaultSchoolSettings } from '../../src/domain/school-settings';
import { runRetention } from '../../src/retention/retention-job';
import { encodeKey } from '../../src/storage/keys';
import { person, TestBot } from '../harness/test-bot';

describe('retainedUntil', () => {
  it.each([
    {
      who: 'a pupil, by their 25th birthday',
      extra: { role: 'pupil' as const, dateOfBirth: '2008-03-15', yearGroup: 13, leftOn: '2026-07-17' },
      until: '2033-03-15',
    },
    {
      who: 'a pupil born on 29 February',
      extra: { role: 'pupil' as const, dateOfBirth: '2008-02-29', yearGroup: 13, leftOn: '2026-07-17' },
      until: '2033-03-01',
    },
    {
      who: 'a Year 13 pupil without a date of birth, as if the youngest',
      extra: { role: 'pupil' as const, yearGroup: 13, leftOn: '2026-07-17' },
      until: '2034-07-17',
    },
    {
      who: 'a Year 9 pupil without a date of birth',
      extra: { role: 'pupil' as const, yearGroup: 9, leftOn: '2026-02-01' },
      until: '2038-02-01',
    },
    { who: 'a teacher, 6 years after leaving', extra: { role: 'teacher' as const, leftOn: '2020-08-31' }, until: '2026-08-31' },
    { who: 'someone on roll', extra: { role: 'teacher' as const }, until: undefined },
  ])('$who: $until', ({ extra, until }) => {
    expect(retainedUntil(person({ id: 'X', givenName: 'A', familyName: 'B', email: 'x@school.example', ...extra }))).toBe(until);
  });

  it('follows the school’s own policy', () => {
    const teacher = person({ id: 'T', role: 'teacher', givenName: 'A', familyName: 'B', email: 't@school.example', leftOn: '2020-08-31' });
    expect(dueForErasure([teacher], '2026-09-01')).toEqual([teacher]);
    expect(dueForErasure([teacher], '2026-09-01', { pupilsUntilAge: 25, staffYearsAfterLeaving: 10 })).toEqual([]);
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('runs each night’s retention from 02:30 school time: before then, the night is the day before’s', () => {
    expect(retentionNightOf('2026-09-10T02:29')).toBe('2026-09-09');
    expect(retentionNightOf('2026-09-10T02:30')).toBe('2026-09-10');
    expect(retentionNightOf('2026-03-01T00:10')).toBe('2026-02-28');
  });
});

const TODAY = '2026-09-10';
const NOW = new Date(`${TODAY}T01:30:00Z`);
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

const people = [
  person({
    id: 'P-OLD',
    role: 'pupil',
    givenName: 'Olive',
    familyName: 'Grant',
    email: 'olive@north.example',
    yearGroup: 13,
    dateOfBirth: '2001-05-01',
    leftOn: '2019-07-19',
  }),
  person({
    id: 'P-RECENT',
    role: 'pupil',
    givenName: 'Rhys',
    familyName: 'Hale',
    email: 'rhys@north.example',
    yearGroup: 13,
    dateOfBirth: '2008-05-01',
    leftOn: '2026-07-17',
  }),
  person({
    id: 'P-NOW',
    role: 'pupil',
    givenName: 'Nia',
    familyName: 'Evans',
    email: 'nia@north.example',
    yearGroup: 9,
    dateOfBirth: '2001-05-01',
  }),
  person({ id: 'T-OLD', role: 'teacher', givenName: 'Tom', familyName: 'Ford', email: 'tom@north.example', leftOn: '2020-07-20' }),
  person({ id: 'T-RECENT', role: 'teacher', givenName: 'Tia', familyName: 'Moss', email: 'tia@north.example', leftOn: '2022-07-20' }),
];

describe('the daily retention job', () => {
  let bot: TestBot;
  let second: TestBot;
  const ids = async (schoolId: string) => (await bot.waypoint.services.school.people.list(schoolId)).map((entry) => entry.id).sort();

  beforeAll(async () => {
    bot = await TestBot.start({ now: () => NOW });
    second = await TestBot.start({ now: () => NOW, storage: bot.storage });
    const { school, settings, storage } = bot.waypoint.services;
    await school.import(
      'north',
      { people, attendance: [], destinations: [{ pupilId: 'P-OLD', kind: 'actual', date: '2019-09-20', destination: 'University' }] },
      await school.load('north'),
    );
    await school.import(
      'south',
      { people: people.map((entry) => ({ ...entry, email: entry.email.replace('north', 'south') })) },
      await school.load('south'),
    );
    await settings.save('south', defaultSchoolSettings({ retention: { pupilsUntilAge: 30, staffYearsAfterLeaving: 10 } }), undefined);
    const message = (key: string, status: string, sentAt?: string, extra: Record<string, unknown> = {}) => ({
      partitionKey: 'north',
      rowKey: encodeKey(key),
      message: JSON.stringify({ schoolId: 'north', key, to: { kind: 'person', personId: 'P-NOW' }, text: 'Hello' }),
      status,
      attempts: 1,
      dueAt: sentAt ?? daysAgo(40),
      ...(sentAt ? { sentAt } : {}),
      ...extra,
    });
    // Given up on: an adviser's notice naming the pupil and her reason, never delivered.
    const givenUp = (key: string, dueAt: string, failedAt?: string) => ({
      ...message(key, 'failed', undefined, { dueAt, attempts: 8, lastError: 'no-conversation', ...(failedAt ? { failedAt } : {}) }),
      message: JSON.stringify({ schoolId: 'north', key, to: { kind: 'person', personId: 'T-RECENT' }, text: 'Nia Evans asked: worried' }),
    });
    for (const entity of [
      message('sent-40-days', 'sent', daysAgo(40)),
      message('sent-31-days', 'sent', daysAgo(31)),
      message('sent-29-days', 'sent', daysAgo(29)),
      message('pending-old', 'pending'),
      givenUp('failed-40-days', daysAgo(42)),
      givenUp('failed-31-days', daysAgo(33), daysAgo(31)),
      givenUp('failed-29-days', daysAgo(31), daysAgo(29)),
    ]) {
      await storage.table('outbox', 'north').createEntity(entity);
    }
  });
  afterAll(async () => {
    await second?.stop();
    await bot?.stop();
  });

  it('erases each expired leaver once, per school policy, even with two instances running it at once', async () => {
    const runs = await Promise.all([runRetention(bot.waypoint.services, NOW), runRetention(second.waypoint.services, NOW)]);
    expect(runs.reduce((total, run) => total + run.erased, 0)).toBe(2);
    expect(runs.reduce((total, run) => total + run.schools, 0)).toBe(2);
    expect(await ids('north')).toEqual(['P-NOW', 'P-RECENT', 'T-RECENT']);
    expect(await ids('south')).toEqual(['P-NOW', 'P-OLD', 'P-RECENT', 'T-OLD', 'T-RECENT']);
    expect(await bot.waypoint.services.school.collections.destinations.list('north')).toEqual([]);
  });

  it('keeps the content of messages sent or given up on for 30 days, then only their key and a date', async () => {
    const { outbox, storage } = bot.waypoint.services;
    const keys = (await outbox.history('north')).map((entry) => entry.message.key).sort();
    expect(keys).toEqual(['failed-29-days', 'pending-old', 'sent-29-days']);
    // The careers team still sees the recent undelivered one; the old ones name nobody any more.
    expect((await outbox.undelivered('north')).map((entry) => entry.message.key).sort()).toEqual(['failed-29-days', 'pending-old']);
    const rows = new Map<string, Record<string, unknown>>();
    for await (const { etag: _etag, timestamp: _timestamp, ...row } of storage.table('outbox', 'north').listEntities())
      rows.set(String(row.rowKey), row);
    for (const key of ['sent-40-days', 'sent-31-days', 'failed-40-days', 'failed-31-days']) {
      expect(Object.keys(rows.get(encodeKey(key)) ?? {}).sort()).toEqual(['endedAt', 'partitionKey', 'rowKey', 'status']);
      // Queuing the same key again does nothing: what was sent once is never sent again.
      expect(await outbox.has('north', key)).toBe(true);
      expect(await outbox.enqueue({ schoolId: 'north', key, to: { kind: 'person', personId: 'P-NOW' }, text: 'Again' })).toBe(
        'already-queued',
      );
    }
    // Only the message given up on 29 days ago still names the pupil.
    expect(JSON.stringify([...rows.values()]).match(/Nia Evans asked/g)).toHaveLength(1);
  });

  it('changes nothing when run again, the same day or the next', async () => {
    expect(await runRetention(bot.waypoint.services, NOW)).toEqual({ schools: 0, erased: 0, purged: 0 });
    const tomorrow = new Date(NOW.getTime() + 86_400_000);
    expect(await runRetention(second.waypoint.services, tomorrow)).toEqual({ schools: 2, erased: 0, purged: 0 });
    expect(await ids('north')).toEqual(['P-NOW', 'P-RECENT', 'T-RECENT']);
  });
});
