import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

// The well-known development account every Azure SDK and emulator accepts.
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const SERVER_SCRIPT = path.join(__dirname, 'azurite-server-process.cjs');

export function azuriteConnectionString(port: number, host = '127.0.0.1'): string {
  const tableEndpoint = `http://${host}:${port}/${DEV_ACCOUNT}`;
  return `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=${tableEndpoint};`;
}

export interface EmbeddedStorage {
  connectionString: string;
  /** True when this process started the server (and so must close it). */
  owned: boolean;
  close(): Promise<void>;
}

/** In-memory Azurite on a free loopback port, in a child process: for tests and benchmarks. */
export async function startInMemoryAzurite(): Promise<EmbeddedStorage> {
  const child = await startAzuriteProcess('memory');
  return { connectionString: azuriteConnectionString(child.port), owned: true, close: child.stop };
}

interface ServerRecord {
  port: number;
  pid: number;
}

/**
 * Azurite kept on disk in dataDir. The first process to start (the bot, or a CLI command) serves
 * it and records its port; later processes attach to that server instead of opening the same
 * database file twice, which would lose one side's writes.
 */
export async function startPersistentAzurite(dataDir: string): Promise<EmbeddedStorage> {
  mkdirSync(dataDir, { recursive: true });
  const recordFile = path.join(dataDir, 'azurite-server.json');
  const running = readServerRecord(recordFile);
  if (running && isProcessAlive(running.pid) && (await answers(running.port))) {
    return { connectionString: azuriteConnectionString(running.port), owned: false, close: async () => {} };
  }
  const child = await startAzuriteProcess(path.join(dataDir, 'tables.json'));
  writeFileSync(recordFile, JSON.stringify({ port: child.port, pid: child.pid } satisfies ServerRecord));
  return {
    connectionString: azuriteConnectionString(child.port),
    owned: true,
    close: async () => {
      if (readServerRecord(recordFile)?.pid === child.pid) rmSync(recordFile, { force: true });
      await child.stop();
    },
  };
}

interface AzuriteProcess {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** Azurite on disk at a chosen port: fault tests stop it and start it again where the bot expects it. */
export async function startDiskAzuriteAt(file: string, port: number): Promise<EmbeddedStorage> {
  const child = await startAzuriteProcess(file, port);
  return { connectionString: azuriteConnectionString(child.port), owned: true, close: child.stop };
}

/**
 * Azurite is a development dependency, loaded only when storage is embedded: a production install
 * (`npm ci --omit=dev`) leaves it out, and then only a configured storage account will do.
 */
function requireAzuriteInstalled(): void {
  try {
    require.resolve('azurite/dist/src/table/TableServer');
  } catch {
    throw new Error(
      'Embedded storage needs Azurite, a development dependency that is not installed (a production install leaves it out). ' +
        'Set WAYPOINT_STORAGE_ACCOUNT_URL or WAYPOINT_STORAGE_CONNECTION_STRING, or run npm install to include the ' +
        'development dependencies.',
    );
  }
}

async function startAzuriteProcess(target: string, requestedPort = 0): Promise<AzuriteProcess> {
  requireAzuriteInstalled();
  const child = spawn(process.execPath, [SERVER_SCRIPT, target, String(requestedPort)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      try {
        resolve((JSON.parse(line) as { port: number }).port);
      } catch {
        reject(new Error(`Azurite said something unexpected: ${line.slice(0, 200)}`));
      }
    });
    child.once('exit', (code) => reject(new Error(`Azurite exited (${code}) before it was ready`)));
  });
  // Closing stdin asks it to flush and stop; it also stops by itself if this process dies.
  return {
    port,
    pid: child.pid!,
    stop: async () => {
      child.stdin!.end();
      await exited;
    },
  };
}

function readServerRecord(file: string): ServerRecord | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as Partial<ServerRecord>;
    return typeof record.port === 'number' && typeof record.pid === 'number' ? { port: record.port, pid: record.pid } : undefined;
  } catch {
    return undefined;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function answers(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/${DEV_ACCOUNT}/Tables`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}
