// Runs the Microsoft 365 Agents Playground (a local fake Teams) as a child process, bound to
// loopback, talking to one bot endpoint, with "you" set by the yml profile written beforehand.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const PLAYGROUND_CONFIG_FILE = '.m365agentsplayground.yml';
/** The Playground's own default port; it moves to a free port when this one is taken. */
export const PLAYGROUND_DEFAULT_PORT = 56150;

const BIND_LOOPBACK_PRELOAD = path.join(__dirname, 'bind-loopback.cjs');
const STOP_GRACE_MS = 5_000;

export interface PlaygroundStartOptions {
  /** Where the bot listens, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** The yml text from playgroundProfileYaml. */
  profileYaml: string;
  /** The Playground's working folder: its yml and log file are written here. */
  workDir: string;
  /** 0 (the default) for any free port. */
  port?: number;
  timeoutMs?: number;
}

export interface RunningPlayground {
  /** Open this in a browser. */
  url: string;
  port: number;
  configFile: string;
  logFile: string;
  /** Settles when the Playground process ends, whether or not stop() ended it. */
  exited: Promise<PlaygroundExit>;
  stop(): Promise<void>;
}

export interface PlaygroundExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export async function startPlayground(options: PlaygroundStartOptions): Promise<RunningPlayground> {
  if (!existsSync(BIND_LOOPBACK_PRELOAD)) throw new Error(`The loopback preload is missing: ${BIND_LOOPBACK_PRELOAD}`);
  mkdirSync(options.workDir, { recursive: true });
  const configFile = path.join(options.workDir, PLAYGROUND_CONFIG_FILE);
  const logFile = path.join(options.workDir, 'playground.log');
  writeFileSync(configFile, options.profileYaml);

  const child = spawn(
    process.execPath,
    ['-r', BIND_LOOPBACK_PRELOAD, playgroundCliPath(), 'start', '--port', String(options.port ?? 0), '--disable-telemetry'],
    {
      // It looks for its yml in the working directory; the env var says so explicitly as well.
      cwd: options.workDir,
      env: {
        ...process.env,
        BOT_ENDPOINT: options.botEndpoint,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<PlaygroundExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  // Never leave a Playground behind if this process ends without calling stop().
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await stopChild(child);
  };

  try {
    const port = await listeningPort(child, options.timeoutMs ?? 30_000);
    const url = `http://127.0.0.1:${port}`;
    await untilAnswering(`${url}/_internal/v1/config`, child, options.timeoutMs ?? 30_000);
    return { url, port, configFile, logFile, exited, stop };
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nThe Playground's log: ${logFile}`, { cause: error });
  }
}

function playgroundCliPath(): string {
  const packageJson = require.resolve('@microsoft/m365agentsplayground/package.json');
  const { bin } = JSON.parse(readFileSync(packageJson, 'utf8')) as { bin: Record<string, string> };
  const cli = bin.agentsplayground ?? Object.values(bin)[0];
  if (!cli) throw new Error('@microsoft/m365agentsplayground has no command-line entry point');
  return path.join(path.dirname(packageJson), cli);
}

/** When stdout is not a terminal, the Playground prints "Listening on <port>" once it is up. */
function listeningPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      child.stdout?.removeListener('data', onStdout);
      child.stdout?.resume();
      child.removeListener('exit', onExit);
      outcome();
    };
    const onStdout = (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Listening on (\d+)/.exec(stdout);
      if (match) finish(() => resolve(Number(match[1])));
    };
    const onExit = (code: number | null) =>
      finish(() => reject(new Error(`The Playground stopped before it was ready (exit code ${code}).\n${tail(stdout + stderr)}`)));
    const timer = setTimeout(
      () => finish(() => reject(new Error(`The Playground did not start within ${timeoutMs} ms.\n${tail(stdout + stderr)}`))),
      timeoutMs,
    );
    child.stdout?.on('data', onStdout);
    // Keep reading stderr so a chatty Playground never blocks on a full pipe.
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4_000);
    });
    child.once('exit', onExit);
  });
}

async function untilAnswering(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The Playground stopped (exit code ${child.exitCode}).`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not answering yet.
    }
    if (Date.now() > deadline) throw new Error(`The Playground did not answer at ${url} within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-15).join('\n');
}
