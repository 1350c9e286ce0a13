import { beforeEach, describe, expect, it } from 'vitest';
import { queueMeetingReminders } from '../../src/journeys/meetings/meeting-reminders';
import { SCHOOL_ID, type TestBot } from '../harness/test-bot';
import { adviser, ava, Clock, meetingBotPerSuite, outboxFor } from './meeting-fixtures';

// A run in the small hours holds pupils' reminders until 08:00 school time: 08:00 on the day the
// reminder goes, on either side of the clock change, not 08:00 at the offset the run started with.

describe('meeting reminders on the Sundays the clocks change', () => {
  const clock = new Clock();
  const bots = meetingBotPerSuite(clock);
  let bot: TestBot;
  beforeEach(() => {
    bot = bots.bot;
  });

  async function reminderHeldUntil(meetingStartsAt: string, runAt: string): Promise<string | undefined> {
    await bot.waypoint.services.school.collections.meetings.createOnce(SCHOOL_ID, {
      id: 'M1',
      pupilId: ava.id,
      adviserId: adviser.id,
      startsAt: meetingStartsAt,
      status: 'booked',
      advice: '',
      agreedActions: '',
    });
    clock.set(runAt);
    expect(await queueMeetingReminders(bot.waypoint.services, new Date(runAt))).toMatchObject({ pupilReminders: 1 });
    const [reminder] = await outboxFor(bot, ava.id);
    return reminder?.message.notBefore;
  }

  it('holds a reminder queued at 00:30 GMT on 29 March 2026 until 08:00 BST (07:00 UTC)', async () => {
    expect(await reminderHeldUntil('2026-03-30T10:00', '2026-03-29T00:30:00Z')).toBe('2026-03-29T07:00:00.000Z');
  });

  it('holds a reminder queued at 00:30 BST on 25 October 2026 until 08:00 GMT (08:00 UTC)', async () => {
    expect(await reminderHeldUntil('2026-10-26T10:00', '2026-10-24T23:30:00Z')).toBe('2026-10-25T08:00:00.000Z');
  });
});
