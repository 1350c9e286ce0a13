import { spawnSync } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInMemoryAzurite, type EmbeddedStorage } from '../../src/storage/embedded-azurite';
import { botProcessExit, startBotProcess, type BotProcess } from '../support/bot-process';
import { person, schoolWith, TEST_TENANT, TestBot } from '../harness/test-bot';

const ROOT = path.resolve(__dirname, '../..');

describe('production mode', () => {
  it('refuses to start without Bot Framework credentials, saying why', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', TEAMSFX_ENV: 'none' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('will not start in production without Bot Framework credentials');
  });

  it('refuses to start on embedded storage, saying why', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        TEAMSFX_ENV: 'none',
        BOT_ID: 'abc',
        BOT_PASSWORD: 'secret',
        WAYPOINT_TENANT_ID: TEST_TENANT,
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('will not start in production on embedded storage');
  });
});

/** What someone may run by mistake on a server: real credentials, but NODE_ENV left unset or `development`. */
const CREDENTIALS = { TEAMSFX_ENV: 'none', HOST: '127.0.0.1', PORT: '0', BOT_ID: 'abc', BOT_PASSWORD: 'secret' };
const triggerDigest = (url: string) =>
  fetch(`${url}/dev/jobs/weekly-digest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ at: '2026-11-30T08:00:00Z' }),
  });

describe('credentials configured, whatever NODE_ENV says', { timeout: 90_000 }, () => {
  let storage: EmbeddedStorage;
  beforeAll(async () => {
    storage = await startInMemoryAzurite();
  });
  afterAll(async () => storage?.close());

  for (const nodeEnv of [undefined, 'development']) {
    const environment: Record<string, string> = nodeEnv === undefined ? {} : { NODE_ENV: nodeEnv };
    it(`refuses to start without the school's tenant id (NODE_ENV ${nodeEnv ?? 'unset'}), saying why`, async () => {
      const result = await botProcessExit({
        env: { ...CREDENTIALS, ...environment, WAYPOINT_STORAGE_CONNECTION_STRING: storage.connectionString },
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('will not start in production without WAYPOINT_TENANT_ID');
      expect(result.stderr).toContain('BOT_ID is set, so this is production whatever NODE_ENV says');
    });
  }

  it('refuses to start on embedded storage (NODE_ENV development), saying why', async () => {
    const result = await botProcessExit({ env: { ...CREDENTIALS, NODE_ENV: 'development', WAYPOINT_TENANT_ID: TEST_TENANT } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('will not start in production on embedded storage');
  });

  it('has no development job trigger, so nothing can post digests or mark weeks as sent without a token', async () => {
    let bot: BotProcess | undefined;
    try {
      bot = await startBotProcess({
        env: {
          ...CREDENTIALS,
          LOG_LEVEL: 'warn',
          WAYPOINT_TENANT_ID: TEST_TENANT,
          WAYPOINT_STORAGE_CONNECTION_STRING: storage.connectionString,
        },
      });
      expect((await triggerDigest(bot.url)).status).toBe(404);
    } finally {
      await bot?.stop();
    }
  });
});

describe('without credentials', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({ env: { HOST: '0.0.0.0' } });
  });
  afterAll(async () => bot.stop());

  it('listens on loopback only, whatever HOST says, and says so', async () => {
    expect(bot.waypoint.loopbackOnly).toBe(true);
    const listening = bot.logLines.map((line) => JSON.parse(line)).find((line) => line.event === 'server.listening');
    expect(listening).toMatchObject({ host: '127.0.0.1', authenticated: false });
    expect(bot.logLines.some((line) => line.includes('"server.loopback_only"'))).toBe(true);
    // Reachable on loopback, and not on any other address this machine has.
    expect((await fetch(`http://127.0.0.1:${bot.waypoint.port}/healthz`)).status).toBe(200);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (external) await expect(fetch(`http://${external.address}:${bot.waypoint.port}/healthz`)).rejects.toThrow();
  });

  it('runs the development job trigger from its JSON body, read by the same bounded reader', async () => {
    const trigger = (headers: Record<string, string>) =>
      fetch(`${bot.waypoint.url}/dev/jobs/weekly-digest`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ at: '2026-11-30T08:00:00Z' }),
      });
    const ran = await trigger({});
    expect(ran.status).toBe(200);
    expect(await ran.json()).toEqual({ runs: expect.any(Array) });
    expect((await trigger({ 'content-encoding': 'gzip' })).status).toBe(400);
  });
});

describe('with an app id configured', () => {
  let bot: TestBot;
  beforeAll(async () => {
    const pupil = person({ id: 'P1', role: 'pupil', givenName: 'Ava', familyName: 'Patel', email: 'ava@school.example', yearGroup: 9 });
    bot = await TestBot.start({
      school: schoolWith([pupil]),
      env: { BOT_ID: '11111111-2222-4333-8444-555555555555', BOT_PASSWORD: 'not-a-real-secret', HOST: '0.0.0.0' },
    });
  });
  afterAll(async () => bot.stop());

  it('listens where HOST says', () => {
    expect(bot.waypoint.loopbackOnly).toBe(false);
    expect(bot.logLines.map((line) => JSON.parse(line)).find((line) => line.event === 'server.listening')).toMatchObject({
      host: '0.0.0.0',
      authenticated: true,
    });
  });

  it('rejects an unsigned request with 401 and sends nothing', async () => {
    const user = bot.userFor({ id: 'P1', givenName: 'Ava', familyName: 'Patel', email: 'ava@school.example' });
    const response = await bot.post({ ...bot.baseActivity(user), type: 'message', text: 'help' });
    expect(response.status).toBe(401);
    expect(bot.connector.sent).toHaveLength(0);
  });

  it('rejects a request with a forged bearer token', async () => {
    const user = bot.userFor({ id: 'P1', givenName: 'Ava', familyName: 'Patel', email: 'ava@school.example' });
    const forged = [
      'eyJhbGciOiJIUzI1NiJ9',
      Buffer.from(JSON.stringify({ aud: '11111111-2222-4333-8444-555555555555' })).toString('base64url'),
      'c2ln',
    ].join('.');
    const response = await bot.post({ ...bot.baseActivity(user), type: 'message', text: 'help' }, { authorization: `Bearer ${forged}` });
    expect(response.status).toBe(401);
    expect(bot.connector.sent).toHaveLength(0);
  });

  it('has no development job trigger', async () => {
    expect((await triggerDigest(bot.waypoint.url)).status).toBe(404);
  });

  it('reports storage health', async () => {
    const response = await fetch(`${bot.waypoint.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', storage: 'reachable' });
  });
});
