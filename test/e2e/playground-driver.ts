// Drives the Microsoft 365 Agents Playground's web page in headless Chromium, for browser tests.
// Selectors are the Playground 0.2.x page's own: a Lexical compose box, a "Send Message" button and
// Adaptive Cards rendered with the standard `ac-adaptiveCard` class.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-output/e2e');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const SELECTORS = {
  composeBox: '[role="textbox"][data-lexical-editor="true"]',
  sendButton: 'button[aria-label="Send Message"]',
  card: '.ac-adaptiveCard',
} as const;

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Fails (never skips) when Chromium is missing: a browser test that silently skips proves nothing. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}; the browser tests need it. Install it with: sudo apt-get install chromium`);
  }
}

/** Headless Chromium with a fresh profile, removed again on close. */
export async function launchBrowser(): Promise<TestBrowser> {
  requireChromium();
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'waypoint-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1400, height: 900 },
      locale: 'en-GB',
      timezoneId: 'Europe/London',
    });
    return {
      context,
      close: async () => {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Opens the Playground (the personal chat is selected first) and waits for its compose box. */
export async function openPlayground(browser: TestBrowser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator(SELECTORS.composeBox).waitFor({ state: 'visible', timeout: 30_000 });
  return page;
}

/** How many Adaptive Cards the open conversation shows. */
export function cardCount(page: Page): Promise<number> {
  return page.locator(SELECTORS.card).count();
}

/**
 * Types the text in the compose box and sends it. Returns how many cards were showing before, to
 * pass to waitForCardContaining so an older card (such as the welcome) cannot satisfy the wait.
 */
export async function sendMessage(page: Page, text: string): Promise<number> {
  const before = await cardCount(page);
  const composeBox = page.locator(SELECTORS.composeBox);
  await composeBox.click();
  await page.keyboard.type(text);
  await page.locator(SELECTORS.sendButton).click();
  return before;
}

/** The first card at or after position `from` whose text includes every one of `texts`. */
export async function waitForCardContaining(
  page: Page,
  texts: string | readonly string[],
  options: { from?: number; timeoutMs?: number } = {},
): Promise<Locator> {
  const wanted = typeof texts === 'string' ? [texts] : [...texts];
  const from = options.from ?? 0;
  const cards = page.locator(SELECTORS.card);
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let shown: string[] = [];
  // Polling the rendered text (not a page-side function) keeps this file free of DOM types.
  while (Date.now() < deadline) {
    shown = await cards.allInnerTexts();
    const index = shown.findIndex((text, position) => position >= from && wanted.every((part) => text.includes(part)));
    if (index >= 0) {
      const card = cards.nth(index);
      await card.scrollIntoViewIfNeeded();
      return card;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(
    `No card containing ${wanted.map((text) => `"${text}"`).join(' and ')} appeared (looking from card ${from}). Cards showing:\n` +
      (shown.map((text, index) => `  [${index}] ${text.replace(/\s+/g, ' ').slice(0, 200)}`).join('\n') || '  (none)'),
  );
}

/** Saves the page as test-output/e2e/<name>.png and returns the file's path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
