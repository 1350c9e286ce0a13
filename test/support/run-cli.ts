import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { EmbeddedStorage } from '../../src/storage/embedded-azurite';

const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run <command>` as a user would (the real CLI, its own process) against our Azurite. */
export async function runCli(storage: EmbeddedStorage, command: string, args: readonly string[], tablePrefix = 'cli'): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', `src/cli/${command}.ts`, ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        TEAMSFX_ENV: 'test',
        WAYPOINT_STORAGE_CONNECTION_STRING: storage.connectionString,
        WAYPOINT_TABLE_PREFIX: tablePrefix,
      },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as CliResult;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
