import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slotKeyOf } from '../../src/journeys/meetings/meeting-codecs';
import { writeSchoolFiles } from '../../src/schooldata/write-school-files';
import { cardOf, cardText, inputOn, messageOf, press, SCHOOL_ID, type TestBot } from '../harness/test-bot';
import {
  adviser,
  ava,
  ben,
  cara,
  clearMeetings,
  Clock,
  leader,
  meetingStored,
  outboxFor,
  seedSlot,
  startMeetingBot,
} from './meeting-fixtures';

describe('pupils ask for a meeting when no time suits, and advisers answer', () => {
  const clock = new Clock();
  let bot: TestBot;
  const requests = () => bot.waypoint.services.meetingTables.requests.list(SCHOOL_ID);
  beforeAll(async () => {
    bot = await startMeetingBot({ clock });
  });
  afterAll(async () => bot.stop());
  beforeEach(async () => {
    clock.set('2026-03-02T09:00:00Z');
    await clearMeetings(bot);
  });

  async function ask(user: ReturnType<TestBot['userFor']>, reason: string, preferredTimes = '') {
    const list = cardOf((await bot.say(user, 'book a meeting'))[0]);
    const form = cardOf(await press(bot, user, list, 'Ask for a meeting'));
    return cardOf(await press(bot, user, form, 'Send request', { reason, preferredTimes }));
  }

  it('records the request, with a meetings.csv row the export includes', async () => {
    const sent = await ask(bot.userFor(ava), 'Choosing between sixth form and college', 'Tuesday afternoons');
    expect(cardText(sent)).toContain('Request sent');
    expect(cardText(sent)).toContain('Tuesday afternoons');
    const [request] = await requests();
    expect(request).toMatchObject({
      pupilId: ava.id,
      reason: 'Choosing between sixth form and college',
      preferredTimes: 'Tuesday afternoons',
      status: 'open',
    });
    const row = await meetingStored(bot, request!.id);
    expect(row).toMatchObject({ pupilId: ava.id, adviserId: adviser.id, status: 'requested', startsAt: '2026-03-02T09:00' });
    const exported = writeSchoolFiles(await bot.waypoint.services.school.load(SCHOOL_ID))['meetings.csv'];
    expect(exported).toContain(`${request!.id},P0001,A1,2026-03-02T09:00,requested,,`);

    // Asking again while one is open shows the one waiting rather than a second request.
    const again = cardOf((await bot.say(bot.userFor(ava), 'request a meeting'))[0]);
    expect(cardText(again)).toContain('You asked for a meeting on Mon 2 Mar 2026');
    expect(await requests()).toHaveLength(1);
  });

  it('shows what to fix on the card and sends nothing', async () => {
    const answer = await ask(bot.userFor(ava), '   ');
    expect(cardText(answer)).toContain('Say in a sentence what you’d like help with');
    expect(cardText(answer)).toContain('Nothing has been sent yet');
    const tooLong = await ask(bot.userFor(ava), 'x'.repeat(301));
    expect(cardText(tooLong)).toContain('Keep it to 300 characters');
    expect(await requests()).toHaveLength(0);
  });

  it('lists open requests oldest first with their age in school days', async () => {
    clock.set('2026-02-25T12:00:00Z'); // Wednesday
    await ask(bot.userFor(ben), 'Apprenticeships in engineering');
    clock.set('2026-02-27T12:00:00Z'); // Friday
    await ask(bot.userFor(cara), 'What A-levels lead to medicine?');
    clock.set('2026-03-02T09:00:00Z'); // Monday
    await ask(bot.userFor(ava), 'Help with my personal statement');
    const queue = cardText(cardOf((await bot.say(bot.userFor(adviser), 'requests'))[0]));
    expect(queue).toContain('3 waiting, oldest first');
    const ben1 = queue.indexOf('Ben Patel (Year 11, 11A): waiting 3 school days');
    const cara1 = queue.indexOf('Cara Jones (Year 10, 10C): waiting 1 school day');
    const ava1 = queue.indexOf('Ava Patel (Year 11, 11B): asked today');
    expect(ben1).toBeGreaterThan(-1);
    expect(cara1).toBeGreaterThan(ben1);
    expect(ava1).toBeGreaterThan(cara1);
  });

  it('offers a slot held for the pupil, who accepts it in one tap', async () => {
    await ask(bot.userFor(ava), 'Choosing between sixth form and college', 'Thursday mornings');
    const key = await seedSlot(bot, '2026-03-05T09:20');
    await seedSlot(bot, '2026-03-05T09:50');
    const staff = bot.userFor(adviser);
    const queue = cardOf((await bot.say(staff, 'requests'))[0]);
    const offer = cardOf(await press(bot, staff, queue, 'Offer a time'));
    expect(inputOn(offer, 'slotKey')!.choices[0].title).toBe('Thu 5 Mar 2026, 09:20–09:50 · Careers office · Dan Brooks');
    const sent = cardOf(await press(bot, staff, offer, 'Send offer', { slotKey: key }));
    expect(cardText(sent)).toContain('Offer sent to Ava Patel.');
    expect(cardText(sent)).toContain('Offered Thu 5 Mar 2026, 09:20; waiting for the pupil to accept.');

    // The held slot is not offered to anyone else.
    const bensList = cardText(cardOf((await bot.say(bot.userFor(ben), 'book a meeting'))[0]));
    expect(bensList).toContain('09:50');
    expect(bensList).not.toContain('09:20');

    const [message] = await outboxFor(bot, ava.id);
    const offerCard = message!.message.card!;
    expect(cardText({ body: offerCard.body })).toContain('An adviser has offered you this time');
    expect(cardText({ body: offerCard.body })).toContain('Thu 5 Mar 2026, 09:20–09:50');
    const accepted = cardOf(await press(bot, bot.userFor(ava), offerCard, 'Accept'));
    expect(cardText(accepted)).toContain('Meeting booked');

    const [request] = await requests();
    expect(request!.status).toBe('booked');
    // The request's meetings.csv row became the booking: one row, now booked.
    const row = await meetingStored(bot, request!.id);
    expect(row).toMatchObject({
      status: 'booked',
      startsAt: '2026-03-05T09:20',
      adviserId: adviser.id,
      topic: 'Choosing between sixth form and college',
    });
    expect((await bot.waypoint.services.school.collections.meetings.list(SCHOOL_ID)).length).toBe(1);
    expect(cardText(cardOf((await bot.say(staff, 'requests'))[0]))).toContain('No pupil is waiting');
  });

  it('tells the pupil when the offered time has just gone', async () => {
    await ask(bot.userFor(ava), 'Careers in law');
    const key = await seedSlot(bot, '2026-03-05T09:20');
    await seedSlot(bot, '2026-03-05T09:50');
    const staff = bot.userFor(leader);
    const offer = cardOf(await press(bot, staff, cardOf((await bot.say(staff, 'requests'))[0]), 'Offer a time'));
    await press(bot, staff, offer, 'Send offer', { slotKey: key });
    // The hold lasts two days; after that anyone may book the time.
    clock.set('2026-03-04T09:01:00Z');
    expect(cardText(cardOf(await bot.execute(bot.userFor(ben), 'meeting.book', { slotKey: key, topic: '' })))).toContain('Meeting booked');
    const [message] = await outboxFor(bot, ava.id);
    const answer = cardOf(await press(bot, bot.userFor(ava), message!.message.card!, 'Accept'));
    expect(cardText(answer)).toContain('Sorry, that time has just gone. Here are the next free ones.');
    expect(cardText(answer)).toContain('09:50');
  });

  it('answers the request when the pupil books a free time themselves', async () => {
    await ask(bot.userFor(ava), 'Careers in law');
    const key = await seedSlot(bot, '2026-03-05T09:20');
    const [request] = await requests();
    expect(cardText(cardOf(await bot.execute(bot.userFor(ava), 'meeting.book', { slotKey: key, topic: '' })))).toContain('Meeting booked');
    expect((await requests())[0]!.status).toBe('booked');
    expect((await meetingStored(bot, request!.id))!.status).toBe('booked');
  });

  it('keeps offers between the pupil and the advisers', async () => {
    await ask(bot.userFor(ava), 'Careers in law');
    const [request] = await requests();
    // Another pupil cannot accept, and a pupil cannot offer.
    expect(messageOf(await bot.execute(bot.userFor(ben), 'meeting.acceptOffer', { requestId: request!.id }))).toContain(
      'can’t find that offer among yours',
    );
    expect(
      messageOf(
        await bot.execute(bot.userFor(ben), 'requests.offer', {
          requestId: request!.id,
          slotKey: slotKeyOf(adviser.id, '2026-03-05T09:20'),
        }),
      ),
    ).toContain('only careers advisers or the careers leader');
    expect((await requests())[0]!.status).toBe('open');
  });
});
