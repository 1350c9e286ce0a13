import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { NODE_FLAGS } from '../src/node-flags';
import { PROJECT_ROOT } from '../src/project-root';
import { createInterface } from 'node:readline';

// The parent's side of bench/bot-process.ts: start it, read its URL, ask its RSS, stop it.

// Compiled, as `npm start` and App Service run the bot: `npm run bench` builds lib/ first.
const SCRIPT = path.join(__dirname, 'bot-process.js');

/** process.memoryUsage() of the bot, in bytes. */
export interface BotMemory {
  rss: number;
  heapUsed: number;
  /** What V8 has reserved for the heap, used or not. */
  heapTotal: number;
  /** Memory outside the heap held by JavaScript objects (buffers). */
  external: number;
}

export interface BotChild {
  url: string;
  pid: number;
  /** RSS the moment it reported ready, before any turn. */
  startRss: number;
  memory(): Promise<BotMemory>;
  /** The same after a full garbage collection: what the process still holds. */
  memoryAfterGc(): Promise<BotMemory>;
  /** Idempotent; always leaves the process gone (SIGKILL after 5 s). */
  stop(): Promise<void>;
}

/** Waypoint configured by `env` (as `npm start` would be), with its background jobs or without, or the echo baseline bot. */
export async function startBotChild(
  env: Record<string, string>,
  bot: 'waypoint' | 'waypoint-with-background-jobs' | 'echo' = 'waypoint',
  readyTimeoutMs = 60_000,
): Promise<BotChild> {
  const kind = { waypoint: [], 'waypoint-with-background-jobs': ['background'], echo: ['echo'] }[bot];
  const child = spawn(process.execPath, [...NODE_FLAGS, '--expose-gc', SCRIPT, ...kind], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waiting: Array<(message: Record<string, unknown>) => void> = [];
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return; // not ours (a stray print); the protocol lines are JSON
    }
    waiting.shift()?.(message);
  });
  const next = (timeoutMs: number, what: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench bot process: no ${what} within ${timeoutMs} ms`)), timeoutMs);
      const onExit = (code: number | null) => reject(new Error(`bench bot process exited (${code}) before ${what}`));
      child.once('exit', onExit);
      waiting.push((message) => {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(message);
      });
    });
  const ask = async (command: 'rss' | 'gc') => {
    const answer = next(10_000, `${command} answer`);
    child.stdin!.write(`${command}\n`);
    const message = await answer;
    return {
      rss: Number(message.rss),
      heapUsed: Number(message.heapUsed),
      heapTotal: Number(message.heapTotal),
      external: Number(message.external),
    };
  };
  const stop = stopper(child, exited);
  try {
    const ready = await next(readyTimeoutMs, 'ready line');
    return {
      url: String(ready.url),
      pid: Number(ready.pid),
      startRss: Number(ready.rss),
      memory: () => ask('rss'),
      memoryAfterGc: () => ask('gc'),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function stopper(child: ChildProcess, exited: Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin!.end();
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    })();
    return stopping;
  };
}
