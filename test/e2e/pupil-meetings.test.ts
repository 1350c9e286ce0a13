// In a real browser, as the demo pupil (Ava Patel, Year 10): book a careers guidance meeting in
// one of the adviser's free slots, then see it in "my record".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { odata } from '@azure/data-tables';
import { formatUkDate, formatUkDateTime } from '../../src/domain/calendar';
import { slotKeyOf } from '../../src/journeys/meetings/meeting-codecs';
import { formatSlotTime } from '../../src/journeys/meetings/slot-times';
import { DEMO_PEOPLE } from '../../src/schooldata/demo-school';
import {
  fillCardText,
  launchBrowser,
  pressCardButton,
  requireChromium,
  saveCardScreenshot,
  sendMessage,
  waitForCard,
  type TestBrowser,
} from './playground-driver';
import {
  nextSchoolDays,
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
const TIMES = ['10:00', '10:30', '14:00'];
const PLACE = 'Careers office';

describe('booking a guidance meeting in the Playground, as the demo pupil', { timeout: 180_000 }, () => {
  const teardown = new Teardown();
  let bot: E2eBot;
  let browser: TestBrowser;
  let session: PlaygroundSession | undefined;
  let days: string[];

  beforeAll(async () => {
    requireChromium();
    // Ava starts with no meeting, so she may book one.
    bot = await startBotWithDemoSchool(teardown, (school) => ({
      ...school,
      meetings: school.meetings.filter((meeting) => meeting.pupilId !== PUPIL.id),
    }));
    // The adviser's free slots on the next two school days, put straight into storage.
    days = await nextSchoolDays(bot.services, bot.today, 2);
    for (const day of days) {
      for (const time of TIMES) {
        await bot.services.meetingTables.slots.createOnce(SCHOOL_ID, {
          adviserId: ADVISER.id,
          startsAt: `${day}T${time}`,
          minutes: 30,
          place: PLACE,
          createdBy: ADVISER.id,
        });
      }
    }
    browser = await launchBrowser();
    teardown.add(() => browser.close());
    session = await signInToPlayground(teardown, bot, browser, PUPIL.id);
  }, 120_000);

  afterAll(() => teardown.run(), 60_000);

  it('books a free time, confirms it, and sees it in my record', async ({ onTestFailed }) => {
    const page = session!.page;
    screenshotOnFailure(onTestFailed, () => page, 'pupil-failure');
    await saveCardScreenshot((await waitForCard(page, `Welcome to Waypoint, ${PUPIL.givenName}`)).card, 'pupil-welcome');
    const [firstDay, secondDay] = days as [string, string];
    const startsAt = `${secondDay}T10:30`;
    const adviserName = `${ADVISER.givenName} ${ADVISER.familyName}`;

    // The free times, a block per day.
    let from = await sendMessage(page, 'book a meeting');
    const slots = await waitForCard(page, 'Book a careers guidance meeting', { from });
    await saveCardScreenshot(slots.card, 'pupil-free-slots');
    const slotsText = await slots.card.innerText();
    expect(slotsText).toContain(formatUkDate(firstDay));
    expect(slotsText).toContain(formatUkDate(secondDay));
    expect(slotsText).toContain(`${PLACE} with ${adviserName}`);
    for (const day of days) {
      const block = slots.card.locator('.ac-container:not(.ac-adaptiveCard)', { hasText: formatUkDate(day) });
      for (const time of TIMES) await expect(block.getByRole('button', { name: time, exact: true }).count()).resolves.toBe(1);
    }

    // Pick 10:30 on the second day: the card turns into the confirmation.
    const secondDayBlock = slots.card.locator('.ac-container:not(.ac-adaptiveCard)', { hasText: formatUkDate(secondDay) });
    await secondDayBlock.getByRole('button', { name: '10:30', exact: true }).click();
    const confirm = await waitForCard(page, 'Confirm your meeting', { from: slots.index });
    expect(confirm.index).toBe(slots.index);
    await saveCardScreenshot(confirm.card, 'pupil-confirm');
    const confirmText = await confirm.card.innerText();
    expect(confirmText).toContain(formatSlotTime(startsAt, 30));
    expect(confirmText).toContain(PLACE);
    expect(confirmText).toContain(adviserName);

    await fillCardText(confirm.card, 'What would you like to talk about? (optional)', 'Engineering apprenticeships');
    const booked = await pressCardButton(page, confirm.index, 'Confirm booking', 'Meeting booked');
    await saveCardScreenshot(booked, 'pupil-booked');
    const bookedText = await booked.innerText();
    for (const detail of [
      formatSlotTime(startsAt, 30),
      PLACE,
      adviserName,
      'Engineering apprenticeships',
      'You can move or cancel it until',
    ])
      expect(bookedText).toContain(detail);
    for (const button of ['Move', 'Cancel meeting'])
      await expect(booked.getByRole('button', { name: button, exact: true }).isVisible()).resolves.toBe(true);

    // Stored: one booked meeting for Ava, holding that slot.
    const meetings = await bot.services.school.collections.meetings.list(SCHOOL_ID, odata`pupilId eq ${PUPIL.id}`);
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({
      adviserId: ADVISER.id,
      startsAt,
      status: 'booked',
      topic: 'Engineering apprenticeships',
      place: PLACE,
    });
    const slot = await bot.services.meetingTables.slots.get(SCHOOL_ID, slotKeyOf(ADVISER.id, startsAt));
    expect(slot?.item).toMatchObject({ meetingId: meetings[0]!.id, pupilId: PUPIL.id });

    // "my record" shows the meeting to come.
    from = await sendMessage(page, 'my record');
    const record = await waitForCard(page, 'My careers record', { from });
    await saveCardScreenshot(record.card, 'pupil-record');
    const recordText = await record.card.innerText();
    expect(recordText).toContain('Careers meetings');
    expect(recordText).not.toContain('Benchmark');
    expect(recordText).toContain(`Booked: ${formatUkDateTime(startsAt)} with ${adviserName}, ${PLACE}`);
  });
});
