// Drives the Microsoft 365 Agents Playground's web page in headless Chromium, for browser tests.
// Selectors are the Playground 0.2.x page's own: a Lexical compose box, a "Send Message" button and
// Adaptive Cards rendered with the standard `ac-adaptiveCard` class. In a team channel the first
// compose box is "Start a new post" (sent with "Post"), and the Playground only passes a channel
// message to the bot when it @mentions the bot, chosen from the "@" typeahead menu.
// Card inputs are Fluent UI controls: a compact ChoiceSet is a combobox with a pop-up listbox, an
// expanded one is checkboxes or radios, and an Input.Date is a date-picker text box that accepts a
// typed ISO date.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium, used when installed; otherwise the one inside the npm devDependency @sparticuz/chromium. */
export const DEBIAN_CHROMIUM_PATH = '/usr/bin/chromium';
const NPM_CHROMIUM = '@sparticuz/chromium';
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
  mentionMenuItem: '#typeahead-menu [role="menuitem"]',
} as const;

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Fails (never skips) when there is no Chromium at all: a browser test that silently skips proves nothing. */
export function requireChromium(): void {
  if (existsSync(DEBIAN_CHROMIUM_PATH)) return;
  try {
    require.resolve(NPM_CHROMIUM);
  } catch {
    throw new Error(
      `The browser tests need Chromium: neither ${DEBIAN_CHROMIUM_PATH} nor the npm package ${NPM_CHROMIUM} is installed. Run npm install.`,
    );
  }
}

interface ChromiumToLaunch {
  executablePath: string;
  args: string[];
}

/**
 * The npm Chromium is a headless shell packed with brotli: executablePath() unpacks it into the
 * temp folder once. Its own flags (single process, no zygote) are what it needs to run as root
 * without a sandbox; ours follow, leaving out any switch it already sets.
 */
async function chromiumToLaunch(): Promise<ChromiumToLaunch> {
  if (existsSync(DEBIAN_CHROMIUM_PATH)) return { executablePath: DEBIAN_CHROMIUM_PATH, args: CHROMIUM_ARGS };
  requireChromium();
  const { default: packaged } = await import('@sparticuz/chromium');
  const switchOf = (flag: string) => flag.split('=')[0];
  const theirs = packaged.args;
  const ours = CHROMIUM_ARGS.filter((flag) => !theirs.some((their) => switchOf(their) === switchOf(flag)));
  return { executablePath: await packaged.executablePath(), args: [...theirs, ...ours] };
}

/** Headless Chromium with a fresh profile, removed again on close. */
export async function launchBrowser(): Promise<TestBrowser> {
  const { executablePath, args } = await chromiumToLaunch();
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'waypoint-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      args,
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
  return (await waitForCard(page, texts, options)).card;
}

export interface CardOnPage {
  card: Locator;
  /** Its position among the cards the open conversation shows (stable while cards are replaced in place). */
  index: number;
}

/** As waitForCardContaining, also saying where the card is, so a button on it can be pressed later. */
export async function waitForCard(
  page: Page,
  texts: string | readonly string[],
  options: { from?: number; timeoutMs?: number } = {},
): Promise<CardOnPage> {
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
      return { card, index };
    }
    await page.waitForTimeout(200);
  }
  throw new Error(
    `No card containing ${wanted.map((text) => `"${text}"`).join(' and ')} appeared (looking from card ${from}). Cards showing:\n` +
      describeCards(shown),
  );
}

/**
 * Sends `text` and waits for the card it opens, whose first line (its heading) shows `heading`:
 * not a fallback card merely offering a button of that name.
 */
export async function askAndWaitForHeading(page: Page, text: string, heading: string): Promise<CardOnPage> {
  const from = await sendMessage(page, text);
  const answer = await waitForCard(page, heading, { from });
  const firstLine = (await answer.card.innerText()).trim().split('\n')[0] ?? '';
  if (!firstLine.includes(heading)) throw new Error(`“${text}” opened a card headed “${firstLine}”, not “${heading}”`);
  return answer;
}

function describeCards(shown: readonly string[]): string {
  return shown.map((text, index) => `  [${index}] ${text.replace(/\s+/g, ' ').slice(0, 200)}`).join('\n') || '  (none)';
}

/** Every card showing whose text includes `text`. */
export async function cardsContaining(page: Page, text: string): Promise<string[]> {
  return (await page.locator(SELECTORS.card).allInnerTexts()).filter((shown) => shown.includes(text));
}

/**
 * Presses the button titled exactly `title` on the card at `index`, and waits for the card that
 * replaces it in place (Action.Execute) to show every one of `texts`. Fails if the card does not
 * change so (e.g. the answer came as a text message) or if a new card appeared as well.
 */
