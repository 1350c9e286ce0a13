import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/domain/school';
import { queueMeetingReminders } from '../../src/journeys/meetings/meeting-reminders';
import { cardOf, cardText, SCHOOL_ID, type TestBot } from '../harness/test-bot';
import { adviser, ava, ben, clearMeetings, Clock, meetingsStored, outboxFor, seedSlot, startMeetingBot } from './meeting-fixtures';

describe('meeting reminders (the scheduled job)', () => {
  const clock = new Clock();
  let bot: TestBot;
  const run = (iso: string) => queueMeetingReminders(bot.waypoint.services, new Date(iso));
  const imported = (meeting: Partial<Meeting> & Pick<Meeting, 'id' | 'startsAt'>) =>
    bot.waypoint.services.school.collections.meetings.createOnce(SCHOOL_ID, {
      pupilId: ben.id,
      adviserId: adviser.id,
      status: 'completed',
      advice: '',
      agreedActions: '',
      ...meeting,
    });
  beforeAll(async () => {
    bot = await startMeetingBot({ clock });
  });
  afterAll(async () => bot.stop());
  beforeEach(async () => {
    clock.set('2026-03-02T09:00:00Z');
    await clearMeetings(bot);
  });

  async function avaBooksTuesday(): Promise<Meeting> {
    const key = await seedSlot(bot, '2026-03-03T10:20');
    expect(cardText(cardOf(await bot.execute(bot.userFor(ava), 'meeting.book', { slotKey: key, topic: '' })))).toContain('Meeting booked');
    return (await meetingsStored(bot))[0]!;
  }

  it('reminds the pupil the day before, once however often the job runs', async () => {
    const meeting = await avaBooksTuesday();
    expect(await run('2026-03-01T15:00:00Z')).toEqual({ pupilReminders: 0, adviserReminders: 0 }); // Sunday: two days before
    expect(await run('2026-03-02T15:00:00Z')).toEqual({ pupilReminders: 1, adviserReminders: 0 });
    expect(await run('2026-03-02T16:00:00Z')).toEqual({ pupilReminders: 0, adviserReminders: 0 });
    const reminders = await outboxFor(bot, ava.id);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.message.key).toBe(`meeting-reminder:${meeting.id}:2026-03-03T10:20`);
    expect(reminders[0]!.message.notBefore).toBeUndefined();
    const text = cardText({ body: reminders[0]!.message.card!.body });
    expect(text).toContain('Your careers meeting is tomorrow');
    expect(text).toContain('Tue 3 Mar 2026, 10:20–10:50');
    expect(text).toContain('Dan Brooks');
  });

  it('holds a reminder queued in the night until 08:00, and skips cancelled meetings', async () => {
    await avaBooksTuesday();
    await run('2026-03-02T05:30:00Z');
    const [reminder] = await outboxFor(bot, ava.id);
    expect(reminder!.message.notBefore).toBe('2026-03-02T08:00:00.000Z');

    await clearMeetings(bot);
    const meeting = await avaBooksTuesday();
    await bot.execute(bot.userFor(ava), 'meeting.cancel', { meetingId: meeting.id });
    expect((await run('2026-03-02T15:00:00Z')).pupilReminders).toBe(0);
  });

  it('reminds the adviser when a meeting has no record two school days on', async () => {
    await imported({ id: 'M-NO-NOTES', startsAt: '2026-02-26T10:00' }); // Thursday, completed without notes
    await imported({ id: 'M-NOTES', startsAt: '2026-02-26T11:00', advice: 'Look at colleges', agreedActions: 'Pupil: visit a college' });
    await imported({ id: 'M-OLD', startsAt: '2026-01-05T11:00' }); // long ago: left to the Benchmark 3 nudges
    // Friday and Monday are the two school days after; the weekend does not count.
    expect(await run('2026-03-02T16:00:00Z')).toEqual({ pupilReminders: 0, adviserReminders: 0 });
    expect(await run('2026-03-03T08:00:00Z')).toEqual({ pupilReminders: 0, adviserReminders: 1 });
    expect(await run('2026-03-04T08:00:00Z')).toEqual({ pupilReminders: 0, adviserReminders: 0 });
    const [reminder] = await outboxFor(bot, adviser.id);
    expect(reminder!.message.key).toBe('meeting-notes-due:M-NO-NOTES');
    const text = cardText({ body: reminder!.message.card!.body });
    expect(text).toContain(
      'Your careers meeting with Ben Patel (Year 11, 11A) on Thu 26 Feb 2026, 10:00 still has no advice or agreed actions recorded.',
    );
    expect(reminder!.message.card!.actions![0]).toMatchObject({ title: 'Record it now', data: { meetingId: 'M-NO-NOTES' } });
  });

  it('reminds the adviser when a booked meeting was never marked attended or missed', async () => {
    const meeting = await avaBooksTuesday();
    expect((await run('2026-03-05T08:00:00Z')).adviserReminders).toBe(0); // only Wednesday has passed
    expect((await run('2026-03-06T08:00:00Z')).adviserReminders).toBe(1);
    const reminders = (await outboxFor(bot, adviser.id)).filter((entry) => entry.message.key.startsWith('meeting-notes-due'));
    expect(reminders.map((entry) => entry.message.key)).toEqual([`meeting-notes-due:${meeting.id}`]);
    expect(cardText({ body: reminders[0]!.message.card!.body })).toContain(
      'You haven’t recorded whether Ava Patel (Year 11, 11B) came to their careers meeting on Tue 3 Mar 2026, 10:20.',
    );
  });
});
