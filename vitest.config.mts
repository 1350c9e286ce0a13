import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { defineConfig } from 'vitest/config';

// Three test tiers (README, "Checks"), decided by what a test file imports, itself or through a
// helper under test/ or testing/: test/e2e/ is the browser tier; a file that reaches one of
// STARTERS starts storage, the bot, a server or a process and is the http tier; the rest is unit.
// `vitest run` runs all three, `vitest run --project unit` one; test/architecture/tiers.test.ts checks them.

export type Tier = 'unit' | 'http' | 'e2e';

/** Imports that start something: in-memory or embedded Azurite, the bot, a server or a child process. */
export const STARTERS: readonly string[] = [
  'test/harness/test-bot',
  'src/storage/embedded-azurite',
  'src/waypoint',
  'src/services',
  'azurite',
  'node:child_process',
  'child_process',
  'node:http',
  'node:https',
  'node:net',
  'node:worker_threads',
  'restify',
];

const ROOT = import.meta.dirname;
/** Runtime imports only: `import type` brings nothing that runs. */
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s(?!type\s)[^;]*?\sfrom\s+'([^']+)'|(?:^|\n)\s*import\s+'([^']+)'|\b(?:import|require)\(\s*'([^']+)'\s*\)/g;
const HELPER = /^(test|testing)\//;

/** Every import of a file, relative ones as paths from the project root without their extension. */
export function importsIn(file: string, text: string): string[] {
  return [...text.matchAll(IMPORT)].map((match) => {
    const specifier = match[1] ?? match[2] ?? match[3]!;
    if (!specifier.startsWith('.')) return specifier;
    return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.(ts|cjs|js)$/, '');
  });
}

/** The starters a test file reaches, following helpers under test/ and testing/ (not the code under test in src/). */
export function startersReached(file: string, read: (file: string) => string | undefined = readSource): string[] {
  const reached = new Set<string>();
  const seen = new Set<string>();
  const visit = (current: string) => {
    if (seen.has(current)) return;
    seen.add(current);
    const text = read(current);
    if (text === undefined) return;
    for (const to of importsIn(current, text)) {
      if (STARTERS.includes(to)) reached.add(to);
      else if (HELPER.test(to)) visit(/\.\w+$/.test(to) ? to : `${to}.ts`);
    }
  };
  visit(file);
  return [...reached].sort();
}

export function tierOf(file: string, read?: (file: string) => string | undefined): Tier {
  if (file.startsWith('test/e2e/')) return 'e2e';
  return startersReached(file, read).length > 0 ? 'http' : 'unit';
}

/** Every test file in the repository, from the project root. */
export function testFiles(): string[] {
  return readdirSync(path.join(ROOT, 'test'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

export function testFilesByTier(): Record<Tier, string[]> {
  const tiers: Record<Tier, string[]> = { unit: [], http: [], e2e: [] };
  for (const file of testFiles()) tiers[tierOf(file)].push(file);
  return tiers;
}

function readSource(file: string): string | undefined {
  try {
    return readFileSync(path.join(ROOT, file), 'utf8');
  } catch {
    return undefined;
  }
}

const tiers = testFilesByTier();

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser end-to-end files start their own bot and Playground: keep them from competing for the two cores.
    fileParallelism: true,
    maxWorkers: 2,
    projects: (['unit', 'http', 'e2e'] as const).map((name) => ({ extends: true, test: { name, include: tiers[name] } })),
  },
});
