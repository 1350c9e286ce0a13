// The first ten minutes as each role, in the real Playground on the demo school as a fresh
// start has it (the demo advisers' times topped up, as `npm run playground` does): three phrasings
// in their own words open the right cards (read by the intent model), nonsense gets the fallback card of the role's top actions whose
// buttons work, and the demo pupil books a meeting. One bot and one browser for the whole file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { odata } from '@azure/data-tables';
import type { Locator, Page } from 'playwright-core';
import { formatSlotTime } from '../../src/journeys/meetings/slot-times';
import { DEMO_PEOPLE } from '../../src/schooldata/demo-school';
import {
  askAndWaitForHeading,
  cardCount,
  pressCardButton,
  saveCardScreenshot,
  saveScreenshot,
  sendMessage,
  waitForCard,
  waitForText,
  type TestBrowser,
} from './playground-driver';
import { SCHOOL_ID, screenshotOnFailure, signInToPlayground, startBotAndBrowser, Teardown, type E2eBot } from './e2e-session';

const PUPIL = DEMO_PEOPLE.pupilYear10;
const FALLBACK = 'Here is what you can do. Tap one, or type “help” for more.';

interface RoleCheck {
  who: { id: string; givenName: string };
  /** What they type, and the heading of the card it should open. */
  phrasings: Array<[string, string]>;
  /** A button on the fallback card, and a heading of what it opens. */
  fallbackButton: readonly [string, string];
  /** Something the role may not do, and the start of the polite answer saying who may. */
  refused?: readonly [string, string];
}

const ROLES: RoleCheck[] = [
  {
    who: DEMO_PEOPLE.teacher,
    phrasings: [
      ['I want to log a link', 'Log a careers link'],
      ['show my links please', 'My careers links'],
      ['how do I take the register for the careers fair', 'Attendance'],
    ],
    fallbackButton: ['My links', 'My careers links'],
  },
  {
    who: DEMO_PEOPLE.adviser,
    phrasings: [
      ['when is my next meeting?', `Diary: ${DEMO_PEOPLE.adviser.givenName} ${DEMO_PEOPLE.adviser.familyName}`],
      ['I want to add some slots', 'Add meeting slots'],
      ['any pupils waiting to see me?', 'Meeting requests'],
    ],
    fallbackButton: ['My diary', 'Diary:'],
  },
  {
    who: DEMO_PEOPLE.careersLeader,
    phrasings: [
      ['how are we doing on benchmark 5?', 'Benchmark report'],
      ['report Year 10', 'Benchmark report: Year 10'],
      ['what are our gaps?', 'Careers gaps today'],
    ],
    fallbackButton: ['Gaps now', 'Careers gaps today'],
  },
  {
    who: DEMO_PEOPLE.senco,
    phrasings: [
      ['show me SEND pupils', 'Benchmark report: SEND pupils'],
      ['how is Year 11 doing?', 'Benchmark report: Year 11'],
      ['who has left this year', 'Leavers in the last 12 months'],
    ],
    fallbackButton: ['Benchmark report', 'Benchmark report'],
  },
  {
    who: DEMO_PEOPLE.admin,
    phrasings: [
      ['open the settings please', 'School settings'],
      ['how are we doing on benchmark 5?', 'Benchmark report'],
      ['what are the gaps?', 'Careers gaps today'],
    ],
    fallbackButton: ['Gaps now', 'Careers gaps today'],
    // Administrators manage the school's data, not pupils' guidance: they are told who opens records.
    refused: ['record Ava Patel', 'Sorry, only careers advisers, the careers leader or the SENCO can open a pupil’s careers record'],
  },
];

