// Issue 24's three people, asking in their own words in the real Playground on the demo school
// (the demo advisers' times topped up, as `npm run playground` does): the pupil books from the card
// "i need some careers advice" opens, the teacher sees what they have logged, the careers leader gets
// the Year 11 view of Benchmark 8. One bot and one browser for the whole file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { odata } from '@azure/data-tables';
import { DEMO_PEOPLE } from '../../src/schooldata/demo-school';
import { askAndWaitForHeading, pressCardButton, saveCardScreenshot, waitForCard, type TestBrowser } from './playground-driver';
import { SCHOOL_ID, screenshotOnFailure, signInToPlayground, startBotAndBrowser, Teardown, type E2eBot } from './e2e-session';

describe('asking in your own words in the Playground', { timeout: 600_000 }, () => {
  const teardown = new Teardown();
  let bot: E2eBot;
  let browser: TestBrowser;

  beforeAll(async () => {
    ({ bot, browser } = await startBotAndBrowser(teardown, { demoSlots: true }));
  }, 120_000);

  afterAll(() => teardown.run(), 60_000);

  /** Signs in, waits for the welcome card (so it cannot be taken for an answer) and checks it says you may ask in your own words. */
  async function signIn(who: { id: string; givenName: string }, onTestFailed: Parameters<typeof screenshotOnFailure>[0]) {
    const session = await signInToPlayground(teardown, bot, browser, who.id);
    screenshotOnFailure(onTestFailed, () => session.page, `own-words-${who.id}-failure`);
    const welcome = await waitForCard(session.page, `Welcome to Waypoint, ${who.givenName}`);
    expect(await welcome.card.innerText()).toContain('You can ask in your own words');
    return session;
  }

  it('the demo pupil types “i need some careers advice” and books from the card that opens', async ({ onTestFailed }) => {
    const pupil = DEMO_PEOPLE.pupilYear10;
    const session = await signIn(pupil, onTestFailed);
    const slots = await askAndWaitForHeading(session.page, 'i need some careers advice', 'Book a careers guidance meeting');
    const times = slots.card.getByRole('button', { name: /^\d\d:\d\d$/ });
    expect(await times.count()).toBeGreaterThan(0);
    await times.first().click();
    const confirm = await waitForCard(session.page, 'Confirm your meeting', { from: slots.index });
    const booked = await pressCardButton(session.page, confirm.index, 'Confirm booking', 'Meeting booked');
    await saveCardScreenshot(booked, `own-words-booked-${pupil.id}`);
    const stored = await bot.services.school.collections.meetings.list(SCHOOL_ID, odata`pupilId eq ${pupil.id} and status eq 'booked'`);
    expect(stored.filter((meeting) => meeting.startsAt > `${bot.today}T23:59`)).toHaveLength(1);
    await session.stop();
  });

  it('the teacher types “what have i logged so far?” and gets the links they logged', async ({ onTestFailed }) => {
    const session = await signIn(DEMO_PEOPLE.teacher, onTestFailed);
    const links = await askAndWaitForHeading(session.page, 'what have i logged so far?', 'My careers links');
    await saveCardScreenshot(links.card, `own-words-links-${DEMO_PEOPLE.teacher.id}`);
    await session.stop();
  });

  it('the careers leader types “how is year 11 doing on guidance meetings?” and gets the Year 11 report', async ({ onTestFailed }) => {
    const session = await signIn(DEMO_PEOPLE.careersLeader, onTestFailed);
    const report = await askAndWaitForHeading(
      session.page,
      'how is year 11 doing on guidance meetings?',
      'Benchmark report: Year 11, Benchmark 8',
    );
    expect(await report.card.innerText()).toContain('Personal guidance');
    await saveCardScreenshot(report.card, `own-words-report-${DEMO_PEOPLE.careersLeader.id}`);
    await session.stop();
  });
});
