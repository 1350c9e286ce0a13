// In a real browser, as the demo pupil (Ava Patel, Year 10): the reminder of an action agreed at her
// careers meeting arrives in her chat a few days before it is due, and she marks it done from it;
// her record lists what is planned for her year group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatUkDate } from '../../src/domain/calendar';
import type { Meeting } from '../../src/domain/school';
import { syncActionsOfMeeting, actionsOfPupil } from '../../src/journeys/meetings/action-store';
import { createPlannedActivity } from '../../src/storage/planned-activity-store';
import { formatActions } from '../../src/journeys/meetings/outcome-submission';
import { DEMO_PEOPLE } from '../../src/schooldata/demo-school';
import { pressCardButton, saveCardScreenshot, sendMessage, waitForCard } from './playground-driver';
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

const PUPIL = DEMO_PEOPLE.pupilYear10;
const ADVISER = DEMO_PEOPLE.adviser;
const ACTION = 'Visit two college open days';

describe('an agreed action’s reminder in the Playground, as the demo pupil', { timeout: 180_000 }, () => {
  const teardown = new Teardown();
  let bot: E2eBot;
  let session: PlaygroundSession | undefined;

  beforeAll(async () => {
    const started = await startBotAndBrowser(teardown);
    bot = started.bot;
    session = await signInToPlayground(teardown, bot, started.browser, PUPIL.id);
  }, 120_000);

  afterAll(() => teardown.run(), 60_000);

  it('shows the reminder and marks the action done from it', async ({ onTestFailed }) => {
    const page = session!.page;
    screenshotOnFailure(onTestFailed, () => page, 'agreed-action-failure');
    await waitForCard(page, `Welcome to Waypoint, ${PUPIL.givenName}`);

    // Yesterday's meeting, recorded with an action of Ava's due in two days (recording it is tested at HTTP level).
    const due = addDays(bot.today, 2);
    const meeting: Meeting = {
      id: 'M-E2E-ACTION',
      pupilId: PUPIL.id,
      adviserId: ADVISER.id,
      startsAt: `${await previousSchoolDay(bot.services, bot.today)}T10:00`,
      status: 'completed',
      advice: 'Looked at college courses and apprenticeships.',
      agreedActions: formatActions([{ who: 'Pupil', what: ACTION, by: due }]),
    };
    await bot.services.school.collections.meetings.createOnce(SCHOOL_ID, meeting);
    await syncActionsOfMeeting(bot.services, SCHOOL_ID, meeting);

    // The hourly check at 10:00 today queues the reminder and sends it.
    await bot.waypoint.jobs.runHourly(instantOfSchoolTime(`${bot.today}T10:00`));
    const reminder = await waitForCard(page, 'Coming up: an action from your careers meeting', { timeoutMs: 30_000 });
    await saveCardScreenshot(reminder.card, 'pupil-action-reminder');
    const text = await reminder.card.innerText();
    expect(text).toContain(ACTION);
    expect(text).toContain(`Due by ${formatUkDate(due)}`);

    const done = await pressCardButton(page, reminder.index, `Mark done`, ['My agreed actions', `Marked done: ${ACTION}`]);
    expect(await done.innerText()).toContain(`Done on ${formatUkDate(bot.today)}`);
    expect(await actionsOfPupil(bot.services, SCHOOL_ID, PUPIL.id)).toEqual([
      expect.objectContaining({ what: ACTION, status: 'done', doneBy: PUPIL.id }),
    ]);
  });

  it('lists in her record an activity planned for her year group', async ({ onTestFailed }) => {
    const page = session!.page;
    screenshotOnFailure(onTestFailed, () => page, 'coming-up-failure');
    const day = addDays(bot.today, 1);
    const planned = await createPlannedActivity(
      bot.services.school,
      SCHOOL_ID,
      {
        id: 'PL-E2E-COMING-UP',
        date: day,
        kind: 'employer_encounter',
        title: 'Year 10 engineering taster',
        providerAccess: false,
        meaningful: true,
        invitedYearGroups: [PUPIL.yearGroup],
      },
      bot.today,
    );
    expect(planned).toEqual({ ok: true });

    const from = await sendMessage(page, 'my record');
    const record = await waitForCard(page, ['My careers record', 'Coming up for you'], { from });
    expect(await record.card.innerText()).toContain(`${formatUkDate(day)}: Year 10 engineering taster`);
  });
});
