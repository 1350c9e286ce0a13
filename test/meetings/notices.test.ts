import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardOf, cardText, press, type TestBot } from '../harness/test-bot';
import { adviser, ava, ben, Clock, leader, otherAdviser, outboxFor, seedSlot, startMeetingBot } from './meeting-fixtures';

// Promises to tell someone: advisers hear of new requests; the pupil is told only what is true;
// a notice Teams could not deliver shows in the diary of its adviser and of the careers leader.

describe('meeting notices that may not reach anyone', () => {
  const clock = new Clock();
  let bot: TestBot;
  const diaryOf = async (person: typeof adviser) => cardText(cardOf((await bot.say(bot.userFor(person), 'my diary'))[0]));
  beforeAll(async () => {
    bot = await startMeetingBot({ clock });
  });
  afterAll(async () => bot.stop());

  it('tells the adviser of a new request, and tells the pupil only that the adviser will see it', async () => {
    const user = bot.userFor(ava);
    const list = cardOf((await bot.say(user, 'book a meeting'))[0]);
    const form = cardOf(await press(bot, user, list, 'Ask for a meeting'));
    const sent = cardText(
      cardOf(
        await press(bot, user, form, 'Send request', {
          reason: 'Choosing between sixth form and college',
          preferredTimes: 'Tuesday afternoons',
        }),
      ),
    );
    expect(sent).toContain('Your adviser will see it in their requests');
    expect(sent).not.toMatch(/I’ve told/);
    const [notice] = await outboxFor(bot, adviser.id);
    expect(notice!.message.key).toMatch(/^meeting-request:/);
    const text = cardText({ body: notice!.message.card!.body });
    expect(text).toContain('A pupil asked for a meeting');
    expect(text).toContain('Ava Patel (Year 11, 11B) asked for a careers meeting');
    expect(text).toContain('Tuesday afternoons');
  });

  it('lists notices Teams could not deliver: the adviser’s own in their diary, everyone’s in the careers leader’s', async () => {
    // Dan has never opened a chat with Waypoint, so his request notice has nowhere to go yet.
    await bot.waypoint.outboxSender.flush();
    // Priya has, but Teams refuses the next message (as it does with ConversationNotFound).
    await bot.say(bot.userFor(otherAdviser), 'help');
    const slotKey = await seedSlot(bot, '2026-03-04T10:00', { adviserId: otherAdviser.id });
    expect(cardText(cardOf(await bot.execute(bot.userFor(ben), 'meeting.book', { slotKey, topic: '' })))).toContain('Meeting booked');
    bot.connector.failNextSends(404);
    await bot.waypoint.outboxSender.flush();

    const leaders = await diaryOf(leader);
    expect(leaders).toContain('Messages not delivered yet (2)');
    expect(leaders).toContain('Ask your Teams administrator to install it for staff and pupils with an app setup policy');
    expect(leaders).toContain('To Dan Brooks: A pupil asked for a meeting: Ava Patel (Year 11, 11B) asked for a careers meeting');
    expect(leaders).toContain('To Priya Shah: New guidance meeting: Ben Patel (Year 11, 11A) booked a meeting with you.');

    const dans = await diaryOf(adviser);
    expect(dans).toContain('Messages that haven’t reached you (1)');
    expect(dans).toContain('A pupil asked for a meeting: Ava Patel (Year 11, 11B) asked for a careers meeting');
    expect(dans).not.toContain('Ben Patel');
    const priyas = await diaryOf(otherAdviser);
    expect(priyas).toContain('Messages that haven’t reached you (1)');
    expect(priyas).toContain('New guidance meeting: Ben Patel (Year 11, 11A) booked a meeting with you.');
    expect(priyas).not.toContain('asked for a careers meeting');
  });
});
