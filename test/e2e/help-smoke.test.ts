// End to end in a real browser: the bot on in-memory Azurite with the demo school, the Microsoft 365
// Agents Playground signed in as the demo pupil, and headless Chromium typing "help".
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { emptySchoolData } from '../../src/domain/school';
import { schoolDateOf } from '../../src/domain/school-time';
import { choosePlaygroundCast, type PlaygroundCast } from '../../src/playground/playground-people';
import { playgroundProfileYaml } from '../../src/playground/playground-profile';
import { startPlayground, type RunningPlayground } from '../../src/playground/start-playground';
import { DEMO_PEOPLE, generateDemoSchool } from '../../src/schooldata/demo-school';
import { startInMemoryAzurite, type EmbeddedStorage } from '../../src/storage/embedded-azurite';
import { startWaypoint, type RunningWaypoint } from '../../src/waypoint';
import {
  launchBrowser,
  openPlayground,
  requireChromium,
  saveScreenshot,
  sendMessage,
  waitForCard,
  waitForCardContaining,
  type TestBrowser,
} from './playground-driver';
import { signInToPlayground, startBotAndBrowser, Teardown, type E2eBot } from './e2e-session';

const SCHOOL_ID = 'school';

describe('help in the Playground, as the demo pupil', { timeout: 120_000 }, () => {
  let storage: EmbeddedStorage | undefined;
  let waypoint: RunningWaypoint | undefined;
  let playground: RunningPlayground | undefined;
  let browser: TestBrowser | undefined;
  let workDir: string | undefined;
  let cast: PlaygroundCast;

  beforeAll(async () => {
    requireChromium();
    storage = await startInMemoryAzurite();
    waypoint = await startWaypoint(
      loadConfig({
        TEAMSFX_ENV: 'test',
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        WAYPOINT_STORAGE_CONNECTION_STRING: storage.connectionString,
        LOG_LEVEL: 'warn',
      }),
    );
    const school = generateDemoSchool({ asOf: schoolDateOf(new Date()) });
    await waypoint.services.school.import(SCHOOL_ID, school, emptySchoolData());
    cast = choosePlaygroundCast(school.people, 'pupil')!;

    workDir = mkdtempSync(path.join(os.tmpdir(), 'waypoint-playground-'));
    playground = await startPlayground({
      botEndpoint: `${waypoint.url}/api/messages`,
      profileYaml: playgroundProfileYaml({ currentUser: cast.you, otherUsers: cast.others }),
      workDir,
    });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    // Every step runs even if an earlier one (or beforeAll) failed part-way.
    const problems: unknown[] = [];
    for (const step of [() => browser?.close(), () => playground?.stop(), () => waypoint?.close(), () => storage?.close()]) {
      try {
        await step();
      } catch (error) {
        problems.push(error);
      }
    }
    if (workDir) rmSync(workDir, { recursive: true, force: true });
    if (problems.length > 0) throw new AggregateError(problems, 'Cleaning up after the Playground test failed');
  }, 60_000);

  it('answers "help" with a card greeting Ava as a pupil', async () => {
    expect(cast.you.id).toBe(DEMO_PEOPLE.pupilYear10.id);
    const page = await openPlayground(browser!, playground!.url);

    const cardsBefore = await sendMessage(page, 'help');
    const card = await waitForCardContaining(page, `Hi ${DEMO_PEOPLE.pupilYear10.givenName}`, { from: cardsBefore });
    const text = await card.innerText();
    expect(text).toContain('Hi Ava');
    expect(text).toContain('Pupil');

    await saveScreenshot(page, 'pupil-help');
  });
});

// Every help-card button, for each role, pressed in the real Playground: each must bring an
// answer (the Playground ignores imBack buttons, so these must be Action.Execute).
const ROLE_PEOPLE = [
  DEMO_PEOPLE.pupilYear10,
  DEMO_PEOPLE.teacher,
  DEMO_PEOPLE.adviser,
  DEMO_PEOPLE.careersLeader,
  DEMO_PEOPLE.senco,
  DEMO_PEOPLE.admin,
];

describe('every help button in the Playground, for each role', { timeout: 600_000 }, () => {
  const teardown = new Teardown();
  let bot: E2eBot;
  let browser: TestBrowser;

  beforeAll(async () => {
    ({ bot, browser } = await startBotAndBrowser(teardown));
  }, 120_000);

  afterAll(() => teardown.run(), 60_000);

  it.each(ROLE_PEOPLE.map((who) => [who.givenName, who] as const))('%s: each button on the help card answers', async (_name, who) => {
    const session = await signInToPlayground(teardown, bot, browser, who.id);
    const page = session.page;
    const before = await sendMessage(page, 'help');
    const { card, index } = await waitForCard(page, `Hi ${who.givenName}`, { from: before });
    const titles = (await card.getByRole('button').allInnerTexts())
      .map((title) => title.trim())
      .filter((title) => title && title !== 'More');
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThanOrEqual(6);
    const helpText = await card.innerText();
    // The Playground's log panel lists each message the bot sends ("… message 201").
    const botMessages = async () => ((await page.locator('body').innerText()).match(/message 201/g) ?? []).length;
    for (const title of titles) {
      const shownBefore = await page.locator('body').innerText();
      const sentBefore = await botMessages();
      await card.getByRole('button', { name: title, exact: true }).click();
      // A new message (a card or text) follows the help card, which stays as it was.
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && (await botMessages()) <= sentBefore) await page.waitForTimeout(250);
      expect(await botMessages(), `${who.givenName} pressed “${title}” and no answer came`).toBeGreaterThan(sentBefore);
      const added = (await page.locator('body').innerText()).slice(shownBefore.length);
      expect(added, `${who.givenName} pressed “${title}”`).not.toMatch(/didn’t understand|That didn’t work|can do that in Waypoint/);
      expect(await page.locator('.ac-adaptiveCard').nth(index).innerText()).toBe(helpText);
    }
    await saveScreenshot(page, `help-buttons-${who.id}`);
    await session.stop();
  });
});
