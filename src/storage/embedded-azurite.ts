import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Azurite's package entry point needs VS Code; its table server classes work on their own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const TableServer = require('azurite/dist/src/table/TableServer').default as new (config: unknown) => AzuriteTableServer;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const TableConfiguration = require('azurite/dist/src/table/TableConfiguration').default as new (...args: unknown[]) => unknown;

interface AzuriteTableServer {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}

// The well-known development account every Azure SDK and emulator accepts.
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(port: number, host = '127.0.0.1'): string {
  return `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://${host}:${port}/${DEV_ACCOUNT};`;
}

export interface EmbeddedStorage {
  connectionString: string;
  /** True when this process started the server (and so must close it). */
  owned: boolean;
  close(): Promise<void>;
}

/** In-memory Azurite on a free loopback port: for tests and benchmarks. */
export async function startInMemoryAzurite(): Promise<EmbeddedStorage> {
  const server = new TableServer(
    new TableConfiguration('127.0.0.1', 0, undefined, 'memory', false, false, undefined, undefined, false, true, '', '', '', undefined, false, true),
  );
  await server.start();
  const port = Number(new URL(server.getHttpServerAddress()).port);
  return { connectionString: azuriteConnectionString(port), owned: true, close: () => server.close() };
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
  const server = new TableServer(
    new TableConfiguration('127.0.0.1', 0, undefined, path.join(dataDir, 'tables.json'), false, false, undefined, undefined, false, true, '', '', '', undefined, false, false),
  );
  await server.start();
  const port = Number(new URL(server.getHttpServerAddress()).port);
  writeFileSync(recordFile, JSON.stringify({ port, pid: process.pid } satisfies ServerRecord));
  return {
    connectionString: azuriteConnectionString(port),
    owned: true,
    close: async () => {
      await server.close();
      if (readServerRecord(recordFile)?.pid === process.pid) rmSync(recordFile, { force: true });
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
