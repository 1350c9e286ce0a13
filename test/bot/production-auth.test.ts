import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person, schoolWith, TestBot } from '../harness/test-bot';

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
});

describe('with an app id configured', () => {
  let bot: TestBot;
  beforeAll(async () => {
    const pupil = person({ id: 'P1', role: 'pupil', givenName: 'Ava', familyName: 'Patel', email: 'ava@school.example', yearGroup: 9 });
    bot = await TestBot.start({
      school: schoolWith([pupil]),
      env: { BOT_ID: '11111111-2222-4333-8444-555555555555', BOT_PASSWORD: 'not-a-real-secret' },
    });
  });
  afterAll(async () => bot.stop());

  it('rejects an unsigned request with 401 and sends nothing', async () => {
    const user = bot.userFor({ id: 'P1', givenName: 'Ava', familyName: 'Patel', email: 'ava@school.example' });
    const response = await bot.post({ ...bot.baseActivity(user), type: 'message', text: 'help' });
    expect(response.status).toBe(401);
    expect(bot.connector.sent).toHaveLength(0);
  });

  it('rejects a request with a forged bearer token', async () => {
    const user = bot.userFor({ id: 'P1', givenName: 'Ava', familyName: 'Patel', email: 'ava@school.example' });
    const forged = ['eyJhbGciOiJIUzI1NiJ9', Buffer.from(JSON.stringify({ aud: '11111111-2222-4333-8444-555555555555' })).toString('base64url'), 'c2ln'].join('.');
    const response = await bot.post({ ...bot.baseActivity(user), type: 'message', text: 'help' }, { authorization: `Bearer ${forged}` });
    expect(response.status).toBe(401);
    expect(bot.connector.sent).toHaveLength(0);
  });

  it('reports storage health', async () => {
    const response = await fetch(`${bot.waypoint.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', storage: 'reachable' });
  });
});
