import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evaluateBenchmarks } from '../../src/domain/benchmarks/evaluate';
import { defaultSchoolSettings } from '../../src/domain/school-settings';
import { cardOf, cardText, messageOf, press, SCHOOL_ID, type TestBot } from '../harness/test-bot';
import {
  adviser,
  ava,
  ben,
  clearMeetings,
  Clock,
  leader,
  meetingsStored,
  otherAdviser,
  outboxFor,
  seedSlot,
  startMeetingBot,
} from './meeting-fixtures';

const attended = {
  outcome: 'attended',
  advice: 'Talked through A-levels and T-levels.\nSuggested looking at engineering apprenticeships.',
  who1: 'Pupil',
  what1: 'Visit two college open days',
  by1: '2026-03-20',
  who2: 'Adviser',
  what2: 'Send apprenticeship links',
  by2: '2026-03-06',
  who3: 'Pupil',
  what3: '',
  by3: '',
};

describe('advisers run their diary and record meetings', () => {
  const clock = new Clock();
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startMeetingBot({ clock });
  });
  afterAll(async () => bot.stop());
  beforeEach(async () => {
    clock.set('2026-03-02T09:00:00Z');
    await clearMeetings(bot);
  });

  /** Ava books Tuesday 10:20 with Dan; Ben books Monday 11:00. */
  async function bookTwo(): Promise<{ avaMeetingId: string }> {
    const avaSlot = await seedSlot(bot, '2026-03-03T10:20');
    const benSlot = await seedSlot(bot, '2026-03-02T11:00');
    expect(cardText(cardOf(await bot.execute(bot.userFor(ava), 'meeting.book', { slotKey: avaSlot, topic: 'Apprenticeships' })))).toContain(
      'Meeting booked',
    );
    expect(cardText(cardOf(await bot.execute(bot.userFor(ben), 'meeting.book', { slotKey: benSlot, topic: '' })))).toContain(
      'Meeting booked',
    );
    const meetings = await meetingsStored(bot);
    return { avaMeetingId: meetings.find((meeting) => meeting.pupilId === ava.id)!.id };
  }

  it('shows today’s and upcoming meetings, and what is left to record', async () => {
    await bookTwo();
    const diary = cardText(cardOf((await bot.say(bot.userFor(adviser), 'my diary'))[0]));
    expect(diary).toContain('Diary: Dan Brooks');
    expect(diary).toContain('Today, Mon 2 Mar 2026');
    expect(diary).toContain('11:00–11:30: Ben Patel (Year 11, 11A)');
    expect(diary).toContain('Tue 3 Mar 2026, 10:20: Ava Patel (Year 11, 11B)');
    expect(diary).toContain('To talk about: Apprenticeships');
    expect(diary).not.toContain('To record');
    // Another adviser's diary is their own; the careers leader sees everyone's.
    expect(cardText(cardOf((await bot.say(bot.userFor(otherAdviser), 'meetings'))[0]))).toContain('No meetings today.');
    expect(cardText(cardOf((await bot.say(bot.userFor(leader), 'diary'))[0]))).toContain('with Dan Brooks');

    clock.set('2026-03-04T09:00:00Z');
    const later = cardText(cardOf((await bot.say(bot.userFor(adviser), 'record the meeting'))[0]));
    expect(later).toContain('To record (2)');
    expect(later).toContain('Not recorded yet: did they come?');
  });

  it('refuses to record a meeting before it starts', async () => {
    const { avaMeetingId } = await bookTwo();
    expect(messageOf(await bot.execute(bot.userFor(adviser), 'meeting.recordForm', { meetingId: avaMeetingId }))).toContain(
      'once it has started (Tue 3 Mar 2026, 10:20)',
    );
  });

  it.each([
    ['no advice', { advice: '  ' }, 'Write the advice you gave'],
    ['advice over the limit', { advice: 'a'.repeat(2001) }, 'Keep the advice to 2000 characters'],
    ['no agreed action', { what1: '', by1: '', what2: '', by2: '' }, 'Add at least one agreed action'],
    ['an action with no date', { by1: '' }, 'Choose the date it should be done by'],
    ['a date with no action', { what1: '' }, 'Say what will be done, or clear the date'],
    ['an action dated before the meeting', { by1: '2026-03-01' }, 'That date is before the meeting: choose Tue 3 Mar 2026 or later'],
    ['an action over the limit', { what1: 'w'.repeat(201) }, 'Keep each action to 200 characters'],
    ['an unknown owner', { who1: 'Headteacher' }, 'Choose who will do it'],
    ['no outcome', { outcome: '' }, 'Say whether the pupil came'],
  ])('shows %s on the card and writes nothing', async (_case, change, message) => {
    const { avaMeetingId } = await bookTwo();
    clock.set('2026-03-03T11:00:00Z');
    const user = bot.userFor(adviser);
    const form = cardOf(await bot.execute(user, 'meeting.recordForm', { meetingId: avaMeetingId }));
    const answer = cardOf(await press(bot, user, form, 'Save record', { ...attended, ...change }));
    expect(cardText(answer)).toContain(message);
    expect(cardText(answer)).toContain('Nothing has been saved yet');
    const meeting = (await meetingsStored(bot)).find((entry) => entry.id === avaMeetingId);
    expect(meeting).toMatchObject({ status: 'booked', advice: '', agreedActions: '' });
  });

  it('records an attended meeting with advice and agreed actions, which counts for Benchmarks 3 and 8', async () => {
    const { avaMeetingId } = await bookTwo();
    clock.set('2026-03-03T11:00:00Z');
    const user = bot.userFor(adviser);
    const diary = cardOf((await bot.say(user, 'my diary'))[0]);
    const form = cardOf(await press(bot, user, diary, 'Record: Ava Patel (Year 11, 11B)'));
    expect(cardText(form)).toContain('Record the meeting');
    const saved = cardOf(await press(bot, user, form, 'Save record', attended, { id: 'record-1' }));
    const text = cardText(saved);
    expect(text).toContain('Meeting recorded');
    expect(text).toContain('Pupil: Visit two college open days, by Fri 20 Mar 2026');
    expect(text).toContain('Adviser: Send apprenticeship links, by Fri 6 Mar 2026');
    const meeting = (await meetingsStored(bot)).find((entry) => entry.id === avaMeetingId)!;
    expect(meeting).toMatchObject({
      status: 'completed',
      advice: attended.advice,
      agreedActions: 'Pupil: Visit two college open days, by Fri 20 Mar 2026\nAdviser: Send apprenticeship links, by Fri 6 Mar 2026',
      outcomeRecordedBy: adviser.id,
    });
    // A second delivery of the same tap changes nothing.
    await press(bot, user, form, 'Save record', attended, { id: 'record-1' });
    expect((await meetingsStored(bot)).find((entry) => entry.id === avaMeetingId)).toEqual(meeting);
    // Reopening the record card shows what was saved, ready to correct.
    const reopened = cardOf(await bot.execute(user, 'meeting.recordForm', { meetingId: avaMeetingId }));
    expect(cardText(reopened)).toContain('Visit two college open days');

    const data = await bot.waypoint.services.school.load(SCHOOL_ID);
    const rows = evaluateBenchmarks(data, '2026-03-03', defaultSchoolSettings()).rows;
    expect(rows.find((row) => row.benchmark === '8' && row.yearGroup === 11)!.metIds).toEqual([ava.id]);
    // No intended destinations yet.
    expect(rows.find((row) => row.benchmark === '3' && row.yearGroup === 11)!.unmetIds).toEqual([ava.id, ben.id]);
  });

  it('records a missed meeting and offers the pupil another time', async () => {
    const { avaMeetingId } = await bookTwo();
    clock.set('2026-03-03T11:00:00Z');
    const user = bot.userFor(adviser);
    const form = cardOf(await bot.execute(user, 'meeting.recordForm', { meetingId: avaMeetingId }));
    const saved = cardOf(await press(bot, user, form, 'Save record', { ...attended, outcome: 'missed' }));
    expect(cardText(saved)).toContain('I’m sending the pupil an offer of another time');
    const meeting = (await meetingsStored(bot)).find((entry) => entry.id === avaMeetingId)!;
    expect(meeting).toMatchObject({ status: 'missed', advice: '', agreedActions: '' });
    const [offer] = await outboxFor(bot, ava.id);
    expect(offer!.message.key).toBe(`meeting-missed:${avaMeetingId}`);
    expect(cardText({ body: offer!.message.card!.body })).toContain('Would you like to book another time?');
    // The pupil can book again at once.
    await seedSlot(bot, '2026-03-04T10:00');
    const list = cardOf(await press(bot, bot.userFor(ava), offer!.message.card!, 'Book a meeting'));
    expect(cardText(list)).toContain('Wed 4 Mar 2026');
  });

  it('lets only the meeting’s adviser or the careers leader record it', async () => {
    const { avaMeetingId } = await bookTwo();
    clock.set('2026-03-03T11:00:00Z');
    expect(messageOf(await bot.execute(bot.userFor(otherAdviser), 'meeting.record', { meetingId: avaMeetingId, ...attended }))).toContain(
      'can’t find that meeting in your diary',
    );
    expect(messageOf(await bot.execute(bot.userFor(ava), 'meeting.record', { meetingId: avaMeetingId, ...attended }))).toContain(
      'only careers advisers or the careers leader',
    );
    expect((await meetingsStored(bot)).find((entry) => entry.id === avaMeetingId)!.status).toBe('booked');
    const saved = cardOf(await bot.execute(bot.userFor(leader), 'meeting.record', { meetingId: avaMeetingId, ...attended }));
    expect(cardText(saved)).toContain('Meeting recorded');
  });
});
