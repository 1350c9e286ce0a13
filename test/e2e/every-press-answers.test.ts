// In a real browser: Save on each dated form, with a date the form does not allow, answers on the card
// with the reason. While the cards carried min and max, the Playground's client refused to send and the
// press did nothing at all (no request, no message).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar';
import { DEMO_PEOPLE } from '../../src/schooldata/demo-school';
import {
  chooseCardChoice,
  fillCardDate,
  fillCardText,
  launchBrowser,
  pressCardButton,
  requireChromium,
  selectCardOption,
  sendMessage,
  waitForCard,
  type TestBrowser,
} from './playground-driver';
import {
  previousSchoolDay,
  SCHOOL_ID,
  screenshotOnFailure,
  signInToPlayground,
  startBotWithDemoSchool,
  Teardown,
  type E2eBot,
  type PlaygroundSession,
} from './e2e-session';

const PUPIL = DEMO_PEOPLE.pupilYear10;
const ADVISER = DEMO_PEOPLE.adviser;
const PUPIL_LABEL = `${PUPIL.givenName} ${PUPIL.familyName} (Year 10, 10A)`;

describe('every Save answers in the Playground, whatever date was chosen', { timeout: 300_000 }, () => {
  const teardown = new Teardown();
  let bot: E2eBot;
  let browser: TestBrowser;
  let session: PlaygroundSession | undefined;
  let yesterday: string;

  beforeAll(async () => {
    requireChromium();
    // Ava's meeting with Dan on the last school day, booked and not yet recorded (her demo meetings removed).
    bot = await startBotWithDemoSchool(teardown, (school) => ({
      ...school,
      meetings: school.meetings.filter((meeting) => meeting.pupilId !== PUPIL.id),
    }));
    yesterday = await previousSchoolDay(bot.services, bot.today);
    await bot.services.school.collections.meetings.createOnce(SCHOOL_ID, {
      id: 'E2E-PRESS-M1',
      pupilId: PUPIL.id,
      adviserId: ADVISER.id,
      startsAt: `${yesterday}T10:00`,
      status: 'booked',
      advice: '',
      agreedActions: '',
      place: 'Careers office',
      durationMinutes: 30,
      topic: 'Apprenticeships',
    });
    browser = await launchBrowser();
    teardown.add(() => browser.close());
  }, 120_000);

  afterAll(() => teardown.run(), 60_000);

  async function signInAs(personId: string, givenName: string) {
    await session?.stop();
    session = await signInToPlayground(teardown, bot, browser, personId);
    await waitForCard(session.page, `Welcome to Waypoint, ${givenName}`);
    return session.page;
  }

  it('a link dated in the future', async ({ onTestFailed }) => {
    screenshotOnFailure(onTestFailed, () => session?.page, 'press-link-failure');
    const page = await signInAs(DEMO_PEOPLE.teacher.id, DEMO_PEOPLE.teacher.givenName);
    const step1 = await waitForCard(page, 'Step 1 of 2', { from: await sendMessage(page, 'log link') });
    await selectCardOption(page, step1.card, 'Subject', 'Mathematics');
    const step2 = await pressCardButton(page, step1.index, 'Next', 'Step 2 of 2: Mathematics');
    await chooseCardChoice(step2, 'Year 10');
    await fillCardText(step2, 'Topic', 'Compound interest');
    await fillCardText(step2, 'Other careers (separate with commas)', 'mortgage adviser');
    await fillCardDate(step2, 'Date of the lesson', addDays(bot.today, 7));
    const answer = await pressCardButton(
      page,
      step1.index,
      'Save link',
      'That date is in the future: a link records a lesson that has happened',
    );
    expect(await answer.innerText()).toContain('Nothing has been saved yet');
  });

  it('a plan dated in the past', async ({ onTestFailed }) => {
    screenshotOnFailure(onTestFailed, () => session?.page, 'press-plan-failure');
    const page = await signInAs(DEMO_PEOPLE.careersLeader.id, DEMO_PEOPLE.careersLeader.givenName);
    const form = await waitForCard(page, 'Plan an activity', { from: await sendMessage(page, 'plan an activity') });
    await selectCardOption(page, form.card, 'Kind of activity', 'Employer encounter (Benchmark 5)');
    await fillCardDate(form.card, 'Date it will happen', yesterday);
    await fillCardText(form.card, 'Title', 'Year 10 employer day');
    await chooseCardChoice(form.card, 'Year 10');
    await pressCardButton(page, form.index, 'Save the plan', 'Choose a day after today: a plan is for something still to come');
  });

  it('slots on a past date, and an agreed action due before its meeting', async ({ onTestFailed }) => {
    screenshotOnFailure(onTestFailed, () => session?.page, 'press-adviser-failure');
    const page = await signInAs(ADVISER.id, ADVISER.givenName);
    const slots = await waitForCard(page, 'Add meeting slots', { from: await sendMessage(page, 'add slots') });
    await fillCardDate(slots.card, 'Date', yesterday);
    await pressCardButton(page, slots.index, 'Add slots', 'That date has passed: slots are for meetings still to come');

    const diary = await waitForCard(page, `Diary: ${ADVISER.givenName} ${ADVISER.familyName}`, {
      from: await sendMessage(page, 'my diary'),
    });
    const form = await pressCardButton(page, diary.index, `Record: ${PUPIL_LABEL}`, 'Record the meeting');
    await chooseCardChoice(form, 'Attended');
    await fillCardText(form, 'Advice given (if they came)', 'Talked through apprenticeships.');
    await selectCardOption(page, form, 'Who', 'Pupil', 0);
    await fillCardText(form, 'Does what', 'Visit two college open days', 0);
    await fillCardDate(form, 'By when', addDays(yesterday, -1), 0);
    await pressCardButton(page, diary.index, 'Save record', 'That date is before the meeting');
  });
});
