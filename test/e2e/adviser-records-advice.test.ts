// In a real browser, as the demo careers adviser (Dan Brooks): a guidance meeting with Ava Patel
// happened yesterday (the last school day); he records it from his diary as attended, with the advice
// and agreed actions, and then Ava, signed in to a second Playground, sees them in her record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatUkDate, formatUkDateTime } from '../../src/domain/calendar';
import { encodeKey } from '../../src/storage/keys';
import { DEMO_PEOPLE } from '../../src/schooldata/demo-school';
import {
  chooseCardChoice,
  fillCardDate,
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
const MEETING_ID = 'E2E-M1';
const PUPIL_LABEL = `${PUPIL.givenName} ${PUPIL.familyName} (Year 10, 10A)`;
const ADVICE = ['Talked through A levels, T Levels and engineering apprenticeships.', 'Suggested the Northfield College open evening.'];

describe('recording a guidance meeting in the Playground, as the demo adviser', { timeout: 180_000 }, () => {
  const teardown = new Teardown();
  let bot: E2eBot;
  let browser: TestBrowser;
  let adviserSession: PlaygroundSession | undefined;
  let pupilSession: PlaygroundSession | undefined;
  let meetingDay: string;

  beforeAll(async () => {
    requireChromium();
    bot = await startBotWithDemoSchool(teardown, (school) => ({
      ...school,
      meetings: school.meetings.filter((meeting) => meeting.pupilId !== PUPIL.id),
    }));
    // Ava's meeting with Dan on the last school day, booked and not yet recorded.
    meetingDay = await previousSchoolDay(bot.services, bot.today);
    await bot.services.school.collections.meetings.createOnce(SCHOOL_ID, {
      id: MEETING_ID,
      pupilId: PUPIL.id,
      adviserId: ADVISER.id,
      startsAt: `${meetingDay}T10:00`,
      status: 'booked',
      advice: '',
      agreedActions: '',
      place: 'Careers office',
      durationMinutes: 30,
      topic: 'Apprenticeships',
    });
    browser = await launchBrowser();
    teardown.add(() => browser.close());
    adviserSession = await signInToPlayground(teardown, bot, browser, ADVISER.id);
  }, 120_000);

  afterAll(() => teardown.run(), 60_000);

  it('records attended with advice and agreed actions, and the pupil sees the advice in her record', async ({ onTestFailed }) => {
    let page = adviserSession!.page;
    screenshotOnFailure(onTestFailed, () => (pupilSession ?? adviserSession)?.page, 'adviser-failure');
    await saveCardScreenshot((await waitForCard(page, `Welcome to Waypoint, ${ADVISER.givenName}`)).card, 'adviser-welcome');
    const when = formatUkDateTime(`${meetingDay}T10:00`);
    const pupilBy = addDays(meetingDay, 25);
    const adviserBy = addDays(meetingDay, 7);
    const actions = [
      `Pupil: Visit two college open days, by ${formatUkDate(pupilBy)}`,
      `Adviser: Send apprenticeship vacancy links, by ${formatUkDate(adviserBy)}`,
    ];

    // The diary lists the meeting among those to record.
    let from = await sendMessage(page, 'my diary');
    const diary = await waitForCard(page, `Diary: ${ADVISER.givenName} ${ADVISER.familyName}`, { from });
    await saveCardScreenshot(diary.card, 'adviser-diary');
    const diaryText = await diary.card.innerText();
    expect(diaryText).toMatch(/To record \(\d+\)/);
    expect(diaryText).toContain(`${formatUkDate(meetingDay)}, 10:00: ${PUPIL_LABEL}`);
    expect(diaryText).toContain('To talk about: Apprenticeships');
    expect(diaryText).toContain('Not recorded yet: did they come?');

    const form = await pressCardButton(page, diary.index, `Record: ${PUPIL_LABEL}`, 'Record the meeting');
    await saveCardScreenshot(form, 'adviser-record-form');
    const formText = await form.innerText();
    for (const detail of [PUPIL_LABEL, when, 'Apprenticeships', 'Did they come?']) expect(formText).toContain(detail);

    await chooseCardChoice(form, 'Attended');
    await fillCardText(form, 'Advice given (if they came)', ADVICE.join('\n'));
    await selectCardOption(page, form, 'Who', 'Pupil', 0);
    await fillCardText(form, 'Does what', 'Visit two college open days', 0);
    await fillCardDate(form, 'By when', pupilBy, 0);
    await selectCardOption(page, form, 'Who', 'Adviser', 1);
    await fillCardText(form, 'Does what', 'Send apprenticeship vacancy links', 1);
    await fillCardDate(form, 'By when', adviserBy, 1);
    await saveCardScreenshot(form, 'adviser-record-filled');

    const recorded = await pressCardButton(page, diary.index, 'Save record', 'Meeting recorded');
    await saveCardScreenshot(recorded, 'adviser-recorded');
    const recordedText = await recorded.innerText();
    for (const detail of [PUPIL_LABEL, when, 'Attended', ...ADVICE, ...actions, 'It is in the pupil’s careers record now'])
      expect(recordedText).toContain(detail);

    // Stored as completed, with the advice and the actions one a line.
    const stored = (await bot.services.school.collections.meetings.get(SCHOOL_ID, encodeKey(MEETING_ID)))?.item;
    expect(stored).toMatchObject({
      status: 'completed',
      advice: ADVICE.join('\n'),
      agreedActions: actions.join('\n'),
      outcomeRecordedBy: ADVISER.id,
    });

    // Ava, in her own Playground, finds the advice in her careers record.
    await adviserSession!.stop();
    pupilSession = await signInToPlayground(teardown, bot, browser, PUPIL.id);
    page = pupilSession.page;
    await saveCardScreenshot((await waitForCard(page, `Welcome to Waypoint, ${PUPIL.givenName}`)).card, 'pupil-welcome-after-advice');
    from = await sendMessage(page, 'my record');
    const record = await waitForCard(page, 'My careers record', { from });
    await saveCardScreenshot(record.card, 'pupil-record-with-advice');
    const recordText = await record.card.innerText();
    expect(recordText).toContain(`${formatUkDate(meetingDay)} with ${ADVISER.givenName} ${ADVISER.familyName}`);
    for (const line of ADVICE) expect(recordText).toContain(line);
    expect(recordText).toContain('Agreed actions:');
    // Her own action reads without "Pupil:"; the adviser's keeps its owner.
    for (const action of actions) expect(recordText).toContain(action.replace(/^Pupil: /, ''));
    expect(recordText).not.toContain('Pupil:');
    expect(recordText).not.toContain('You haven’t had a guidance meeting yet.');
  });
});
