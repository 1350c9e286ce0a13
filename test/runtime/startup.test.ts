// The bot as `npm start` runs it, in a process of its own: what it prints on the Node it runs on,
// and what it needs installed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInMemoryAzurite, type EmbeddedStorage } from '../../src/storage/embedded-azurite';
import { FakeTeamsConnector } from '../harness/fake-teams-connector';
import { botProcessExit, startBotProcess, type BotProcess } from '../support/bot-process';

const ROOT = path.resolve(__dirname, '../..');
const HIDE_DEV_PACKAGES = path.join(ROOT, 'test/support/without-packages.cjs');

interface LockEntry {
  dev?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/**
 * The folders `npm ci --omit=dev` leaves out: every package the lock file marks as needed only for
 * development, except tsx and what it needs, which these tests run the sources with.
 */
function devOnlyPackageDirs(): string[] {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const loader = new Set<string>();
  const addWithDependencies = (name: string): void => {
    const key = `node_modules/${name}`;
    if (loader.has(key) || !lock.packages[key]) return;
    loader.add(key);
    const entry = lock.packages[key]!;
    for (const dependency of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) addWithDependencies(dependency);
  };
  addWithDependencies('tsx');
  return Object.entries(lock.packages)
    .filter(([key, entry]) => key !== '' && entry.dev === true && !loader.has(key))
    .map(([key]) => path.join(ROOT, key));
}

/** A Teams message from someone not on any roster: a whole turn, ending in one polite reply. */
async function oneTurn(bot: BotProcess, connector: FakeTeamsConnector): Promise<void> {
  const before = connector.sent.length;
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: 'startup-turn',
      text: 'help',
      serviceUrl: connector.url,
      channelId: 'msteams',
      from: { id: '29:1stranger', aadObjectId: '0b7c1d2e-0000-4000-8000-00000000f00d' },
      recipient: { id: '28:waypoint-bot' },
      conversation: { id: 'a:personal-stranger', conversationType: 'personal', tenantId: 'f00d0000-0000-4000-8000-000000000001' },
      channelData: { tenant: { id: 'f00d0000-0000-4000-8000-000000000001' } },
    }),
  });
  expect(response.status).toBe(200);
  expect(connector.sent.length).toBe(before + 1);
}

describe('the bot process', { timeout: 90_000 }, () => {
  const connector = new FakeTeamsConnector();
  let storage: EmbeddedStorage;
  const dataDirs: string[] = [];
  const botEnv = (extra: Record<string, string>) => ({
    TEAMSFX_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    WAYPOINT_DEMO_DATA: 'off',
    ...extra,
  });
  const freshDataDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'waypoint-startup-'));
    dataDirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    await connector.start();
    storage = await startInMemoryAzurite();
  });
  afterAll(async () => {
    await storage?.close();
    await connector.stop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it(`starts on ${process.version} with embedded storage, serves a turn and prints nothing on stderr (no deprecations)`, async () => {
    const bot = await startBotProcess({ env: botEnv({ WAYPOINT_DATA_DIR: freshDataDir() }) });
    try {
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
      await oneTurn(bot, connector);
    } finally {
      await bot.stop();
    }
    expect(bot.stderr()).toBe('');
  });

  it('starts and serves on configured storage with none of the development-only packages (a production install)', async () => {
    const hidden = devOnlyPackageDirs();
    expect(hidden).toContain(path.join(ROOT, 'node_modules/azurite'));
    const bot = await startBotProcess({
      env: botEnv({ WAYPOINT_STORAGE_CONNECTION_STRING: storage.connectionString, WAYPOINT_HIDDEN_DIRS: JSON.stringify(hidden) }),
      preload: [HIDE_DEV_PACKAGES],
    });
    try {
      expect(await (await fetch(`${bot.url}/healthz`)).json()).toEqual({ status: 'ok', storage: 'reachable' });
      await oneTurn(bot, connector);
    } finally {
      await bot.stop();
    }
    expect(bot.stderr()).toBe('');
  });

  it('says what to do when storage is embedded but Azurite (a development dependency) is not installed', async () => {
    const result = await botProcessExit({
      env: botEnv({ WAYPOINT_DATA_DIR: freshDataDir(), WAYPOINT_HIDDEN_DIRS: JSON.stringify([path.join(ROOT, 'node_modules/azurite')]) }),
      preload: [HIDE_DEV_PACKAGES],
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Embedded storage needs Azurite, a development dependency that is not installed');
    expect(result.stderr).toContain('WAYPOINT_STORAGE_CONNECTION_STRING');
  });
});
