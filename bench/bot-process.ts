// One bot in a process of its own, for the bench: `node lib/bench/bot-process.js [echo|background]`
// (compiled), Waypoint or (with `echo`) the baseline echo bot; `background` runs Waypoint's
// background jobs too (sending, the attendance fan-out), as a deployed instance does. Waypoint is
// configured by environment as `npm start` is (WAYPOINT_STORAGE_CONNECTION_STRING, PORT=0, HOST, LOG_LEVEL, ...). Prints one
// JSON line when listening: {"url","pid","rss"}. Then, one line each: "rss" answers
// {"rss","heapUsed"}; "gc" collects garbage first (with --expose-gc), then answers the same.
// Closing stdin (or SIGTERM) closes the bot and exits.

import { createInterface } from 'node:readline';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/observability/log';
import { startWaypoint } from '../src/waypoint';
import { startEchoBot } from './echo-bot';

function say(message: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

async function startBot(): Promise<{ url: string; close(): Promise<void> }> {
  if (process.argv[2] === 'echo') return startEchoBot();
  const config = loadConfig(process.env);
  return startWaypoint(config, {
    log: createLogger(config.logLevel, (line) => process.stderr.write(line)),
    backgroundJobs: process.argv[2] === 'background',
  });
}

async function main(): Promise<void> {
  const bot = await startBot();
  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    // Kept-alive sockets from the load generator must not hold the exit up.
    setTimeout(() => process.exit(0), 3_000).unref();
    bot.close().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const command = line.trim();
    if (command !== 'rss' && command !== 'gc') return;
    // "gc" (started with --expose-gc) shows how much of the RSS is garbage not yet collected.
    if (command === 'gc') (globalThis as { gc?: () => void }).gc?.();
    const memory = process.memoryUsage();
    say({ rss: memory.rss, heapUsed: memory.heapUsed, heapTotal: memory.heapTotal, external: memory.external });
  });
  lines.on('close', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  say({ url: bot.url, pid: process.pid, rss: process.memoryUsage().rss });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench bot process failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
