import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slotKeyOf } from '../../src/journeys/meetings/meeting-codecs';
import { buttonOn, cardOf, cardText, inputOn, messageOf, press, type TestBot } from '../harness/test-bot';
import {
  adviser,
  ava,
  clearMeetings,
  Clock,
  daysOn,
  leader,
  otherAdviser,
  seedSlot,
  slotsStored,
  startMeetingBot,
  termsWithClosures,
} from './meeting-fixtures';

const form = { date: '2026-03-03', start: '10:00', end: '12:00', length: '30', placeKind: 'room', room: 'Careers office', repeat: 'once' };

describe('advisers add and remove bookable slots', () => {
  const clock = new Clock();
  let bot: TestBot;
  beforeAll(async () => {
    // Tuesday 17 March 2026 is a training day at this school.
    bot = await startMeetingBot({ clock, settings: { termDates: termsWithClosures('2026-03-17') } });
  });
  afterAll(async () => bot.stop());
  beforeEach(async () => {
    clock.set('2026-03-02T09:00:00Z');
    await clearMeetings(bot);
  });

  async function openForm(user = bot.userFor(adviser)) {
    const [reply] = await bot.say(user, 'add slots');
    return cardOf(reply);
  }

  it('adds a morning of slots, and adding the same morning again changes nothing', async () => {
    const user = bot.userFor(adviser);
    const card = await openForm(user);
    expect(inputOn(card, 'adviserId')).toBeUndefined(); // an adviser adds to their own diary
    const added = cardOf(await press(bot, user, card, 'Add slots', form));
    const text = cardText(added);
    expect(text).toContain('Added 4 slots');
    expect(text).toContain('Tue 3 Mar 2026');
    expect(text).toContain('10:00, 10:30, 11:00, 11:30');
    expect(text).toContain('Careers office');
    const stored = await slotsStored(bot);
    expect(stored.map((slot) => [slot.adviserId, slot.startsAt, slot.minutes, slot.place]).sort()).toEqual([
      ['A1', '2026-03-03T10:00', 30, 'Careers office'],
      ['A1', '2026-03-03T10:30', 30, 'Careers office'],
      ['A1', '2026-03-03T11:00', 30, 'Careers office'],
      ['A1', '2026-03-03T11:30', 30, 'Careers office'],
    ]);

    const again = cardOf(await press(bot, user, card, 'Add slots', form));
    expect(cardText(again)).toContain('No new slots added');
    expect(cardText(again)).toContain('4 were already in the diary');
    expect(await slotsStored(bot)).toEqual(stored);

    // An overlapping pattern (10:15 to 11:15) is refused slot by slot rather than double-booking the adviser.
    const overlapping = cardOf(await press(bot, user, card, 'Add slots', { ...form, start: '10:15', end: '11:15' }));
    expect(cardText(overlapping)).toContain('2 would have overlapped');
    expect(await slotsStored(bot)).toHaveLength(4);
  });

  it('repeats weekly to the end of term, skipping closure days', async () => {
    const user = bot.userFor(adviser);
    const added = cardOf(
      await press(bot, user, await openForm(user), 'Add slots', {
        ...form,
        start: '14:00',
        end: '15:00',
        length: '60',
        placeKind: 'online',
        room: '',
        repeat: 'weekly',
      }),
    );
    const text = cardText(added);
    // The spring term ends on Friday 27 March 2026 (Easter is 5 April).
    expect(text).toContain('Added 3 slots');
    expect(text).toContain('Tue 3 Mar 2026, Tue 10 Mar 2026, Tue 24 Mar 2026');
    expect(text).toContain('Not on Tue 17 Mar 2026: not a school day');
    expect(text).toContain('Online (Microsoft Teams)');
    expect((await slotsStored(bot)).map((slot) => slot.startsAt).sort()).toEqual([
      '2026-03-03T14:00',
      '2026-03-10T14:00',
      '2026-03-24T14:00',
    ]);
  });

  it.each([
    ['a Saturday', { date: '2026-03-07' }, 'Sat 7 Mar 2026 isn’t a school day'],
    ['a closure day', { date: '2026-03-17' }, 'Tue 17 Mar 2026 isn’t a school day'],
    ['half-term', { date: '2026-05-26' }, 'Tue 26 May 2026 isn’t a school day'],
    ['the Easter holidays', { date: '2026-04-07' }, 'Tue 7 Apr 2026 isn’t a school day'],
    ['a date in the past', { date: '2026-02-27' }, 'That date has passed: slots are for meetings still to come'],
    ['an end before the start', { start: '12:00', end: '10:00' }, 'The end time must be after the start time'],
    ['too short a window', { start: '10:00', end: '10:20' }, 'There isn’t room for a 30-minute meeting'],
    ['no room', { room: '  ' }, 'Say which room'],
    ['a length not offered', { length: '7' }, 'Choose how long each meeting lasts'],
    ['a time in the night', { start: '03:00' }, 'Choose a time between 07:00 and 19:00'],
  ])('refuses %s on the card and writes nothing', async (_case, change, message) => {
    const user = bot.userFor(adviser);
    const answer = cardOf(await press(bot, user, await openForm(user), 'Add slots', { ...form, ...change }));
    expect(cardText(answer)).toContain(message);
    expect(cardText(answer)).toContain('Nothing has been saved yet');
    expect(await slotsStored(bot)).toHaveLength(0);
  });

  it('never creates or offers a time that has passed', async () => {
    const user = bot.userFor(adviser);
    const added = cardOf(
      await press(bot, user, await openForm(user), 'Add slots', { ...form, date: '2026-03-02', start: '08:00', end: '10:00' }),
    );
    expect(cardText(added)).toContain('Added 1 slot');
    expect(cardText(added)).toContain('3 had already started');
    expect((await slotsStored(bot)).map((slot) => slot.startsAt)).toEqual(['2026-03-02T09:30']);

    const allPast = cardOf(
      await press(bot, user, await openForm(user), 'Add slots', { ...form, date: '2026-03-02', start: '07:00', end: '09:00' }),
    );
    expect(cardText(allPast)).toContain('Those times have already passed today');

    const pupil = bot.userFor(ava);
    expect(cardText(cardOf((await bot.say(pupil, 'book a meeting'))[0]))).toContain('09:30');
    clock.set('2026-03-02T09:31:00Z');
    const empty = cardOf((await bot.say(pupil, 'book a meeting'))[0]);
    expect(cardText(empty)).toContain('There are no free times at the moment');
    // With no times shown, the one button asks for a meeting rather than rejecting times nobody sees.
    expect(buttonOn(empty, 'Ask for a meeting').verb).toBe('meeting.requestForm');
    expect(cardText(empty)).not.toContain('None of these suit me');
  });

  it('never offers pupils a slot on a day that is not a school day', async () => {
    // Slots that exist from before the school set its closure days, or were imported.
    await seedSlot(bot, '2026-03-17T10:00');
    await seedSlot(bot, '2026-03-07T10:00');
    await seedSlot(bot, '2026-03-18T10:00');
    const list = cardOf((await bot.say(bot.userFor(ava), 'book a meeting'))[0]);
    expect(daysOn(list)).toEqual(['Wed 18 Mar 2026']);
  });

  it('removes free slots only: booked ones and other advisers’ stay', async () => {
    const user = bot.userFor(adviser);
    await press(bot, user, await openForm(user), 'Add slots', form);
    const pupil = bot.userFor(ava);
    expect(
      cardText(cardOf(await bot.execute(pupil, 'meeting.book', { slotKey: slotKeyOf(adviser.id, '2026-03-03T10:30'), topic: '' }))),
    ).toContain('Meeting booked');

    const overview = cardOf((await bot.say(user, 'my slots'))[0]);
    expect(cardText(overview)).toContain('Tue 3 Mar 2026: 4 slots, 3 free');
    const day = cardOf(await press(bot, user, overview, 'Manage Tue 3 Mar 2026'));
    expect(cardText(day)).toContain('Booked: Ava Patel (Year 11, 11B)');
    expect(() => buttonOn(day, 'Remove 10:30')).toThrow(); // no Remove on a booked slot
    const after = cardOf(await press(bot, user, day, 'Remove 10:00'));
    expect(cardText(after)).toContain('Removed 10:00.');
    expect((await slotsStored(bot)).map((slot) => slot.startsAt).sort()).toEqual([
      '2026-03-03T10:30',
      '2026-03-03T11:00',
      '2026-03-03T11:30',
    ]);

    // Pressing an old Remove for the booked slot, or removing another adviser's, changes nothing.
    expect(messageOf(await bot.execute(user, 'slots.remove', { slotKey: slotKeyOf(adviser.id, '2026-03-03T10:30') }))).toContain(
      'booked by a pupil, so I kept it',
    );
    expect(
      messageOf(await bot.execute(bot.userFor(otherAdviser), 'slots.remove', { slotKey: slotKeyOf(adviser.id, '2026-03-03T11:00') })),
    ).toContain('only change your own slots');
    expect(await slotsStored(bot)).toHaveLength(3);
    // The careers leader may tidy any adviser's diary.
    expect(
      cardText(cardOf(await bot.execute(bot.userFor(leader), 'slots.remove', { slotKey: slotKeyOf(adviser.id, '2026-03-03T11:00') }))),
    ).toContain('Removed 11:00.');
    expect(await slotsStored(bot)).toHaveLength(2);
  });

  it('lets the careers leader add slots to an adviser’s diary', async () => {
    const user = bot.userFor(leader);
    const card = await openForm(user);
    expect(inputOn(card, 'adviserId')!.choices.map((choice: { title: string }) => choice.title)).toEqual([
      'Dan Brooks',
      'Priya Shah',
      'Jo Reid',
    ]);
    const added = cardOf(await press(bot, user, card, 'Add slots', { ...form, adviserId: otherAdviser.id, start: '13:00', end: '14:00' }));
    expect(cardText(added)).toContain('Priya Shah');
    expect((await slotsStored(bot)).map((slot) => [slot.adviserId, slot.createdBy])).toEqual([
      ['A2', 'L1'],
      ['A2', 'L1'],
    ]);
    // An adviser cannot slip someone else's id into their own card.
    const own = cardOf(await bot.execute(bot.userFor(adviser), 'slots.add', { ...form, adviserId: otherAdviser.id }));
    expect(cardText(own)).toContain('Choose whose diary the slots go in');
  });
});