export async function pressCardButton(
  page: Page,
  index: number,
  title: string,
  texts: string | readonly string[],
  options: { timeoutMs?: number } = {},
): Promise<Locator> {
  const wanted = typeof texts === 'string' ? [texts] : [...texts];
  const cards = page.locator(SELECTORS.card);
  const card = cards.nth(index);
  const before = await card.innerText();
  const countBefore = await cards.count();
  await card.getByRole('button', { name: title, exact: true }).click();
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let now = before;
  while (Date.now() < deadline) {
    now = await card.innerText();
    if (now !== before && wanted.every((part) => now.includes(part))) {
      const countAfter = await cards.count();
      if (countAfter !== countBefore)
        throw new Error(`Pressing "${title}" replaced card ${index} but the conversation went from ${countBefore} to ${countAfter} cards.`);
      await card.scrollIntoViewIfNeeded();
      return card;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(
    `After pressing "${title}", card ${index} did not come to show ${wanted.map((text) => `"${text}"`).join(' and ')}. It ` +
      `shows: ${now.replace(/\s+/g, ' ').slice(0, 400)}\nCards showing:\n` +
      describeCards(await cards.allInnerTexts()),
  );
}

/** The text box (Input.Text, multi-line included, or an Input.Date's box) labelled exactly `label`; `nth` picks among repeats. */
export function cardTextBox(card: Locator, label: string, nth = 0): Locator {
  return card.getByLabel(label, { exact: true }).and(card.locator('input, textarea')).nth(nth);
}

/** Types into a text input on a card (replacing what is there). */
export async function fillCardText(card: Locator, label: string, value: string, nth = 0): Promise<void> {
  await cardTextBox(card, label, nth).fill(value);
}

/**
 * Types an ISO date into an Input.Date and leaves it; checks the picker took it (it shows the date
 * the long en-GB way, e.g. "18 December 2026").
 */
export async function fillCardDate(card: Locator, label: string, isoDate: string, nth = 0): Promise<void> {
  const box = cardTextBox(card, label, nth);
  await box.fill(isoDate);
  await box.press('Tab');
  const expected = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
  const shown = await box.inputValue();
  if (shown !== expected) throw new Error(`The "${label}" date picker shows "${shown}" after typing ${isoDate}; expected "${expected}".`);
}

/** Ticks a checkbox or chooses a radio button (an expanded ChoiceSet) by the choice's title. */
export async function chooseCardChoice(card: Locator, title: string): Promise<void> {
  // Checkboxes carry their title in aria-label (their aria-labelledby names the whole set); radios have a <label>.
  const titled = JSON.stringify(title);
  const choice = card
    .locator(`input[type="checkbox"][aria-label=${titled}], input[type="radio"][aria-label=${titled}]`)
    .or(card.getByLabel(title, { exact: true }).and(card.locator('input[type="checkbox"], input[type="radio"]')));
  const found = await choice.count();
  if (found !== 1) throw new Error(`Expected one choice titled "${title}" on the card, found ${found}.`);
  await choice.check();
}

/** Picks `option` in a compact ChoiceSet (a combobox) labelled exactly `label`. */
export async function selectCardOption(page: Page, card: Locator, label: string, option: string, nth = 0): Promise<void> {
  const box = card.getByLabel(label, { exact: true }).and(card.locator('input[role="combobox"]')).nth(nth);
  await box.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  const shown = await box.inputValue();
  if (shown !== option) throw new Error(`The "${label}" choice shows "${shown}" after choosing "${option}".`);
}

/** Opens a conversation from the Playground's list on the left, e.g. "General" (the team channel) or "Personal Chat". */
export async function openConversation(page: Page, name: string): Promise<void> {
  await page.getByText(name, { exact: true }).first().click();
  await page.locator(SELECTORS.composeBox).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/**
 * Starts a new post in the open team channel that @mentions `botName` (picked from the typeahead
 * menu, as a user would) followed by `text`. Returns how many cards were showing before.
 */
export async function postInChannelMentioning(page: Page, botName: string, text: string): Promise<number> {
  const before = await cardCount(page);
  const newPost = page.locator(SELECTORS.composeBox).first();
  await newPost.click();
  await page.keyboard.type(`@${botName.slice(0, 3)}`);
  await page.locator(SELECTORS.mentionMenuItem).filter({ hasText: botName }).first().click();
  await page.keyboard.type(` ${text}`);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  return before;
}

/** Waits for a line of plain text (a message, not a card) to show in the open conversation. */
export async function waitForText(page: Page, text: string, options: { timeoutMs?: number } = {}): Promise<void> {
  await page
    .getByText(text, { exact: false })
    .first()
    .waitFor({ state: 'visible', timeout: options.timeoutMs ?? 30_000 });
}

/** Saves the page as test-output/e2e/<name>.png and returns the file's path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Saves one card, all of it, as test-output/e2e/<name>.png and returns the file's path. The chat
 * scrolls inside the page, so a card taller than the window is shot with the window made tall
 * enough to hold it (and put back afterwards).
 */
export async function saveCardScreenshot(card: Locator, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  const page = card.page();
  const viewport = page.viewportSize();
  const box = await card.boundingBox();
  // Room for the Playground's header and compose box around the chat.
  const needed = Math.ceil((box?.height ?? 0) + 320);
  const grow = viewport !== null && needed > viewport.height;
  if (grow) await page.setViewportSize({ width: viewport.width, height: needed });
  try {
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: file });
  } finally {
    if (grow) await page.setViewportSize(viewport);
  }
  return file;
}
