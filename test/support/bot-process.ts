import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = path.resolve(__dirname, '../..');

export interface BotProcess {
  url: string;
  /** Everything the process (and any child it started with inherited stderr) wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<number | null>;
}

export interface BotProcessOptions {
  env: Record<string, string>;
  /** node -r modules, before tsx. */
  preload?: string[];
}

function spawnBot(options: BotProcessOptions): { child: ChildProcess; stderr: () => string; exited: Promise<number | null> } {
  const preload = (options.preload ?? []).flatMap((file) => ['-r', file]);
  const child = spawn(process.execPath, [...preload, '--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}

/** `npm start`'s entry point (src/index.ts, through tsx) in a process of its own, once it listens. */
export async function startBotProcess(options: BotProcessOptions): Promise<BotProcess> {
  const { child, stderr, exited } = spawnBot(options);
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const listening = /is listening on (http:\/\/\S+)\/api\/messages/.exec(line);
      if (listening) resolve(listening[1]!);
    });
    void exited.then((code) => reject(new Error(`the bot exited (${code}) before listening: ${stderr()}`)));
  });
  return {
    url,
    stderr,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Starts the bot expecting it to refuse: its exit code and what it wrote to stderr (stopped after `timeoutMs` if it runs on). */
export async function botProcessExit(options: BotProcessOptions, timeoutMs = 60_000): Promise<{ code: number | null; stderr: string }> {
  const { child, stderr, exited } = spawnBot(options);
  child.stdout!.resume();
  const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
  const code = await exited;
  clearTimeout(timer);
  return { code, stderr: stderr() };
}
