// In a real browser, as the demo careers leader (Helen Marsh): a form's activity she planned has
// had its day; the hourly check sends her the plan's attendance card, and she takes the attendance
// in two taps: one pupil ticked absent, then Save.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatUkDate } from '../../src/domain/calendar';
import type { Activity } from '../../src/domain/school';
import { describePupil } from '../../src/journeys/encounters/attendance-selection';
import { invitedPupils } from '../../src/journeys/encounters/plan-attendance-job';
import { DEMO_PEOPLE } from '../../src/schooldata/demo-school';
import { createPlannedActivity } from '../../src/storage/planned-activity-store';
import { chooseCardChoice, pressCardButton, saveCardScreenshot, waitForCard } from './playground-driver';
import {
  instantOfSchoolTime,
  previousSchoolDay,
  SCHOOL_ID,
  screenshotOnFailure,
  signInToPlayground,
  startBotAndBrowser,
  Teardown,
  type E2eBot,
  type PlaygroundSession,
} from './e2e-session';

const LEADER = DEMO_PEOPLE.careersLeader;
const PUPIL = DEMO_PEOPLE.pupilYear10;

describe('attendance from the plan in the Playground, as the demo careers leader', { timeout: 180_000 }, () => {
  const teardown = new Teardown();
  let bot: E2eBot;
  let session: PlaygroundSession | undefined;

  beforeAll(async () => {
    const started = await startBotAndBrowser(teardown);
    bot = started.bot;
    session = await signInToPlayground(teardown, bot, started.browser, LEADER.id);
  }, 120_000);

  afterAll(() => teardown.run(), 60_000);

  it('sends the planner the card once the day has passed, and saves the attendance in two taps', async ({ onTestFailed }) => {
    const page = session!.page;
    screenshotOnFailure(onTestFailed, () => page, 'plan-attendance-failure');
    await waitForCard(page, `Welcome to Waypoint, ${LEADER.givenName}`);

    // Planned a week before its day (the store refuses a plan dated today or before), for Ava's form; its day was yesterday.
    const ava = bot.school.people.find((person) => person.id === PUPIL.id)!;
    const day = await previousSchoolDay(bot.services, bot.today);
    const plan: Activity = {
      id: 'PLAN-E2E-FORM',
      date: day,
      kind: 'employer_encounter',
      title: `Form ${ava.form} workplace talk`,
      providerAccess: false,
      meaningful: true,
      recordedBy: LEADER.id,
      invitedForms: [ava.form!],
    };
    expect(await createPlannedActivity(bot.services.school, SCHOOL_ID, plan, addDays(day, -7))).toEqual({ ok: true });
    const invited = invitedPupils(bot.school.people, plan);
    expect(invited.length).toBeGreaterThan(5);

    // The hourly check at 10:00 today queues the card and sends it.
    await bot.waypoint.jobs.runHourly(instantOfSchoolTime(`${bot.today}T10:00`));
    const sent = await waitForCard(page, ['Take attendance from the plan', plan.title], { timeoutMs: 30_000 });
    await saveCardScreenshot(sent.card, 'leader-plan-attendance');
    const text = await sent.card.innerText();
    expect(text).toContain(`${plan.title}, ${formatUkDate(day)}`);
    expect(text).toContain(`${invited.length} pupils invited`);

    // Tap 1: Ava was absent. Tap 2: Save.
    await chooseCardChoice(sent.card, describePupil(ava));
    const saved = await pressCardButton(page, sent.index, 'Save attendance', [
      'Attendance saved',
      `${invited.length - 1} pupils at ${plan.title}`,
    ]);
    expect(await saved.innerText()).toContain(formatUkDate(day));
    const attendance = await bot.services.school.collections.attendance.listPartition(SCHOOL_ID, plan.id);
    expect(attendance.map((row) => row.pupilId).sort()).toEqual(
      invited
        .map((pupil) => pupil.id)
        .filter((id) => id !== ava.id)
        .sort(),
    );
  });
});
