import { loadConfig } from '../src/config';
import { emptySchoolData, type Person, type SchoolData } from '../src/domain/school';
import { schoolDateOf } from '../src/domain/school-time';
import { createLogger } from '../src/observability/log';
import { generateDemoSchool } from '../src/schooldata/demo-school';
import { openServices, type OpenedServices, type Services } from '../src/services';
import { startInMemoryAzurite, type EmbeddedStorage } from '../src/storage/embedded-azurite';
import { schoolOfPartition } from '../src/storage/table-storage';
import { childPidsMatching } from './cpu-usage';
import { dropIdleSockets, postJson } from './bench-http';
import { LoopbackConnector, type BenchUser } from './loopback-connector';
import { messageActivity, teamsUserFor } from './teams-activities';
import type { Line } from './turn-lines';

// What the turn measurements share: one in-memory Azurite holding the demo school, a loopback
// Teams connector every bot replies to, and 50 staff and 100 pupils to talk as.

export const TURN_SCHOOL_ID = 'school';
export const CONVERSATIONS = 50;
export const RACERS = 100;
/** The demo school has 30 staff; these join it so that 50 different staff can talk at once. */
const EXTRA_STAFF = 20;
const AZURITE_SCRIPT = 'azurite-server-process';

export interface TurnBench {
  storage: EmbeddedStorage;
  /** Azurite's process, to account for its CPU (undefined without /proc). */
  azuritePid?: number;
  /** The bench's own handle on that storage, for seeding and for checking what the bots wrote. */
  services: Services;
  connector: LoopbackConnector;
  /** 50 staff (teachers first), each a different roster person. */
  staff: BenchUser[];
  /** 100 pupils with no meeting or request of their own. */
  pupils: BenchUser[];
  /** Environment for a bot process on this storage (bench/bot-process.ts), as `npm start` takes it. */
  botEnv: Record<string, string>;
  /**
   * Deletes the links and audit rows written since the demo school was imported. Azurite's cost per
   * read and write grows with the rows in a partition (Azure's does not), so each measured load
   * starts from the same tables: results stay comparable whatever ran before.
   */
  forgetWrites(): Promise<void>;
  close(): Promise<void>;
}

/** The tables the link turns write to (the link, and its audit entry). */
const WRITTEN_TABLES = ['links', 'audit'] as const;

async function rowKeysOf(
  services: Services,
  table: (typeof WRITTEN_TABLES)[number],
): Promise<Array<{ partitionKey: string; rowKey: string }>> {
  const rows: Array<{ partitionKey: string; rowKey: string }> = [];
  for (const client of await services.storage.everyTable(table)) {
    for await (const entity of client.listEntities({ queryOptions: { select: ['PartitionKey', 'RowKey'] } }))
      rows.push({ partitionKey: entity.partitionKey!, rowKey: entity.rowKey! });
  }
  return rows;
}

async function forgetWritesSince(services: Services, baseline: Map<string, Set<string>>): Promise<void> {
  for (const table of WRITTEN_TABLES) {
    const before = baseline.get(table)!;
    const byPartition = new Map<string, string[]>();
    for (const row of await rowKeysOf(services, table)) {
      if (before.has(`${row.partitionKey}\u0000${row.rowKey}`)) continue;
      const rowKeys = byPartition.get(row.partitionKey) ?? [];
      rowKeys.push(row.rowKey);
      byPartition.set(row.partitionKey, rowKeys);
    }
    for (const [partitionKey, rowKeys] of byPartition) {
      const client = services.storage.table(table, schoolOfPartition(partitionKey));
      // A transaction holds at most 100 operations, all in one partition.
      for (let at = 0; at < rowKeys.length; at += 100)
        await client.submitTransaction(rowKeys.slice(at, at + 100).map((rowKey) => ['delete', { partitionKey, rowKey }]));
    }
  }
}

export interface TurnMeasurement {
  name: string;
  run(bench: TurnBench): Promise<Line[]>;
}

