// `npm run playground -- --as ROLE`: the bot (as `npm start` runs it) plus the Microsoft 365 Agents
// Playground, signed in as a roster person with that role, all on this machine.
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config';
import { ROLE_LABELS } from '../domain/roles';
import { ROLES, type Person, type Role } from '../domain/school';
import { choosePlaygroundCast } from '../playground/playground-people';
import { PLAYGROUND_TENANT_ID, playgroundProfileYaml } from '../playground/playground-profile';
import { PLAYGROUND_DEFAULT_PORT, startPlayground, type RunningPlayground } from '../playground/start-playground';
import { playgroundReadyMessage } from '../playground/ready-message';
import { startWaypoint, type RunningWaypoint } from '../waypoint';
import { optionValue, schoolOption } from './with-services';

const USAGE = `Usage: npm run playground -- [--as ${ROLES.join('|')}] [--school SCHOOL_ID]`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const role = (optionValue(args, 'as') ?? 'pupil') as Role;
  if (!ROLES.includes(role)) {
    process.stderr.write(`"${role}" is not a role Waypoint knows.\n${USAGE}\n`);
    return 2;
  }

  const playgroundPort = Number(process.env.TEAMSAPPTESTER_PORT || PLAYGROUND_DEFAULT_PORT);
  if (!Number.isInteger(playgroundPort) || playgroundPort < 0 || playgroundPort > 65535) {
    process.stderr.write(`TEAMSAPPTESTER_PORT must be a port number (0 for any free port), got "${process.env.TEAMSAPPTESTER_PORT}".\n`);
    return 2;
  }
  const config = playgroundConfig();
  const schoolId = schoolOption(args, config.defaultSchoolId);
  let waypoint: RunningWaypoint | undefined;
  let playground: RunningPlayground | undefined;
  let you: Person;
  const stopAll = async () => {
    await playground?.stop();
    await waypoint?.close();
  };
  try {
    // What others are sent waits for the Playground to be started as them, rather than failing.
    waypoint = await startWaypoint(config, { holdForAbsent: true });
    // Only the roster is needed, not the whole school.
    const cast = choosePlaygroundCast(await waypoint.services.school.people.list(schoolId), role);
    if (!cast) {
      process.stderr.write(
        `Nobody in school "${schoolId}" has the role ${ROLE_LABELS[role]}. Import the school's data first ` +
          '(npm run import -- DIR). Embedded storage starts with the Northfield Academy demo school unless WAYPOINT_DEMO_DATA=off.\n',
      );
      await stopAll();
      return 1;
    }
    you = cast.you;
    playground = await startPlayground({
      botEndpoint: `${waypoint.url}/api/messages`,
      profileYaml: playgroundProfileYaml({
        currentUser: cast.you,
        otherUsers: cast.others,
        tenantId: config.allowedTenantId ?? PLAYGROUND_TENANT_ID,
      }),
      workDir: path.join(config.storage.dataDir, 'playground'),
      port: playgroundPort,
    });
  } catch (error) {
    await stopAll();
    throw error;
  }

  process.stdout.write(playgroundReadyMessage({ playgroundUrl: playground.url, botUrl: waypoint.url, you, schoolId }));

  const running = playground;
  return new Promise<number>((resolve) => {
    let stopping = false;
    let interrupts = 0;
    const stop = (code: number) => {
      if (stopping) return;
      stopping = true;
      void stopAll().then(
        () => resolve(code),
        () => resolve(1),
      );
    };
    const onSignal = () => {
      // A second Ctrl+C while stopping means "stop now".
      if (++interrupts > 1) process.exit(130);
      stop(0);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    void running.exited.then(({ signal }) => {
      // Ctrl+C in a terminal signals the Playground too: that is a normal stop.
      const interrupted = signal === 'SIGINT' || signal === 'SIGTERM';
      if (!stopping && !interrupted) process.stderr.write(`The Playground stopped unexpectedly; its log is ${running.logFile}\n`);
      stop(interrupted ? 0 : 1);
    });
  });
}

/**
 * The configuration `npm start` would use, with local defaults (any free port, quieter logs). The
 * Playground sends unsigned requests, so Bot Framework credentials (the "playground" Teams
 * environment has a fake BOT_ID) are set aside; an unauthenticated bot then stays on loopback.
 */
function playgroundConfig(): Config {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'warn', ...process.env });
  if (config.bot.appId !== undefined) {
    process.stdout.write('Note: BOT_ID and BOT_PASSWORD are ignored here, because the Playground cannot sign its requests.\n');
  }
  return { ...config, host: '127.0.0.1', bot: { ...config.bot, appId: undefined, appPassword: undefined, appTenantId: undefined } };
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      error instanceof ConfigError
        ? `${error.message}\n`
        : `The Playground could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
