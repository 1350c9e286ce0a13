import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/observability/log';
import { openServices, type OpenedServices } from '../../src/services';
import { personalChatKey } from '../../src/storage/conversation-store';
import { startInMemoryAzurite, type EmbeddedStorage } from '../../src/storage/embedded-azurite';
import { FakeTeamsConnector } from '../harness/fake-teams-connector';
import { SCHOOL_ID, TEST_TENANT } from '../harness/test-bot';

const ROOT = path.resolve(__dirname, '../..');
const MESSAGES = 10;

/** The real bot as its own process (`npm start`'s entry point), so it can be killed outright. */
async function startBotProcess(connectionString: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      TEAMSFX_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      WAYPOINT_STORAGE_CONNECTION_STRING: connectionString,
      WAYPOINT_OUTBOX_CLAIM_SECONDS: '3',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('is listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`bot exited early (${code})`)));
  });
  return child;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the bot process is killed while sending proactive messages', () => {
  const connector = new FakeTeamsConnector();
  let storage: EmbeddedStorage;
  let opened: OpenedServices;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    await connector.start();
    storage = await startInMemoryAzurite();
    opened = await openServices(
      loadConfig({ TEAMSFX_ENV: 'test', WAYPOINT_STORAGE_CONNECTION_STRING: storage.connectionString }),
      createLogger('silent'),
    );
    const { services } = opened;
    // Ten people who have chatted with the bot, each with a message waiting (a digest-day batch).
    for (let index = 0; index < MESSAGES; index++) {
      const personId = `T${index}`;
      await services.conversations.save(SCHOOL_ID, personalChatKey(personId), {
        serviceUrl: connector.url,
        channelId: 'msteams',
        conversation: { id: `a:personal-${personId}`, conversationType: 'personal', tenantId: TEST_TENANT, isGroup: false, name: '' },
        bot: { id: '28:waypoint-bot', name: 'Waypoint' },
      });
      await services.outbox.enqueue({
        schoolId: SCHOOL_ID,
        key: `nudge:${personId}`,
        to: { kind: 'person', personId },
        text: `Message ${index}`,
      });
    }
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await opened?.close();
    await storage?.close();
    await connector.stop();
  });

  it('loses nothing and sends nothing twice', async () => {
    connector.holdSendsAfter(4);
    const first = await startBotProcess(storage.connectionString);
    children.push(first);
    // Four delivered, the fifth in flight with no answer yet: now the process dies.
    await until(() => connector.sent.length === 4 && connector.heldSends() >= 1, 60_000);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    connector.releaseHeldSends();

    const second = await startBotProcess(storage.connectionString);
    children.push(second);
    await until(() => connector.sent.length >= MESSAGES, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // room for any duplicate to show up

    const texts = connector.sent.map((entry) => entry.activity.text).sort();
    expect(texts).toEqual(Array.from({ length: MESSAGES }, (_, index) => `Message ${index}`).sort());
    const history = await opened.services.outbox.history(SCHOOL_ID);
    expect(history.map((entry) => entry.status)).toEqual(Array(MESSAGES).fill('sent'));
  }, 180_000);
});
