// In a real browser: the demo pupil asks for a meeting while the Playground is her; then the
// Playground is started as the adviser, who gets the request notice as an ordinary message, and
// no "haven't reached you" banner anywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../src/schooldata/demo-school';
import {
  fillCardText,
  launchBrowser,
  pressCardButton,
  requireChromium,
  sendMessage,
  waitForCard,
  type TestBrowser,
} from './playground-driver';
import { SCHOOL_ID, screenshotOnFailure, signInToPlayground, startBotWithDemoSchool, Teardown, type E2eBot } from './e2e-session';

const PUPIL = DEMO_PEOPLE.pupilYear10;
const ADVISER = DEMO_PEOPLE.adviser;
const REASON = 'Choosing between sixth form and an apprenticeship';

describe('notices to others in the Playground', { timeout: 180_000 }, () => {
  const teardown = new Teardown();
  let bot: E2eBot;
  let browser: TestBrowser;

  beforeAll(async () => {
    requireChromium();
    bot = await startBotWithDemoSchool(teardown, (school) => ({
      ...school,
      meetings: school.meetings.filter((meeting) => meeting.pupilId !== PUPIL.id),
    }));
    browser = await launchBrowser();
    teardown.add(() => browser.close());
  }, 120_000);

  afterAll(() => teardown.run(), 60_000);

  it('gives the adviser the pupil’s request as a message once the Playground is the adviser', async ({ onTestFailed }) => {
    const pupil = await signInToPlayground(teardown, bot, browser, PUPIL.id);
    let page = pupil.page;
    screenshotOnFailure(onTestFailed, () => page, 'playground-notices-failure');
    await waitForCard(page, `Welcome to Waypoint, ${PUPIL.givenName}`);
    const list = await waitForCard(page, 'Ask for a meeting', { from: await sendMessage(page, 'book a meeting') });
    const form = await pressCardButton(page, list.index, 'Ask for a meeting', 'Ask for a careers meeting');
    await fillCardText(form, 'What would you like help with?', REASON);
    await pressCardButton(page, list.index, 'Send request', 'Your adviser will see it in their requests');

    // The adviser has never been signed in: the notice waits, it has not failed.
    expect(await bot.waypoint.outboxSender.flush()).toMatchObject({ failed: 0 });
    const waiting = (await bot.services.outbox.history(SCHOOL_ID)).filter(({ message }) => message.key.startsWith('meeting-request:'));
    expect(waiting.map(({ message, status }) => [message.to, status])).toEqual([[{ kind: 'person', personId: ADVISER.id }, 'pending']]);
    await pupil.stop();

    const adviser = await signInToPlayground(teardown, bot, browser, ADVISER.id);
    page = adviser.page;
    await waitForCard(page, `Welcome to Waypoint, ${ADVISER.givenName}`);
    // Held messages are looked at again every few seconds; the test drives the sender itself.
    const deadline = Date.now() + 20_000;
    while ((await bot.waypoint.outboxSender.flush()).sent === 0 && Date.now() < deadline) await page.waitForTimeout(500);
    const notice = await waitForCard(page, ['A pupil asked for a meeting', REASON]);
    expect(await notice.card.innerText()).not.toContain('haven’t reached you');

    const diary = await waitForCard(page, 'Diary:', { from: await sendMessage(page, 'my diary') });
    expect(await diary.card.innerText()).not.toContain('haven’t reached you');
    expect(await page.locator('body').innerText()).not.toMatch(/haven’t reached you|Ask your Teams administrator/);
  });
});
