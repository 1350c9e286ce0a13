// In a real browser, as the demo careers leader (Helen Marsh): the benchmark report shows how many
// pupils of a year group no plan reaches yet for Benchmark 5; she plans an employer encounter for
// that year group through the planning card, and the report, opened again, counts those pupils as
// planned on that row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { academicYearOf, formatUkDate } from '../../src/domain/calendar';
import { DEMO_PEOPLE } from '../../src/schooldata/demo-school';
import {
  chooseCardChoice,
  fillCardDate,
  fillCardText,
  pressCardButton,
  saveCardScreenshot,
  selectCardOption,
  sendMessage,
  waitForCard,
  type TestBrowser,
} from './playground-driver';
import {
  nextSchoolDays,
  screenshotOnFailure,
  signInToPlayground,
  startBotAndBrowser,
  Teardown,
  type E2eBot,
  type PlaygroundSession,
} from './e2e-session';

const LEADER = DEMO_PEOPLE.careersLeader;
const BENCHMARK_5 = 'Benchmark 5 · ';

interface RowCounts {
  yearGroup: number;
  planned: number;
  unplanned: number;
}

/** Benchmark 5's Table rows as the report card shows them: "Year 10", "0/40 · 0%", "35 planned, 5 unplanned". */
function benchmarkFiveRows(reportText: string): RowCounts[] {
  const text = reportText.replace(/\u00a0/g, ' ');
  const start = text.indexOf(BENCHMARK_5);
  if (start < 0) throw new Error('No Benchmark 5 section on the report card');
  const rest = text.slice(start + BENCHMARK_5.length);
  const end = rest.search(/^(Benchmark |Provider Access)/m);
  // The cells of a row may come apart by tabs or lines as rendered: read them as one run of text.
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/Year (\d+)\s+\d+\/\d+ · \d+%\s+(\d+) planned, (\d+) unplanned/g)].map((match) => ({
    yearGroup: Number(match[1]),
    planned: Number(match[2]),
    unplanned: Number(match[3]),
  }));
}

describe('planning an activity in the Playground, as the careers leader', { timeout: 180_000 }, () => {
  const teardown = new Teardown();
  let bot: E2eBot;
  let browser: TestBrowser;
  let session: PlaygroundSession | undefined;

  beforeAll(async () => {
    ({ bot, browser } = await startBotAndBrowser(teardown));
    session = await signInToPlayground(teardown, bot, browser, LEADER.id);
  }, 120_000);

  afterAll(() => teardown.run(), 60_000);

  it('plans an employer encounter for a year group and sees the report’s row move from unplanned to planned', async ({ onTestFailed }) => {
    const page = session!.page;
    screenshotOnFailure(onTestFailed, () => page, 'leader-plans-failure');
    await waitForCard(page, `Welcome to Waypoint, ${LEADER.givenName}`);

    // The report: a Benchmark 5 row with pupils no plan reaches yet.
    const firstReport = await waitForCard(page, 'Benchmark report', { from: await sendMessage(page, 'report') });
    const before = benchmarkFiveRows(await firstReport.card.innerText()).find((row) => row.unplanned > 0);
    if (!before) throw new Error('The demo school has no Benchmark 5 row with unplanned pupils');

    // A school day still to come this academic year, so the forecast counts it.
    const [day] = await nextSchoolDays(bot.services, bot.today, 1);
    expect(day! <= academicYearOf(bot.today).end).toBe(true);

    const form = await waitForCard(page, 'Plan an activity', { from: await sendMessage(page, 'plan an activity') });
    await selectCardOption(page, form.card, 'Kind of activity', 'Employer encounter (Benchmark 5)');
    await fillCardDate(form.card, 'Date it will happen', day!);
    await fillCardText(form.card, 'Title', `Year ${before.yearGroup} employer day`);
    await fillCardText(form.card, 'Employer or provider (optional)', 'Brightwater Engineering');
    await chooseCardChoice(form.card, `Year ${before.yearGroup}`);
    await saveCardScreenshot(form.card, 'leader-plan-form');
    const saved = await pressCardButton(page, form.index, 'Save the plan', ['Activity planned', formatUkDate(day!)]);
    await saveCardScreenshot(saved, 'leader-plan-saved');
    expect(await saved.innerText()).toContain(`Year ${before.yearGroup} employer day`);

    // The report again: everyone that row left unplanned is now planned.
    const secondReport = await waitForCard(page, 'Benchmark report', { from: await sendMessage(page, 'report') });
    await saveCardScreenshot(secondReport.card, 'leader-report-after-plan');
    const after = benchmarkFiveRows(await secondReport.card.innerText()).find((row) => row.yearGroup === before.yearGroup);
    expect(after).toBeDefined();
    expect(after!.planned).toBeGreaterThan(before.planned);
    expect(after!.unplanned).toBeLessThan(before.unplanned);
    expect(after).toEqual({ yearGroup: before.yearGroup, planned: before.planned + before.unplanned, unplanned: 0 });
  });
});
