// In a real browser, as the demo teacher (Sam Okafor, Mathematics and Physics): the one-line link
// shortcut, the two-step "log link" card, and "my coverage" showing the Mathematics gaps closing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatUkDate } from '../../src/domain/calendar';
import { odata } from '@azure/data-tables';
import { DEMO_PEOPLE } from '../../src/schooldata/demo-school';
import {
  chooseCardChoice,
  fillCardText,
  launchBrowser,
  pressCardButton,
  requireChromium,
  saveCardScreenshot,
  selectCardOption,
  sendMessage,
  waitForCard,
  type TestBrowser,
} from './playground-driver';
import {
  SCHOOL_ID,
  screenshotOnFailure,
  signInToPlayground,
  startBotWithDemoSchool,
  Teardown,
  type E2eBot,
  type PlaygroundSession,
} from './e2e-session';

const TEACHER = DEMO_PEOPLE.teacher;
// Years 9 and 10 Mathematics start with no link this year, so both links close a gap.
const GAP_YEARS = [9, 10];

/** "Mathematics: 2 of 7 year groups covered" and the "Still to do" line under it. */
function mathematicsCoverage(cardText: string): { covered: number; of: number; stillToDo: string; coveredLine: string } {
  const lines = cardText
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const start = lines.findIndex((line) => line.startsWith('Mathematics:'));
  expect(start, `no Mathematics section in:\n${cardText}`).toBeGreaterThanOrEqual(0);
  const match = /^Mathematics: (\d+) of (\d+) year groups covered$/.exec(lines[start]!);
  expect(match, lines[start]).not.toBeNull();
  const end = lines.findIndex((line, index) => index > start && / of \d+ year groups covered$/.test(line));
  const section = lines.slice(start + 1, end < 0 ? undefined : end);
  return {
    covered: Number(match![1]),
    of: Number(match![2]),
    stillToDo: section.find((line) => line.startsWith('Still to do:')) ?? '',
    coveredLine: section.find((line) => line.startsWith('Covered:')) ?? '',
  };
}

describe('careers links in the Playground, as the demo teacher', { timeout: 180_000 }, () => {
  const teardown = new Teardown();
  let bot: E2eBot;
  let browser: TestBrowser;
  let session: PlaygroundSession | undefined;

  beforeAll(async () => {
    requireChromium();
    bot = await startBotWithDemoSchool(teardown, (school) => ({
      ...school,
      links: school.links.filter((link) => !(link.subject === 'Mathematics' && GAP_YEARS.includes(link.yearGroup))),
    }));
    browser = await launchBrowser();
    teardown.add(() => browser.close());
    session = await signInToPlayground(teardown, bot, browser, TEACHER.id);
  }, 120_000);

  afterAll(() => teardown.run(), 60_000);

  it('logs a link in one line and through the card, and my coverage shows the gaps closing', async ({ onTestFailed }) => {
    const page = session!.page;
    screenshotOnFailure(onTestFailed, () => page, 'teacher-failure');
    await saveCardScreenshot((await waitForCard(page, `Welcome to Waypoint, ${TEACHER.givenName}`)).card, 'teacher-welcome');
    const today = formatUkDate(bot.today);

    // Before: Years 9 and 10 Mathematics are gaps.
    let from = await sendMessage(page, 'my coverage');
    const before = await waitForCard(page, 'My Benchmark 4 coverage', { from });
    await saveCardScreenshot(before.card, 'teacher-coverage-before');
    const coverageBefore = mathematicsCoverage(await before.card.innerText());
    expect(coverageBefore.stillToDo).toContain('Year 9');
    expect(coverageBefore.stillToDo).toContain('Year 10');

    // The one-line shortcut is recorded at once, with every detail shown back.
    from = await sendMessage(page, 'Y9 maths: ratio and proportion -> nurse, pharmacist');
    const shortcut = await waitForCard(page, 'Careers link saved', { from });
    await saveCardScreenshot(shortcut.card, 'teacher-shortcut-saved');
    const shortcutText = await shortcut.card.innerText();
    for (const detail of [
      'Mathematics',
      'Year 9',
      'ratio and proportion',
      'nurse, pharmacist',
      today,
      'This counts towards Benchmark 4 for Mathematics, Year 9',
    ]) {
      expect(shortcutText).toContain(detail);
    }
    for (const button of ['Edit', 'Undo', 'Log another'])
      await expect(shortcut.card.getByRole('button', { name: button, exact: true }).isVisible()).resolves.toBe(true);

    // "log link": subject, then the details, then saved, each replacing the card in place.
    from = await sendMessage(page, 'log link');
    const step1 = await waitForCard(page, 'Step 1 of 2: which subject was the lesson in?', { from });
    await saveCardScreenshot(step1.card, 'teacher-log-link-subject');
    await selectCardOption(page, step1.card, 'Subject', 'Mathematics');
    const step2 = await pressCardButton(page, step1.index, 'Next', 'Step 2 of 2: Mathematics');
    await saveCardScreenshot(step2, 'teacher-log-link-details');
    await chooseCardChoice(step2, 'Year 10');
    await fillCardText(step2, 'Topic', 'Compound interest');
    await chooseCardChoice(step2, 'Accountant');
    await fillCardText(step2, 'Other careers (separate with commas)', 'mortgage adviser');
    await saveCardScreenshot(step2, 'teacher-log-link-filled');
    const saved = await pressCardButton(page, step1.index, 'Save link', 'Careers link saved');
    await saveCardScreenshot(saved, 'teacher-log-link-saved');
    const savedText = await saved.innerText();
    for (const detail of [
      'Mathematics',
      'Year 10',
      'Compound interest',
      'Accountant, mortgage adviser',
      today,
      'This counts towards Benchmark 4 for Mathematics, Year 10',
    ]) {
      expect(savedText).toContain(detail);
    }

    // Both are stored as the teacher's links.
    const stored = (
      await bot.services.school.collections.links.list(SCHOOL_ID, odata`teacherId eq ${TEACHER.id} and date eq ${bot.today}`)
    ).filter((link) => ['ratio and proportion', 'Compound interest'].includes(link.topic));
    expect(stored.map((link) => [link.subject, link.yearGroup, link.topic, link.careers]).sort()).toEqual([
      ['Mathematics', 10, 'Compound interest', ['Accountant', 'mortgage adviser']],
      ['Mathematics', 9, 'ratio and proportion', ['nurse', 'pharmacist']],
    ]);

    // After: two fewer Mathematics gaps.
    from = await sendMessage(page, 'my coverage');
    const after = await waitForCard(page, 'My Benchmark 4 coverage', { from });
    await saveCardScreenshot(after.card, 'teacher-coverage-after');
    const coverageAfter = mathematicsCoverage(await after.card.innerText());
    expect(coverageAfter.of).toBe(coverageBefore.of);
    expect(coverageAfter.covered).toBe(coverageBefore.covered + 2);
    expect(coverageAfter.stillToDo).not.toMatch(/Year 9\b/);
    expect(coverageAfter.stillToDo).not.toMatch(/Year 10\b/);
    expect(coverageAfter.coveredLine).toContain('Year 9 (1)');
    expect(coverageAfter.coveredLine).toContain('Year 10 (1)');
  });
});
