import { beforeEach, describe, expect, it } from 'vitest';
import { slotKeyOf } from '../../src/journeys/meetings/meeting-codecs';
import { cardOf, cardText, press, SCHOOL_ID, type TestBot } from '../harness/test-bot';
import { adviser, ava, ben, Clock, meetingBotPerSuite, meetingStored, otherAdviser, outboxFor, seedSlot } from './meeting-fixtures';

// A request waits with the adviser most able to take it, not the first on the roster, and any
// adviser may still offer a time.

describe('routing meeting requests', () => {
  const clock = new Clock();
  const bots = meetingBotPerSuite(clock);
  let bot: TestBot;
  beforeEach(() => {
    bot = bots.bot;
  });

  async function ask(pupil: typeof ava): Promise<string> {
    const user = bot.userFor(pupil);
    const form = cardOf(await bot.execute(user, 'meeting.requestForm', {}));
    expect(
      cardText(cardOf(await press(bot, user, form, 'Send request', { reason: 'Help choosing A-levels', preferredTimes: '' }))),
    ).toContain('Request sent');
    const [request] = (await bot.waypoint.services.meetingTables.requests.list(SCHOOL_ID)).filter((entry) => entry.pupilId === pupil.id);
    return request!.id;
  }

  /** Dan has one free half-hour in the next two weeks; Priya has three, and more after that which don't count. */
  async function seedDiaries(): Promise<void> {
    await seedSlot(bot, '2026-03-03T10:00');
    for (const startsAt of ['2026-03-04T10:00', '2026-03-05T10:00', '2026-03-06T10:00'])
      await seedSlot(bot, startsAt, { adviserId: otherAdviser.id });
    for (const day of ['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26'])
      for (const time of ['09:00', '09:30', '10:00']) await seedSlot(bot, `${day}T${time}`);
  }

  it('goes to the adviser with the most free time in the next two weeks, who is told', async () => {
    await seedDiaries();
    const requestId = await ask(ava);
    expect(await meetingStored(bot, requestId)).toMatchObject({ status: 'requested', adviserId: otherAdviser.id });
    expect((await outboxFor(bot, otherAdviser.id)).map((entry) => entry.message.key)).toEqual([
      `meeting-request:${requestId}:${otherAdviser.id}`,
    ]);
    expect(await outboxFor(bot, adviser.id)).toEqual([]);
    const queue = cardText(cardOf((await bot.say(bot.userFor(adviser), 'requests'))[0]));
    expect(queue).toContain('Any adviser can offer a time.');
    expect(queue).toContain('Waiting with Priya Shah');
  });

  it('goes to the pupil’s previous adviser while they have free time, though another has more', async () => {
    await seedSlot(bot, '2026-03-03T10:00', { adviserId: otherAdviser.id });
    for (const startsAt of ['2026-03-04T10:00', '2026-03-05T10:00', '2026-03-06T10:00']) await seedSlot(bot, startsAt);
    await bot.waypoint.services.school.collections.meetings.createOnce(SCHOOL_ID, {
      id: 'M-EARLIER',
      pupilId: ben.id,
      adviserId: otherAdviser.id,
      startsAt: '2026-01-12T10:00',
      status: 'completed',
      advice: 'Talked about sixth forms',
      agreedActions: 'Pupil: visit open days, by Fri 30 Jan 2026',
    });
    const requestId = await ask(ben);
    expect((await meetingStored(bot, requestId))!.adviserId).toBe(otherAdviser.id);
  });

  it('lets any adviser take a request routed to another', async () => {
    await seedDiaries();
    const requestId = await ask(ava);
    const dan = bot.userFor(adviser);
    const form = cardOf(await bot.execute(dan, 'requests.offerForm', { requestId }));
    const offered = cardText(cardOf(await press(bot, dan, form, 'Send offer', { slotKey: slotKeyOf(adviser.id, '2026-03-03T10:00') })));
    expect(offered).toContain('Offer sent to Ava Patel');
    expect((await meetingStored(bot, requestId))!.adviserId).toBe(adviser.id);
  });
});
