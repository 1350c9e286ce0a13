import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalChatKey } from '../../src/storage/conversation-store';
import { cardOf, cardText, press, type TestBot } from '../harness/test-bot';
import { adviser, ava, Clock, leader, otherAdviser, outboxFor, seedSlot, ben, startMeetingBot } from './meeting-fixtures';

// In the Agents Playground one person is signed in at a time, so everyone else has no chat with
// the bot yet. Their notices wait for the Playground to be started as them: ordinary messages,
// never the "haven't reached you" banner, which stays for what Teams really refused.

describe('notices in the Playground', () => {
  const clock = new Clock();
  let bot: TestBot;
  const diaryOf = async (person: typeof adviser) => cardText(cardOf((await bot.say(bot.userFor(person), 'my diary'))[0]));
  const delivered = () =>
    bot.connector.sent.map(({ activity }) => (activity.attachments?.[0] ? cardText(activity.attachments[0].content) : ''));
  beforeAll(async () => {
    bot = await startMeetingBot({ clock, holdForAbsent: true });
  });
  afterAll(async () => bot.stop());

  it('keeps a request notice for the adviser until the Playground is the adviser, then delivers it as a message', async () => {
    // The Playground is Ava: she asks for a meeting; her adviser has never been signed in.
    const user = bot.userFor(ava);
    const list = cardOf((await bot.say(user, 'book a meeting'))[0]);
    const form = cardOf(await press(bot, user, list, 'Ask for a meeting'));
    await press(bot, user, form, 'Send request', {
      reason: 'Choosing between sixth form and college',
      preferredTimes: 'Tuesday afternoons',
    });
    const sending = await bot.waypoint.outboxSender.flush();
    expect(sending).toMatchObject({ failed: 0, retrying: 0, held: 1 });
    expect(await bot.waypoint.services.outbox.undelivered('school')).toEqual([]);

    // Now the Playground is started as the adviser: the first thing they say opens their chat.
    const diary = await diaryOf(adviser);
    expect(diary).not.toContain('haven’t reached you');
    expect(diary).not.toContain('Ask your Teams administrator');
    clock.set(new Date(clock.at.getTime() + 10_000).toISOString());
    expect(await bot.waypoint.outboxSender.flush()).toMatchObject({ sent: 1, failed: 0 });
    expect(delivered().filter((text) => text.includes('Ava Patel (Year 11, 11B) asked for a careers meeting'))).toHaveLength(1);
    const [notice] = await outboxFor(bot, adviser.id);
    expect(notice).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await diaryOf(leader)).not.toContain('Messages not delivered yet');
  });

  it('keeps a notice for a chat from an earlier Playground run (404), and shows one Teams refused otherwise in the banner', async () => {
    await bot.say(bot.userFor(otherAdviser), 'help');
    const slotKey = await seedSlot(bot, '2026-03-04T10:00', { adviserId: otherAdviser.id });
    expect(cardText(cardOf(await bot.execute(bot.userFor(ben), 'meeting.book', { slotKey, topic: '' })))).toContain('Meeting booked');
    bot.connector.failNextSends(404);
    expect(await bot.waypoint.outboxSender.flush()).toMatchObject({ failed: 0, held: 1 });
    expect(await diaryOf(otherAdviser)).not.toContain('haven’t reached you');

    // Forbidden (e.g. the app blocked) is a real failure, in the Playground as in Teams.
    clock.set(new Date(clock.at.getTime() + 10_000).toISOString());
    bot.connector.failNextSends(403);
    expect(await bot.waypoint.outboxSender.flush()).toMatchObject({ failed: 1 });
    const priyas = await diaryOf(otherAdviser);
    expect(priyas).toContain('Messages that haven’t reached you (1)');
    expect(priyas).toContain('New guidance meeting: Ben Patel (Year 11, 11A) booked a meeting with you.');
    expect(await diaryOf(leader)).toContain('Messages not delivered yet (1)');
  });

  it('keeps a notice for a chat in a Playground that has stopped (a run on another port)', async () => {
    await bot.say(bot.userFor(ava), 'help');
    const gone = await bot.waypoint.services.conversations.find('school', personalChatKey(ava.id));
    await bot.waypoint.services.conversations.save('school', personalChatKey(ava.id), { ...gone!, serviceUrl: 'http://127.0.0.1:9/' });
    await bot.waypoint.services.outbox.enqueue({
      schoolId: 'school',
      key: 'meeting-test:gone',
      to: { kind: 'person', personId: ava.id },
      text: 'Hello',
    });
    expect(await bot.waypoint.outboxSender.flush()).toMatchObject({ failed: 0, retrying: 0, held: 1 });
    expect((await bot.waypoint.services.outbox.undelivered('school')).map(({ message }) => message.key)).not.toContain('meeting-test:gone');
  });
});
