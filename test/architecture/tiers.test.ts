import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/project-root';

// The test tiers (vitest.config.mts, README "Checks"): every test file runs in exactly one, and a unit
// file starts no Azurite, bot, server or process, so `npm run test:unit` stays a matter of seconds.

type Tier = 'unit' | 'http' | 'e2e';
interface TierConfig {
  default: { test: { projects: Array<{ test: { name: Tier; include: string[] } }> } };
  testFiles(): string[];
  tierOf(file: string, read?: (file: string) => string | undefined): Tier;
  startersReached(file: string, read?: (file: string) => string | undefined): string[];
}

/** What a file calls that starts something, whichever way it got hold of it. */
const STARTS_SOMETHING = new RegExp(
  String.raw`\b(?:spawn|spawnSync|fork|execFile|execFileSync|execSync|startWaypoint|openServices)\(` +
    String.raw`|\b(?:startInMemoryAzurite|startPersistentAzurite)\(|\bTestBot\.start\(|\.listen\(`,
);

/** Each test file that is in no tier or in more than one. */
function misplaced(files: readonly string[], projects: ReadonlyArray<{ name: string; include: readonly string[] }>): string[] {
  return files.flatMap((file) => {
    const tiers = projects.filter((project) => project.include.includes(file)).map((project) => project.name);
    return tiers.length === 1 ? [] : [`${file}: in ${tiers.length === 0 ? 'no tier' : tiers.join(' and ')}`];
  });
}

describe('the test tiers', async () => {
  // By its path, not a literal: the config is an ES module, and tsc checks this file as CommonJS.
  const config = (await import(path.join(PROJECT_ROOT, 'vitest.config.mts'))) as TierConfig;
  const projects = config.default.test.projects.map(({ test }) => test);
  const files = config.testFiles();
  const unit = projects.find((project) => project.name === 'unit')!.include;

  it('puts every test file in exactly one of unit, http and e2e', () => {
    expect(projects.map((project) => project.name)).toEqual(['unit', 'http', 'e2e']);
    expect(files).toContain('test/architecture/tiers.test.ts');
    expect(files.length).toBeGreaterThan(100);
    expect(misplaced(files, projects)).toEqual([]);
  });

  it('keeps every tier busy: the bot tests in http, the browser tests in e2e, the pure ones in unit', () => {
    expect(config.tierOf('test/bot/help-buttons.test.ts')).toBe('http');
    expect(config.tierOf('test/school-transfer/import-export.test.ts')).toBe('http');
    expect(config.tierOf('test/e2e/help-smoke.test.ts')).toBe('e2e');
    expect(config.tierOf('test/domain/gaps.test.ts')).toBe('unit');
  });

  it('starts nothing in a unit file or the helpers it imports', () => {
    const starting = unit.flatMap((file) => {
      const reached = config.startersReached(file);
      const text = readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
      return [...reached, ...(STARTS_SOMETHING.test(text) ? ['a call that starts something'] : [])].map((what) => `${file}: ${what}`);
    });
    expect(starting).toEqual([]);
  });

  it('catches a file in no tier or two, and a unit file that would start something', () => {
    const planted = [
      { name: 'unit', include: ['test/a.test.ts', 'test/b.test.ts'] },
      { name: 'http', include: ['test/b.test.ts'] },
    ];
    expect(misplaced(['test/a.test.ts', 'test/b.test.ts', 'test/c.test.ts'], planted)).toEqual([
      'test/b.test.ts: in unit and http',
      'test/c.test.ts: in no tier',
    ]);

    const sources: Record<string, string> = {
      'test/x/direct.test.ts': "import { TestBot } from '../harness/test-bot';",
      'test/x/through-helper.test.ts': "import { runCli } from '../support/helper';",
      'test/support/helper.ts': "import { spawn } from 'node:child_process';",
      'test/x/types-only.test.ts': "import type { TestBot } from '../harness/test-bot';\nimport { gaps } from '../../src/domain/gaps';",
      // Spelt so that this file's own text neither imports nor calls it.
      'test/x/azurite.test.ts': `const { startInMemoryAzurite } = await ${'import'}('../../src/storage/embedded-azurite');`,
    };
    const read = (file: string) => sources[file];
    expect(config.tierOf('test/x/direct.test.ts', read)).toBe('http');
    expect(config.startersReached('test/x/through-helper.test.ts', read)).toEqual(['node:child_process']);
    expect(config.tierOf('test/x/azurite.test.ts', read)).toBe('http');
    expect(config.tierOf('test/x/types-only.test.ts', read)).toBe('unit');
    expect(config.tierOf('test/e2e/anything.test.ts', read)).toBe('e2e');
    expect(STARTS_SOMETHING.test(`const bot = await TestBot${'.start'}();`)).toBe(true);
    expect(STARTS_SOMETHING.test(`server${'.listen'}(0, '127.0.0.1')`)).toBe(true);
    expect(STARTS_SOMETHING.test('expect(parse(rows)).toEqual([]);')).toBe(false);
  });
});
