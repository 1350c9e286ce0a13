// What each browser test file starts for itself: the bot on in-memory Azurite with the demo school
// (adjusted per test), the Agents Playground signed in as one demo person, and headless Chromium.
// Everything started is stopped again by Teardown, in reverse order, even when a step failed.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { topUpDemoSlots } from '../../src/demo/demo-slots';
import { addDays, isSchoolDay, termDatesCovering, weekday } from '../../src/domain/calendar';
import { emptySchoolData, type IsoDate, type Person, type SchoolData } from '../../src/domain/school';
import { schoolDateOf, schoolDateTimeOf } from '../../src/domain/school-time';
import { choosePlaygroundCast } from '../../src/playground/playground-people';
import { playgroundProfileYaml } from '../../src/playground/playground-profile';
import { startPlayground, type RunningPlayground } from '../../src/playground/start-playground';
import { generateDemoSchool } from '../../src/schooldata/demo-school';
import type { Services } from '../../src/services';
import { startInMemoryAzurite, type EmbeddedStorage } from '../../src/storage/embedded-azurite';
import { startWaypoint, type RunningWaypoint } from '../../src/waypoint';
import { launchBrowser, openPlayground, requireChromium, saveScreenshot, SCREENSHOT_DIR, type TestBrowser } from './playground-driver';

export const SCHOOL_ID = 'school';

/** Cleanup steps, run last-in first-out; every step runs even if an earlier one throws. */
export class Teardown {
  private readonly steps: Array<() => unknown> = [];

  add(step: () => unknown): void {
    this.steps.push(step);
  }

  async run(): Promise<void> {
    const problems: unknown[] = [];
    while (this.steps.length > 0) {
      const step = this.steps.pop()!;
      try {
        await step();
      } catch (error) {
        problems.push(error);
      }
    }
    if (problems.length > 0) throw new AggregateError(problems, 'Cleaning up after the Playground test failed');
  }
}

export interface E2eBot {
  storage: EmbeddedStorage;
  waypoint: RunningWaypoint;
  services: Services;
  school: SchoolData;
  /** Today in the school's time zone, the day the demo school is generated for. */
  today: IsoDate;
}

/**
 * The bot as `npm run playground` starts it, on in-memory Azurite, with the demo school generated
 * for today (after `adjust`, for a test's preconditions). The hourly job is off: it runs on the real
 * clock and could post a reminder or a digest mid-test when a run straddles the hour; the tests
 * drive jobs through the development endpoint instead.
 */
export async function startBotWithDemoSchool(
  teardown: Teardown,
  adjust: (school: SchoolData, today: IsoDate) => SchoolData = (school) => school,
): Promise<E2eBot> {
  const storage = await startInMemoryAzurite();
  teardown.add(() => storage.close());
  const waypoint = await startWaypoint(
    loadConfig({
      TEAMSFX_ENV: 'test',
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      WAYPOINT_STORAGE_CONNECTION_STRING: storage.connectionString,
      LOG_LEVEL: 'warn',
    }),
    // As the launcher: messages for whoever the Playground is not signed in as wait for them.
    { backgroundJobs: false, holdForAbsent: true },
  );
  teardown.add(() => waypoint.close());
  const today = schoolDateOf(new Date());
  const school = adjust(generateDemoSchool({ asOf: today }), today);
  await waypoint.services.school.import(SCHOOL_ID, school, emptySchoolData());
  return { storage, waypoint, services: waypoint.services, school, today };
}

/**
 * What a file testing several roles shares: the bot on the demo school and one browser. With
 * `demoSlots`, the demo advisers' times are topped up as a fresh `npm run playground` does (the
 * connection string used here skips that step in startWaypoint).
 */
