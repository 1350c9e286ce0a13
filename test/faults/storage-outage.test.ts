import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiskAzuriteAt, type EmbeddedStorage } from '../../src/storage/embedded-azurite';
import { cardOf, cardText, person, SCHOOL_ID, schoolWith, TestBot } from '../harness/test-bot';

const teacher = person({
  id: 'T1',
  role: 'teacher',
  givenName: 'Sam',
  familyName: 'Okafor',
  email: 'sam@school.example',
  subjects: ['Mathematics'],
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('storage stops mid-run', () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'waypoint-outage-')), 'tables.json');
  let port: number;
  let storage: EmbeddedStorage;
  let bot: TestBot;

  beforeAll(async () => {
    port = await freePort();
    storage = await startDiskAzuriteAt(file, port);
    bot = await TestBot.start({
      storage,
      school: schoolWith([teacher], { curriculum: [{ subject: 'Mathematics', yearGroups: [7, 8, 9] }] }),
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await storage?.close();
  });

  it('tells the user to try again in a minute, writes nothing, and recovers by itself', async () => {
    const user = bot.userFor(teacher);
    expect(cardText((await bot.say(user, 'Y7 maths: place value -> banker', { id: 'before' }))[0]!)).toContain('Careers link saved');

    await storage.close();
    const started = Date.now();
    const health = await fetch(`${bot.waypoint.url}/healthz`);
    expect(health.status).toBe(503);
    // (Typing indicators may come first while it waits.)
    const apology = (await bot.say(user, 'Y8 maths: ratio -> nurse', { id: 'during' })).find((reply) => reply.type === 'message');
    expect(apology!.text).toMatch(/can’t reach Waypoint’s records just now.*try again in a minute/);
    // Teams retries a turn after 15 seconds: the apology must come well before that.
    expect(Date.now() - started).toBeLessThan(15_000);

    storage = await startDiskAzuriteAt(file, port);
    expect((await fetch(`${bot.waypoint.url}/healthz`)).status).toBe(200);
    const [saved] = await bot.say(user, 'Y9 maths: graphs -> analyst', { id: 'after' });
    expect(cardText(saved!)).toContain('Careers link saved');
    const links = await bot.waypoint.services.school.collections.links.list(SCHOOL_ID);
    expect(links.map((link) => link.yearGroup).sort()).toEqual([7, 9]);
    // The redelivered message from the outage, now that storage is back, is recorded once.
    expect(cardText(cardOf((await bot.say(user, 'Y8 maths: ratio -> nurse', { id: 'during' }))[0]))).toContain('Careers link saved');
    expect(await bot.waypoint.services.school.collections.links.list(SCHOOL_ID)).toHaveLength(3);
  });
});
