import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { markerPartition, slotKeyOf } from '../../src/journeys/meetings/meeting-codecs';
import { cardOf, cardText, messageOf, press, SCHOOL_ID, type TestBot } from '../harness/test-bot';
import {
  adviser,
  ava,
  ben,
  clearMeetings,
  Clock,
  daysOn,
  meetingsStored,
  otherAdviser,
  outboxFor,
  pupils,
  seedSlot,
  slotButton,
  slotsStored,
  startMeetingBot,
} from './meeting-fixtures';

const racers = pupils(60);

describe('pupils book guidance meetings', () => {
  const clock = new Clock();
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startMeetingBot({ clock, people: racers });
  });
  afterAll(async () => bot.stop());
  beforeEach(async () => {
    clock.set('2026-03-02T09:00:00Z');
    await clearMeetings(bot);
  });

  async function openFreeTimes(user = bot.userFor(ava)) {
    const [reply] = await bot.say(user, 'book a meeting');
    return cardOf(reply);
  }

  async function book(user = bot.userFor(ava), day = 'Tue 3 Mar 2026', time = '10:20', topic = '') {
    const list = await openFreeTimes(user);
    const button = slotButton(list, day, time);
    const confirm = cardOf(await bot.execute(user, button.verb, button.data));
    return cardOf(await press(bot, user, confirm, 'Confirm booking', { topic }));
  }

  it('shows the next free times grouped by day, never past ones, then books one', async () => {
    await seedSlot(bot, '2026-03-02T08:30'); // earlier today: gone
    await seedSlot(bot, '2026-03-03T10:20');
    await seedSlot(bot, '2026-03-03T10:50');
    await seedSlot(bot, '2026-03-04T14:00', { adviserId: otherAdviser.id, place: 'Online (Microsoft Teams)' });
    const user = bot.userFor(ava);
    const list = await openFreeTimes(user);
    expect(daysOn(list)).toEqual(['Tue 3 Mar 2026', 'Wed 4 Mar 2026']);
    expect(cardText(list)).not.toContain('08:30');
    expect(cardText(list)).toContain('Careers office with Dan Brooks');

    const button = slotButton(list, 'Tue 3 Mar 2026', '10:20');
    const confirm = cardOf(await bot.execute(user, button.verb, button.data));
    expect(cardText(confirm)).toContain('Tue 3 Mar 2026, 10:20–10:50');
    expect(cardText(confirm)).toContain('Dan Brooks');
    const booked = cardOf(await press(bot, user, confirm, 'Confirm booking', { topic: 'Engineering apprenticeships' }));
    const text = cardText(booked);
    expect(text).toContain('Meeting booked');
    expect(text).toContain('Tue 3 Mar 2026, 10:20–10:50');
    expect(text).toContain('Engineering apprenticeships');
    expect(text).toContain('You can move or cancel it until Mon 2 Mar 2026, 10:20');

    const [meeting] = await meetingsStored(bot);
    expect(meeting).toMatchObject({
      pupilId: ava.id,
      adviserId: adviser.id,
      startsAt: '2026-03-03T10:20',
      status: 'booked',
      advice: '',
      agreedActions: '',
      topic: 'Engineering apprenticeships',
      place: 'Careers office',
    });
    const slot = (await slotsStored(bot)).find((entry) => entry.startsAt === '2026-03-03T10:20');
    expect(slot).toMatchObject({ meetingId: meeting!.id, pupilId: ava.id });
    const told = await outboxFor(bot, adviser.id);
    expect(told).toHaveLength(1);
    expect(cardText({ body: told[0]!.message.card!.body })).toContain('Ava Patel (Year 11, 11B) booked a meeting with you');
    // Booked times disappear from everyone else's list.
    expect(cardText(await openFreeTimes(bot.userFor(ben)))).not.toContain('10:20');
  });

  it('pages through later times without skipping two advisers free at the same time', async () => {
    for (let minutes = 9 * 60; minutes <= 14 * 60; minutes += 30) {
      await seedSlot(bot, `2026-03-03T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
    }
    await seedSlot(bot, '2026-03-03T14:30');
    await seedSlot(bot, '2026-03-03T14:30', { adviserId: otherAdviser.id, place: 'Room 4' });
    const user = bot.userFor(ava);
    const first = await openFreeTimes(user);
    expect(slotButton(first, 'Tue 3 Mar 2026', '14:30')).toBeDefined();
    expect(cardText(first)).not.toContain('Priya Shah');
    const later = cardOf(await press(bot, user, first, 'Later times'));
    expect(slotButton(later, 'Tue 3 Mar 2026', '14:30 (Priya Shah)')).toBeDefined();
    expect(slotButton(later, 'Tue 3 Mar 2026', '14:30 (Dan Brooks)')).toBeDefined();
    expect(cardText(later)).not.toContain('Later times');
  });

  it('books once when the same tap is delivered twice', async () => {
    const key = await seedSlot(bot, '2026-03-03T10:20');
    const user = bot.userFor(ava);
    const first = cardOf(await bot.execute(user, 'meeting.book', { slotKey: key, topic: '' }, { id: 'tap-1' }));
    const second = cardOf(await bot.execute(user, 'meeting.book', { slotKey: key, topic: '' }, { id: 'tap-1' }));
    expect(cardText(first)).toContain('Meeting booked');
    expect(cardText(second)).toContain('Meeting booked');
    expect(await meetingsStored(bot)).toHaveLength(1);
    expect(await outboxFor(bot, adviser.id)).toHaveLength(1);
  });

  it('gives one slot to exactly one of 60 pupils tapping at once', async () => {
    const key = await seedSlot(bot, '2026-03-03T10:20');
    await seedSlot(bot, '2026-03-03T10:50');
    const results = await Promise.all(racers.map((racer) => bot.execute(bot.userFor(racer), 'meeting.book', { slotKey: key, topic: '' })));
    const texts = results.map((result) => cardText(cardOf(result)));
    expect(texts.filter((text) => text.includes('Meeting booked'))).toHaveLength(1);
    expect(texts.filter((text) => text.includes('that time has just gone'))).toHaveLength(racers.length - 1);
    // The losers see the next free time straight away.
    expect(texts.find((text) => text.includes('that time has just gone'))).toContain('10:50');
    const meetings = await meetingsStored(bot);
    expect(meetings).toHaveLength(1);
    const slot = (await slotsStored(bot)).find((entry) => entry.startsAt === '2026-03-03T10:20');
    expect(slot?.meetingId).toBe(meetings[0]!.id);
    expect(slot?.pupilId).toBe(meetings[0]!.pupilId);
    // Every loser's claim on "one upcoming meeting" was released.
    const markers = await bot.waypoint.services.meetingTables.markers.list(markerPartition(SCHOOL_ID));
    expect(markers.map((marker) => marker.pupilId)).toEqual([meetings[0]!.pupilId]);
  });

  it('lets a pupil hold only one upcoming meeting, even when they tap several times at once', async () => {
    const keys = await Promise.all(
      ['09:20', '09:50', '10:20', '10:50', '11:20', '11:50', '13:00', '13:30'].map((time) => seedSlot(bot, `2026-03-03T${time}`)),
    );
    const user = bot.userFor(ava);
    const results = await Promise.all(keys.map((slotKey) => bot.execute(user, 'meeting.book', { slotKey, topic: '' })));
    const texts = results.map((result) =>
      result.body?.type === 'application/vnd.microsoft.activity.message' ? messageOf(result) : cardText(cardOf(result)),
    );
    expect(texts.filter((text) => text.includes('Meeting booked'))).toHaveLength(1);
    expect(texts.filter((text) => /already (have|booking) a careers meeting/.test(text))).toHaveLength(keys.length - 1);
    const meetings = await meetingsStored(bot);
    expect(meetings.filter((meeting) => meeting.pupilId === ava.id && meeting.status === 'booked')).toHaveLength(1);
    expect((await slotsStored(bot)).filter((slot) => slot.meetingId !== undefined)).toHaveLength(1);

    // Asking again later shows the meeting instead of more times.
    const again = await openFreeTimes(user);
    expect(cardText(again)).toContain('You already have a careers meeting booked');
  });

  it('tells a pupil whose chosen time has just gone, and shows the next ones', async () => {
    await seedSlot(bot, '2026-03-03T10:20');
    await seedSlot(bot, '2026-03-03T10:50');
    const user = bot.userFor(ava);
    const list = await openFreeTimes(user);
    const button = slotButton(list, 'Tue 3 Mar 2026', '10:20');
    const confirm = cardOf(await bot.execute(user, button.verb, button.data));
    await book(bot.userFor(ben), 'Tue 3 Mar 2026', '10:20');
    const answer = cardOf(await press(bot, user, confirm, 'Confirm booking', { topic: '' }));
    expect(cardText(answer)).toContain('Sorry, that time has just gone. Here are the next free ones.');
    expect(slotButton(answer, 'Tue 3 Mar 2026', '10:50')).toBeDefined();
    expect((await meetingsStored(bot)).map((meeting) => meeting.pupilId)).toEqual([ben.id]);
  });

  it('refuses a topic over the limit on the card and books nothing', async () => {
    await seedSlot(bot, '2026-03-03T10:20');
    const answer = await book(bot.userFor(ava), 'Tue 3 Mar 2026', '10:20', 'x'.repeat(201));
    expect(cardText(answer)).toContain('Keep it to 200 characters');
    expect(await meetingsStored(bot)).toHaveLength(0);
  });

  it('cancels a meeting: the time is free again and the adviser is told', async () => {
    await seedSlot(bot, '2026-03-03T10:20');
    const user = bot.userFor(ava);
    await book(user);
    const mine = cardOf((await bot.say(user, 'my meeting'))[0]);
    expect(cardText(mine)).toContain('Your careers meeting');
    const ask = cardOf(await press(bot, user, mine, 'Cancel meeting'));
    expect(cardText(ask)).toContain('Cancel your meeting?');
    const done = cardOf(await press(bot, user, ask, 'Yes, cancel it'));
    expect(cardText(done)).toContain('Meeting cancelled');
    const [meeting] = await meetingsStored(bot);
    expect(meeting!.status).toBe('cancelled');
    expect((await slotsStored(bot))[0]!.meetingId).toBeUndefined();
    expect((await outboxFor(bot, adviser.id)).map((entry) => entry.message.key)).toContain(`meeting-cancelled:${meeting!.id}`);
    // The pupil may book again, and so may anyone else.
    expect(cardText(await book(user))).toContain('Meeting booked');
  });

  it('moves a meeting to another time, freeing the old one', async () => {
    await seedSlot(bot, '2026-03-03T10:20');
    await seedSlot(bot, '2026-03-05T11:00', { adviserId: otherAdviser.id, place: 'Room 4' });
    const user = bot.userFor(ava);
    const booked = await book(user);
    const list = cardOf(await press(bot, user, booked, 'Move'));
    expect(cardText(list)).toContain('Your meeting is now on Tue 3 Mar 2026, 10:20');
    const button = slotButton(list, 'Thu 5 Mar 2026', '11:00');
    const confirm = cardOf(await bot.execute(user, button.verb, button.data));
    const moved = cardOf(await press(bot, user, confirm, 'Move to this time'));
    expect(cardText(moved)).toContain('Meeting moved');
    expect(cardText(moved)).toContain('Thu 5 Mar 2026, 11:00–11:30');
    const meetings = await meetingsStored(bot);
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ startsAt: '2026-03-05T11:00', adviserId: otherAdviser.id, place: 'Room 4', status: 'booked' });
    const slots = await slotsStored(bot);
    expect(slots.find((slot) => slot.startsAt === '2026-03-03T10:20')?.meetingId).toBeUndefined();
    expect(slots.find((slot) => slot.startsAt === '2026-03-05T11:00')?.meetingId).toBe(meetings[0]!.id);
    // Both advisers hear about it.
    expect(await outboxFor(bot, adviser.id)).toHaveLength(2); // booked, then moved away
    expect(cardText({ body: (await outboxFor(bot, otherAdviser.id))[0]!.message.card!.body })).toContain(
      'moved their meeting from Tue 3 Mar 2026, 10:20 to Thu 5 Mar 2026, 11:00',
    );
  });

  it('refuses to cancel or move after the school’s cut-off, and changes nothing', async () => {
    await seedSlot(bot, '2026-03-03T10:20');
    await seedSlot(bot, '2026-03-04T10:20');
    const user = bot.userFor(ava);
    await book(user);
    const [before] = await meetingsStored(bot);
    clock.set('2026-03-02T10:21:00Z'); // 23 hours 59 minutes before; the default cut-off is 24 hours
    for (const [verb, data] of [
      ['meeting.askCancel', { meetingId: before!.id }],
      ['meeting.cancel', { meetingId: before!.id }],
      ['meeting.slots', { meetingId: before!.id }],
      ['meeting.moveTo', { meetingId: before!.id, slotKey: slotKeyOf(adviser.id, '2026-03-04T10:20') }],
    ] as const) {
      expect(messageOf(await bot.execute(user, verb, data))).toContain(
        'too late to change your meeting on Tue 3 Mar 2026, 10:20 here: changes close 24 hours before it starts',
      );
    }
    const mine = cardOf((await bot.say(user, 'my meeting'))[0]);
    expect(cardText(mine)).toContain('It’s too late to change it here now');
    expect(await meetingsStored(bot)).toEqual([before]);
  });

  it('follows the school’s own cut-off', async () => {
    await bot.waypoint.services.settings.save(
      SCHOOL_ID,
      { ...(await bot.waypoint.services.settings.get(SCHOOL_ID)).settings, meetingChangeCutoffHours: 2 },
      (await bot.waypoint.services.settings.get(SCHOOL_ID)).etag,
    );
    try {
      await seedSlot(bot, '2026-03-03T10:20');
      const user = bot.userFor(ava);
      await book(user);
      clock.set('2026-03-03T08:00:00Z');
      const mine = cardOf((await bot.say(user, 'my meeting'))[0]);
      expect(cardText(mine)).toContain('until Tue 3 Mar 2026, 08:20');
      const ask = cardOf(await press(bot, user, mine, 'Cancel meeting'));
      clock.set('2026-03-03T08:21:00Z');
      expect(messageOf(await press(bot, user, ask, 'Yes, cancel it'))).toContain('changes close 2 hours before it starts');
    } finally {
      const current = await bot.waypoint.services.settings.get(SCHOOL_ID);
      await bot.waypoint.services.settings.save(SCHOOL_ID, { ...current.settings, meetingChangeCutoffHours: 24 }, current.etag);
    }
  });
});
