// In a real browser, as the demo careers leader (Helen Marsh): the benchmark report in her personal
// chat; then, in the Playground team's General channel, "@Waypoint post the digest here", and the
// weekly digest job run (through the development endpoint) as if it were the next digest time in
// term: exactly one digest appears in the channel, and running the job again that week adds none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatUkDate, isSchoolDay, termDatesCovering, weekday } from '../../src/domain/calendar';
import { BENCHMARK_IDS } from '../../src/domain/benchmarks';
import { DEMO_PEOPLE } from '../../src/schooldata/demo-school';
import {
  cardsContaining,
  launchBrowser,
  openConversation,
  postInChannelMentioning,
  requireChromium,
  saveCardScreenshot,
  saveScreenshot,
  sendMessage,
  waitForCard,
  waitForText,
  type TestBrowser,
} from './playground-driver';
import {
  instantOfSchoolTime,
  SCHOOL_ID,
  screenshotOnFailure,
  signInToPlayground,
  startBotWithDemoSchool,
  Teardown,
  type E2eBot,
  type PlaygroundSession,
} from './e2e-session';

const LEADER = DEMO_PEOPLE.careersLeader;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** Long enough for a second digest, had one been sent, to reach the page. */
const SETTLE_MS = 2_000;

interface DigestRun {
  schoolId: string;
  weekOf: string;
  outcome: string;
}

describe('the benchmark report and the weekly digest in the Playground, as the careers leader', { timeout: 180_000 }, () => {
  const teardown = new Teardown();
  let bot: E2eBot;
  let browser: TestBrowser;
  let session: PlaygroundSession | undefined;

  beforeAll(async () => {
    requireChromium();
    bot = await startBotWithDemoSchool(teardown);
    browser = await launchBrowser();
    teardown.add(() => browser.close());
    session = await signInToPlayground(teardown, bot, browser, LEADER.id);
  }, 120_000);

  afterAll(() => teardown.run(), 60_000);

  /** The school's digest day in the first week after this one in which that day is a school day, and its hour. */
  async function nextDigestTime(): Promise<{ day: string; local: string }> {
    const { settings } = await bot.services.settings.get(SCHOOL_ID);
    const terms = termDatesCovering(bot.today, addDays(bot.today, 400), settings.termDates);
    const thisWeek = addDays(bot.today, 1 - weekday(bot.today));
    for (let week = addDays(thisWeek, 7); week <= addDays(bot.today, 400); week = addDays(week, 7)) {
      const day = addDays(week, settings.digestDay - 1);
      if (isSchoolDay(day, terms)) return { day, local: `${day}T${String(settings.digestHour).padStart(2, '0')}:00` };
    }
    throw new Error('No digest day in term within a year');
  }

  async function runDigestJob(at: Date): Promise<DigestRun[]> {
    const response = await fetch(`${bot.waypoint.url}/dev/jobs/weekly-digest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ at: at.toISOString() }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { runs: DigestRun[] }).runs;
  }

  it('shows the report, then posts exactly one digest a week in the channel chosen', async ({ onTestFailed }) => {
    const page = session!.page;
    screenshotOnFailure(onTestFailed, () => page, 'leader-failure');
    await saveCardScreenshot((await waitForCard(page, `Welcome to Waypoint, ${LEADER.givenName}`)).card, 'leader-welcome');

    // The benchmark report, every benchmark with its rows.
    const from = await sendMessage(page, 'report');
    const report = await waitForCard(page, 'Benchmark report', { from });
    await saveCardScreenshot(report.card, 'leader-report');
    const reportText = await report.card.innerText();
    expect(reportText).toContain(`As of ${formatUkDate(bot.today)}`);
    expect(reportText).toMatch(/Top gaps \(\d+ in all\)/);
    for (const benchmark of BENCHMARK_IDS.filter((id) => id !== 'PAL')) expect(reportText).toContain(`Benchmark ${benchmark} · `);
    expect(reportText).toMatch(/^Provider Access Legislation$/m);
    // A Table row, cell by cell: met, then the forecast: who the plan reaches (planned) and who still needs a plan (unplanned).
    expect(reportText).toMatch(/Year 11\s+\d+\/\d+ · \d+%\s+\d+ planned, \d+ unplanned/);

    // In the team's General channel, the leader @mentions Waypoint to choose it for the digest.
    await openConversation(page, 'General');
    await saveCardScreenshot((await waitForCard(page, 'Hello, I’m Waypoint')).card, 'leader-channel-welcome');
    const { settings } = await bot.services.settings.get(SCHOOL_ID);
    const schedule = `every ${WEEKDAYS[settings.digestDay - 1]} at ${String(settings.digestHour).padStart(2, '0')}:00`;
    await postInChannelMentioning(page, 'Waypoint', 'post the digest here');
    await waitForText(page, `Done: I’ll post the careers digest here ${schedule}, except in school holidays.`);
    await saveScreenshot(page, 'leader-channel-registered');
    expect(await cardsContaining(page, 'Careers digest')).toHaveLength(0);

    // The next digest time in term: the job posts it, once.
    const next = await nextDigestTime();
    const title = `Careers digest, ${formatUkDate(next.day)}`;
    const weekOf = addDays(next.day, 1 - weekday(next.day));
    expect(await runDigestJob(instantOfSchoolTime(next.local))).toEqual([{ schoolId: SCHOOL_ID, weekOf, outcome: 'posted' }]);
    const digest = await waitForCard(page, title);
    await page.waitForTimeout(SETTLE_MS);
    expect(await cardsContaining(page, 'Careers digest')).toHaveLength(1);
    await saveCardScreenshot(digest.card, 'leader-digest');
    const digestText = await digest.card.innerText();
    expect(digestText).toContain('What to act on first this week');
    expect(digestText).toContain('This is the first digest; from next week it shows what changed.');
    expect(digestText).toContain('Progress by benchmark');

    // Run again at the same time, and later that week: already posted, nothing new in the channel.
    expect(await runDigestJob(instantOfSchoolTime(next.local))).toEqual([{ schoolId: SCHOOL_ID, weekOf, outcome: 'already-posted' }]);
    expect(await runDigestJob(instantOfSchoolTime(`${addDays(next.day, 2)}T10:00`))).toEqual([
      { schoolId: SCHOOL_ID, weekOf, outcome: 'already-posted' },
    ]);
    await page.waitForTimeout(SETTLE_MS);
    expect(await cardsContaining(page, 'Careers digest')).toHaveLength(1);
    await saveScreenshot(page, 'leader-channel-one-digest');
  });
});