describe('ordinary phrasings and the fallback card in the Playground, per role', { timeout: 600_000 }, () => {
  const teardown = new Teardown();
  let bot: E2eBot;
  let browser: TestBrowser;

  beforeAll(async () => {
    // As a fresh `npm run playground` has it: the demo advisers have times in the coming school days.
    ({ bot, browser } = await startBotAndBrowser(teardown, { demoSlots: true }));
  }, 120_000);

  afterAll(() => teardown.run(), 60_000);

  /** Nonsense gets the fallback card; pressing `button` on it opens a card showing `heading`. */
  async function checkFallback(page: Page, button: string, heading: string): Promise<Locator> {
    const from = await sendMessage(page, 'purple bananas on Tuesday');
    const fallback = await waitForCard(page, FALLBACK, { from });
    const titles = (await fallback.card.getByRole('button').allInnerTexts()).map((title) => title.trim()).filter(Boolean);
    expect(titles.length).toBeGreaterThan(1);
    expect(titles.length).toBeLessThanOrEqual(6);
    expect(titles).toContain(button);
    await fallback.card.getByRole('button', { name: button, exact: true }).click();
    const opened = await waitForCard(page, heading, { from: fallback.index + 1 });
    expect((await opened.card.innerText()).trim().split('\n')[0]).toContain(heading);
    return fallback.card;
  }

  it('the demo pupil asks in her own words, books a meeting in a demo slot, and gets the fallback card for nonsense', async ({
    onTestFailed,
  }) => {
    const session = await signInToPlayground(teardown, bot, browser, PUPIL.id);
    const page = session.page;
    screenshotOnFailure(onTestFailed, () => page, `phrasings-${PUPIL.id}-failure`);
    // The welcome card comes first, so it cannot be taken for an answer.
    await waitForCard(page, `Welcome to Waypoint, ${PUPIL.givenName}`);

    await askAndWaitForHeading(page, 'what have I done so far?', 'My careers record');
    const slots = await askAndWaitForHeading(page, 'I want to book a meeting please', 'Book a careers guidance meeting');
    expect(await slots.card.innerText()).not.toContain('There are no free times');
    const times = slots.card.getByRole('button', { name: /^\d\d:\d\d$/ });
    expect(await times.count()).toBeGreaterThan(0);
    // Even the first time shown starts after the school's cut-off, so the booked card offers to move or cancel it.
    await times.first().click();
    const confirm = await waitForCard(page, 'Confirm your meeting', { from: slots.index });
    expect(confirm.index).toBe(slots.index);
    const booked = await pressCardButton(page, confirm.index, 'Confirm booking', 'Meeting booked');
    await saveCardScreenshot(booked, `booked-${PUPIL.id}`);
    // Stored: one meeting to come for Ava, in one of the demo advisers' topped-up times, as the card says.
    const stored = await bot.services.school.collections.meetings.list(SCHOOL_ID, odata`pupilId eq ${PUPIL.id} and status eq 'booked'`);
    const upcoming = stored.filter((meeting) => meeting.startsAt > `${bot.today}T23:59`);
    expect(upcoming).toHaveLength(1);
    expect([DEMO_PEOPLE.adviser.id, DEMO_PEOPLE.secondAdviser.id]).toContain(upcoming[0]!.adviserId);
    const when = formatSlotTime(upcoming[0]!.startsAt, 30);
    expect(await booked.innerText()).toContain(when);
    for (const button of ['Move', 'Cancel meeting'])
      await expect(booked.getByRole('button', { name: button, exact: true }).isVisible()).resolves.toBe(true);

    const meeting = await askAndWaitForHeading(page, 'when is my meeting?', 'Your careers meeting');
    expect(await meeting.card.innerText()).toContain(when);

    await saveCardScreenshot(await checkFallback(page, 'My careers record', 'My careers record'), `fallback-${PUPIL.id}`);
    await saveScreenshot(page, `phrasings-${PUPIL.id}`);
    await session.stop();
  });

  it.for(ROLES.map((role) => [role.who.givenName, role] as const))(
    '%s: three ordinary phrasings open the right cards; nonsense gets the fallback card',
    async ([, role], { onTestFailed }) => {
      const session = await signInToPlayground(teardown, bot, browser, role.who.id);
      const page = session.page;
      screenshotOnFailure(onTestFailed, () => page, `phrasings-${role.who.id}-failure`);
      await waitForCard(page, `Welcome to Waypoint, ${role.who.givenName}`);
      for (const [index, [text, heading]] of role.phrasings.entries()) {
        const answer = await askAndWaitForHeading(page, text, heading);
        if (index === 0) await saveCardScreenshot(answer.card, `phrasing-${role.who.id}`);
      }
      await saveCardScreenshot(await checkFallback(page, role.fallbackButton[0], role.fallbackButton[1]), `fallback-${role.who.id}`);
      if (role.refused) {
        const cardsBefore = await sendMessage(page, role.refused[0]);
        await waitForText(page, role.refused[1]);
        // A plain answer: no card opened for it.
        await page.waitForTimeout(500);
        expect(await cardCount(page)).toBe(cardsBefore);
      }
      await saveScreenshot(page, `phrasings-${role.who.id}`);
      await session.stop();
    },
  );
});