export async function startBotAndBrowser(
  teardown: Teardown,
  options: { demoSlots?: boolean } = {},
): Promise<{ bot: E2eBot; browser: TestBrowser }> {
  requireChromium();
  const bot = await startBotWithDemoSchool(teardown);
  if (options.demoSlots) await topUpDemoSlots(bot.services, SCHOOL_ID);
  const browser = await launchBrowser();
  teardown.add(() => browser.close());
  return { bot, browser };
}

export interface PlaygroundSession {
  you: Person;
  playground: RunningPlayground;
  page: Page;
  /** Stops this Playground and closes its page now (Teardown also does, if it is still running). */
  stop(): Promise<void>;
}

/** The Agents Playground signed in as the demo person with `personId`, opened in a new page. */
export async function signInToPlayground(
  teardown: Teardown,
  bot: E2eBot,
  browser: TestBrowser,
  personId: string,
): Promise<PlaygroundSession> {
  const person = bot.school.people.find((candidate) => candidate.id === personId);
  if (!person) throw new Error(`No demo person ${personId}`);
  const cast = choosePlaygroundCast(bot.school.people, person.role)!;
  if (cast.you.id !== personId) throw new Error(`The Playground cast for ${person.role} is ${cast.you.id}, not ${personId}`);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'waypoint-playground-'));
  teardown.add(() => rmSync(workDir, { recursive: true, force: true }));
  const playground = await startPlayground({
    botEndpoint: `${bot.waypoint.url}/api/messages`,
    profileYaml: playgroundProfileYaml({ currentUser: cast.you, otherUsers: cast.others }),
    workDir,
  });
  let stopped = false;
  let page: Page | undefined;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      await page?.close();
    } finally {
      await playground.stop();
    }
  };
  teardown.add(stop);
  page = await openPlayground(browser, playground.url);
  return { you: person, playground, page, stop };
}

/** Saves the whole page as <name>.png when a test fails, to see what the browser showed. */
export function screenshotOnFailure(
  onTestFailed: (handler: () => Promise<void>) => void,
  page: () => Page | undefined,
  name: string,
): void {
  // A picture left by an earlier failed run would mislead.
  rmSync(path.join(SCREENSHOT_DIR, `${name}.png`), { force: true });
  onTestFailed(async () => {
    const open = page();
    if (open && !open.isClosed()) await saveScreenshot(open, name).catch(() => undefined);
  });
}

/** The school days after today, soonest first, as the school's settings (or the default terms) say. */
export async function nextSchoolDays(services: Services, today: IsoDate, count: number): Promise<IsoDate[]> {
  const { settings } = await services.settings.get(SCHOOL_ID);
  const terms = termDatesCovering(today, addDays(today, 400), settings.termDates);
  const days: IsoDate[] = [];
  for (let day = addDays(today, 1); days.length < count && day <= addDays(today, 400); day = addDays(day, 1))
    if (isSchoolDay(day, terms)) days.push(day);
  if (days.length < count) throw new Error(`Fewer than ${count} school days in the year after ${today}`);
  return days;
}

/** The school day before today (within the last two months), for a meeting that has happened. */
export async function previousSchoolDay(services: Services, today: IsoDate): Promise<IsoDate> {
  const { settings } = await services.settings.get(SCHOOL_ID);
  const terms = termDatesCovering(addDays(today, -60), today, settings.termDates);
  for (let day = addDays(today, -1); day >= addDays(today, -55); day = addDays(day, -1)) if (isSchoolDay(day, terms)) return day;
  // In a long holiday: any weekday will do for a meeting already held.
  let day = addDays(today, -1);
  while (weekday(day) > 5) day = addDays(day, -1);
  return day;
}

/** The instant at which the school's clock (UK time) reads `local` ("YYYY-MM-DDTHH:MM"). */
export function instantOfSchoolTime(local: string): Date {
  for (const offset of ['Z', '+01:00']) {
    const candidate = new Date(`${local}:00${offset}`);
    if (schoolDateTimeOf(candidate) === local) return candidate;
  }
  throw new Error(`${local} does not exist in UK time`);
}