function benchStaff(index: number): Person {
  const number = String(index + 1).padStart(2, '0');
  return {
    id: `TB${number}`,
    role: 'teacher',
    givenName: 'Bench',
    familyName: `Teacher${number}`,
    email: `bench.teacher${number}@northfield.example`,
    send: false,
    pupilPremium: false,
    lookedAfter: false,
    consideringHigherEducation: false,
    subjects: ['Mathematics'],
  };
}

export async function startTurnBench(): Promise<TurnBench> {
  const earlier = new Set(childPidsMatching(AZURITE_SCRIPT));
  const storage = await startInMemoryAzurite();
  const azuritePid = childPidsMatching(AZURITE_SCRIPT).find((pid) => !earlier.has(pid));
  const connector = new LoopbackConnector();
  let opened: OpenedServices | undefined;
  try {
    await connector.start();
    const botEnv: Record<string, string> = {
      TEAMSFX_ENV: 'test',
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      WAYPOINT_STORAGE_CONNECTION_STRING: storage.connectionString,
      WAYPOINT_SCHOOL_ID: TURN_SCHOOL_ID,
      WAYPOINT_DEMO_DATA: 'off',
      LOG_LEVEL: 'silent',
    };
    opened = await openServices(
      loadConfig(botEnv),
      createLogger('warn', (line) => process.stderr.write(line)),
    );
    const demo = generateDemoSchool({ asOf: schoolDateOf(new Date()) });
    const school: SchoolData = {
      ...demo,
      people: [...demo.people, ...Array.from({ length: EXTRA_STAFF }, (_, index) => benchStaff(index))],
    };
    await opened.services.school.import(TURN_SCHOOL_ID, school, emptySchoolData());

    const staffPeople = school.people
      .filter((person) => person.role !== 'pupil')
      .sort((a, b) => Number(b.role === 'teacher') - Number(a.role === 'teacher'));
    const withMeetings = new Set(school.meetings.map((meeting) => meeting.pupilId));
    const pupilPeople = school.people.filter((person) => person.role === 'pupil' && !withMeetings.has(person.id));
    if (staffPeople.length < CONVERSATIONS) throw new Error(`the bench school has ${staffPeople.length} staff, not ${CONVERSATIONS}`);
    if (pupilPeople.length < RACERS) throw new Error(`the bench school has ${pupilPeople.length} pupils without meetings, not ${RACERS}`);
    const staff = staffPeople.slice(0, CONVERSATIONS).map(teamsUserFor);
    const pupils = pupilPeople.slice(0, RACERS).map(teamsUserFor);
    for (const user of [...staff, ...pupils]) connector.addMember(user);

    const services = opened.services;
    const close = opened.close;
    const baseline = new Map<string, Set<string>>();
    for (const table of WRITTEN_TABLES)
      baseline.set(table, new Set((await rowKeysOf(services, table)).map((row) => `${row.partitionKey}\u0000${row.rowKey}`)));
    return {
      storage,
      ...(azuritePid === undefined ? {} : { azuritePid }),
      services,
      connector,
      staff,
      pupils,
      botEnv,
      forgetWrites: () => forgetWritesSince(services, baseline),
      close: async () => {
        dropIdleSockets();
        await close();
        await connector.stop();
        await storage.close();
      },
    };
  } catch (error) {
    await opened?.close();
    await connector.stop();
    await storage.close();
    throw error;
  }
}

/** One chat message to a bot; resolves when the bot has answered (and so sent its replies). */
export async function say(botUrl: string, bench: TurnBench, user: BenchUser, text: string): Promise<void> {
  const answer = await postJson(`${botUrl}/api/messages`, messageActivity(user, bench.connector.url, text));
  if (answer.status >= 300) throw new Error(`bot answered ${answer.status}`);
}

/** The one-line link shortcut: resolves the teacher and writes their link (plus its audit entry). */
export function linkShortcut(turnIndex: number): string {
  return `Y9 maths: topic ${turnIndex} -> nurse`;
}

export async function linksStored(bench: TurnBench): Promise<number> {
  return (await bench.services.school.collections.links.list(TURN_SCHOOL_ID)).length;
}
