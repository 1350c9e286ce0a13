import { TableClient, TableServiceClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyErasure, planErasure } from '../../src/erasure/erase-person';
import { nudgeJob } from '../../src/journeys/nudges/nudge-job';
import { runRetention } from '../../src/retention/retention-job';
import { GLOBAL_TABLE_NAMES, SCHOOL_TABLE_NAMES, TableStorage, type TableName } from '../../src/storage/table-storage';
import { encodeKey } from '../../src/storage/keys';
import { moveSharedTablesToSchools } from '../../src/storage/shared-tables-upgrade';
import { createLogger } from '../../src/observability/log';
import { cardText, person, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';

// Each school has its own tables: one school's queries read only its rows, whatever ids two
// schools share, and the jobs that go through every school find them in the registry of schools.

const OTHER = 'other-school';
const NOW = new Date('2026-03-10T10:00:00Z');
const ours = person({
  id: 'P1',
  role: 'pupil',
  givenName: 'Ava',
  familyName: 'Quinlan',
  email: 'ava@school.example',
  yearGroup: 11,
  form: '11B',
});
const theirs = person({
  id: 'P1',
  role: 'pupil',
  givenName: 'Zed',
  familyName: 'Marsh',
  email: 'zed@other.example',
  yearGroup: 9,
  form: '9A',
});
const theirLeaver = person({
  id: 'T-OLD',
  role: 'teacher',
  givenName: 'Tom',
  familyName: 'Ford',
  email: 'tom@other.example',
  leftOn: '2019-07-20',
});

describe('one set of tables per school', () => {
  let bot: TestBot;
  let service: TableServiceClient;
  const storage = () => bot.waypoint.services.storage;
  const tablesNamed = async (prefix: string) => {
    const names: string[] = [];
    for await (const table of service.listTables()) if (table.name!.startsWith(prefix)) names.push(table.name!);
    return names;
  };
  const rowsOf = async (table: TableClient) => {
    const rows: Array<{ partitionKey: string; rowKey: string }> = [];
    for await (const entity of table.listEntities()) rows.push({ partitionKey: entity.partitionKey!, rowKey: entity.rowKey! });
    return rows;
  };

  beforeAll(async () => {
    bot = await TestBot.start({ school: schoolWith([ours]), now: () => NOW });
    const { school } = bot.waypoint.services;
    await school.import(OTHER, schoolWith([theirs, theirLeaver]), await school.load(OTHER));
    service = TableServiceClient.fromConnectionString(bot.storage.connectionString, { allowInsecureConnection: true });
  });
  afterAll(async () => bot?.stop());

  it('keeps each school’s rows in tables of its own, with valid table names', async () => {
    for (const name of SCHOOL_TABLE_NAMES) {
      const [mine, other] = [storage().table(name, SCHOOL_ID).tableName, storage().table(name, OTHER).tableName];
      expect(mine).not.toBe(other);
      for (const tableName of [mine, other]) expect(tableName).toMatch(/^[A-Za-z][A-Za-z0-9]{2,62}$/);
    }
    const existing = await tablesNamed(bot.config.storage.tablePrefix);
    expect(existing).toEqual(
      expect.arrayContaining([storage().table('people', SCHOOL_ID).tableName, storage().table('people', OTHER).tableName]),
    );
    expect(existing).toHaveLength(2 * SCHOOL_TABLE_NAMES.length + GLOBAL_TABLE_NAMES.length);

    const [mine, other] = await Promise.all([rowsOf(storage().table('people', SCHOOL_ID)), rowsOf(storage().table('people', OTHER))]);
    expect(mine).toEqual([{ partitionKey: SCHOOL_ID, rowKey: 'P1' }]);
    expect(other.map((row) => row.partitionKey)).toEqual([OTHER, OTHER]);
  });

  it('answers one school’s queries and turns from its own tables only, when two schools share a person id', async () => {
    const { school } = bot.waypoint.services;
    expect((await school.people.get(SCHOOL_ID, 'P1'))?.item.givenName).toBe('Ava');
    expect((await school.people.get(OTHER, 'P1'))?.item.givenName).toBe('Zed');

    // Every table the turn reaches, by school ('shared' for the global tables).
    const table = storage().table.bind(storage()) as (name: TableName, schoolId?: string) => TableClient;
    const reached = new Set<string>();
    storage().table = ((name: TableName, schoolId?: string) => {
      reached.add(schoolId ?? 'shared');
      return table(name, schoolId);
    }) as TableStorage['table'];
    try {
      school.forgetCachedRoster(SCHOOL_ID);
      const [reply] = await bot.say(bot.userFor(ours), 'my record');
      expect(cardText(reply!)).toContain('Year 11 · 11B');
      await school.load(SCHOOL_ID);
    } finally {
      storage().table = table as TableStorage['table'];
    }
    expect([...reached].sort()).toEqual(['school', 'shared']);

    // Erasing their P1 leaves ours.
    const plan = await planErasure(bot.waypoint.services, OTHER, 'P1');
    await applyErasure(bot.waypoint.services, plan!, 'test');
    expect(await school.people.get(OTHER, 'P1')).toBeUndefined();
    expect((await school.people.get(SCHOOL_ID, 'P1'))?.item.givenName).toBe('Ava');
  });

  it('runs the cross-school jobs for every registered school', async () => {
    const services = bot.waypoint.services;
    expect(await services.storage.registeredSchools()).toEqual([OTHER, SCHOOL_ID]);

    for (const schoolId of [SCHOOL_ID, OTHER]) {
      const { settings, etag } = await services.settings.get(schoolId);
      await services.settings.save(schoolId, { ...settings, nudgePupils: true }, etag);
    }
    expect((await nudgeJob.schools(services, NOW)).sort()).toEqual([OTHER, SCHOOL_ID]);

    // A pending message whose index entry was lost, in the second school: indexed again.
    const key = encodeKey('lost-index');
    await services.storage.table('outbox', OTHER).createEntity({
      partitionKey: OTHER,
      rowKey: key,
      message: JSON.stringify({ schoolId: OTHER, key: 'lost-index', to: { kind: 'person', personId: 'P1' }, text: 'Hello' }),
      status: 'pending',
      attempts: 0,
      dueAt: NOW.toISOString(),
    });
    const run = await runRetention(services, NOW);
    expect(run.schools).toBe(2);
    expect(run.erased).toBe(1);
    expect((await services.school.people.list(OTHER)).map((entry) => entry.id)).toEqual([]);
    await expect(services.storage.table('outboxPending').getEntity(OTHER, key)).resolves.toMatchObject({ dueAt: NOW.toISOString() });
  });

  it('creates a school’s tables once and registers it, however many first uses race', async () => {
    const fresh = new TableStorage({ connectionString: bot.storage.connectionString }, 'race');
    await fresh.createTables();
    const uses = Array.from({ length: 12 }, (_, index) => {
      const name = SCHOOL_TABLE_NAMES[index % SCHOOL_TABLE_NAMES.length]!;
      return index % 2 === 0
        ? fresh.listAll(fresh.table(name, 'new-school'), 'new-school')
        : fresh.table(name, 'new-school').upsertEntity({ partitionKey: 'new-school', rowKey: `row-${index}` });
    });
    await Promise.all(uses);
    expect(await fresh.registeredSchools()).toEqual(['new-school']);
    expect(await tablesNamed('race')).toHaveLength(SCHOOL_TABLE_NAMES.length + GLOBAL_TABLE_NAMES.length);
    // A second process meeting tables that exist carries on.
    const second = new TableStorage({ connectionString: bot.storage.connectionString }, 'race');
    await expect(second.listAll(second.table('people', 'new-school'), 'new-school')).resolves.toEqual([]);
  });

  it('moves rows from the shared tables of before into each school’s own, once', async () => {
    const connection = bot.storage.connectionString;
    const old = TableClient.fromConnectionString(connection, 'upgradePeople', { allowInsecureConnection: true });
    await old.createTable();
    await old.createEntity({ partitionKey: 'north', rowKey: 'P1', givenName: 'Ann', yearGroup: 9 });
    await old.createEntity({ partitionKey: 'south', rowKey: 'P1', givenName: 'Bea' });
    const oldSlots = TableClient.fromConnectionString(connection, 'upgradeSlots', { allowInsecureConnection: true });
    await oldSlots.createTable();
    await oldSlots.createEntity({ partitionKey: 'north|upcoming', rowKey: 'P1', slotKey: 'A1|2026-03-10T10:00' });

    const upgraded = new TableStorage({ connectionString: connection }, 'upgrade');
    await upgraded.createTables();
    const log = createLogger('silent');
    expect(await moveSharedTablesToSchools(upgraded, log)).toBe(3);

    const north = await upgraded.listAll<{ givenName: string; yearGroup: number }>(upgraded.table('people', 'north'), 'north');
    expect(north.map(({ rowKey, givenName, yearGroup }) => ({ rowKey, givenName, yearGroup }))).toEqual([
      { rowKey: 'P1', givenName: 'Ann', yearGroup: 9 },
    ]);
    expect(
      (await upgraded.listAll<{ givenName: string }>(upgraded.table('people', 'south'), 'south')).map((entity) => entity.givenName),
    ).toEqual(['Bea']);
    expect(await upgraded.listAll(upgraded.table('slots', 'north'), 'north|upcoming')).toHaveLength(1);
    expect(await upgraded.registeredSchools()).toEqual(['north', 'south']);
    const left = await tablesNamed('upgrade');
    expect(left).not.toContain('upgradePeople');
    expect(left).not.toContain('upgradeSlots');
    expect(await moveSharedTablesToSchools(upgraded, log)).toBe(0);
  });
});
