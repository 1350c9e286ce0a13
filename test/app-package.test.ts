import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, it, expect } from 'vitest';
import {
  buildAppPackageZip,
  fillPlaceholders,
  MissingPlaceholderValuesError,
  validateManifest,
} from '../src/app-package/build-app-package';
import { loadEnvVars } from '../src/teamsfx-env';
import { decodePng } from './support/decode-png';

const PROJECT_DIR = join(__dirname, '..');
const APP_PACKAGE_DIR = join(PROJECT_DIR, 'appPackage');
const ENV_DIR = join(PROJECT_DIR, 'env');

// An empty process environment keeps the developer's shell out of these tests.
const playgroundVars = () => loadEnvVars(ENV_DIR, 'playground', {});
const manifestTemplate = () => readFile(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');

async function filledManifest(): Promise<Record<string, unknown>> {
  return JSON.parse(fillPlaceholders(await manifestTemplate(), playgroundVars())) as Record<string, unknown>;
}

async function buildPlaygroundPackage() {
  return buildAppPackageZip({
    manifestTemplate: await manifestTemplate(),
    vars: playgroundVars(),
    readAsset: (path) => readFile(join(APP_PACKAGE_DIR, path)),
  });
}

describe('Teams app manifest', () => {
  it('validates against the Teams schema once filled from env/.env.playground', async () => {
    const manifest = await filledManifest();
    expect(await validateManifest(manifest)).toEqual([]);
    expect(manifest.id).toBe('00000000-0000-4000-8000-000000000001');
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('names the placeholder that has no value', async () => {
    const { BOT_ID: _omitted, ...withoutBotId } = playgroundVars();
    const fill = async () => fillPlaceholders(await manifestTemplate(), withoutBotId);
    await expect(fill()).rejects.toThrow(MissingPlaceholderValuesError);
    await expect(fill()).rejects.toThrow('${{BOT_ID}}');
    await expect(fill()).rejects.toMatchObject({ names: ['BOT_ID'] });
  });

  it('treats the empty, not-yet-provisioned ids in env/.env.dev as missing', async () => {
    const devVars = loadEnvVars(ENV_DIR, 'dev', {});
    await expect(async () => fillPlaceholders(await manifestTemplate(), devVars)).rejects.toMatchObject({
      names: ['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN'],
    });
  });

  it('escapes values so they cannot break the JSON', () => {
    const filled = fillPlaceholders('{"name": "Waypoint${{SUFFIX}}"}', { SUFFIX: ' "dev" \\ ' });
    expect(JSON.parse(filled)).toEqual({ name: 'Waypoint "dev" \\ ' });
  });

  it('lets the process environment override the environment file', () => {
    const vars = loadEnvVars(ENV_DIR, 'playground', { BOT_DOMAIN: 'waypoint.example.org', BOT_ID: '' });
    expect(vars.BOT_DOMAIN).toBe('waypoint.example.org');
    expect(vars.BOT_ID).toBe('00000000-0000-4000-8000-000000000002');
  });

  it('offers "help" in every scope the bot is installed in', async () => {
    const manifest = (await filledManifest()) as {
      bots: { scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
    };
    const bot = manifest.bots[0]!;
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    for (const scope of bot.scopes) {
      const titles = bot.commandLists.filter((list) => list.scopes.includes(scope)).flatMap((list) => list.commands.map((c) => c.title));
      expect(titles, `commands in scope ${scope}`).toContain('help');
    }
  });

  it('fails validation when a required field is missing, so the validator is real', async () => {
    const { name: _name, ...withoutName } = await filledManifest();
    const problems = await validateManifest(withoutName);
    expect(problems.join('\n')).toMatch(/must have required property 'name'/);
  });

  it('refuses a $schema the validator would have to download', async () => {
    const manifest = { ...(await filledManifest()), $schema: 'https://example.org/schema.json' };
    expect((await validateManifest(manifest))[0]).toMatch(/\$schema must be a Teams schema URL/);
  });
});

describe('Teams app package zip', () => {
  it('holds exactly the manifest and two icons of the sizes Teams requires', async () => {
    const { zip } = await buildPlaygroundPackage();
    const archive = await JSZip.loadAsync(zip);
    expect(Object.keys(archive.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const color = decodePng(await archive.file('color.png')!.async('nodebuffer'));
    const outline = decodePng(await archive.file('outline.png')!.async('nodebuffer'));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const pixel = (x: number, y: number) => [...color.rgba.subarray((y * 192 + x) * 4, (y * 192 + x) * 4 + 4)];
    expect(pixel(96, 12), 'teal background').toEqual([0x0f, 0x6e, 0x6e, 255]);
    expect(pixel(0, 0)[3], 'rounded-off corner').toBe(0);

    const manifest = JSON.parse(await archive.file('manifest.json')!.async('string')) as { name: { short: string } };
    expect(manifest.name.short).toBe('Waypointplayground');
  });

  it('has an outline icon of only white and transparent pixels', async () => {
    const outline = decodePng(await readFile(join(APP_PACKAGE_DIR, 'outline.png')));
    let opaque = 0;
    for (let i = 0; i < outline.width * outline.height; i++) {
      const [r, g, b, a] = outline.rgba.subarray(i * 4, i * 4 + 4);
      if (a === 0) continue;
      expect([r, g, b], `pixel ${i % outline.width},${Math.floor(i / outline.width)}`).toEqual([255, 255, 255]);
      if (a === 255) opaque++;
    }
    // A blank icon would pass the colour check too.
    expect(opaque).toBeGreaterThan(100);
  });

  it('builds the same bytes from the same inputs', async () => {
    const [first, second] = await Promise.all([buildPlaygroundPackage(), buildPlaygroundPackage()]);
    expect(first.zip.equals(second.zip)).toBe(true);
  });
});
