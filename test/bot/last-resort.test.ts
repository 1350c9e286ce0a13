import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

describe('an error nothing caught', () => {
  it.each(['exception', 'rejection'])('an uncaught %s is logged by kind and class only, and the process exits', (kind) => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/crashing-process.ts', kind], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    const line = JSON.parse(result.stdout.trim().split('\n').at(-1)!);
    expect(line).toMatchObject({
      level: 'error',
      event: 'process.crashed',
      kind: kind === 'exception' ? 'uncaughtException' : 'unhandledRejection',
      error: 'TypeError',
    });
    expect(result.stdout + result.stderr).not.toContain('Ava Patel');
  });
});
