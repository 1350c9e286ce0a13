import { ConfigError, loadConfig } from './config';
import { exitOnUncaughtErrors } from './observability/last-resort';
import { createLogger } from './observability/log';
import { startWaypoint } from './waypoint';

exitOnUncaughtErrors(createLogger('error'));

async function main(): Promise<void> {
  const config = loadConfig();
  const waypoint = await startWaypoint(config);
  process.stdout.write(`Waypoint is listening on ${waypoint.url}/api/messages (health: ${waypoint.url}/healthz)\n`);
  if (waypoint.loopbackOnly) {
    process.stdout.write(
      'No Bot Framework credentials (BOT_ID, BOT_PASSWORD): tokens are not checked, so Waypoint listens on this machine ' +
        'only (127.0.0.1), whatever HOST says.\n',
    );
  }
  const stop = async () => {
    await waypoint.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Waypoint could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
