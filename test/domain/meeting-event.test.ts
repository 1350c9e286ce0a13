import { describe, expect, it } from 'vitest';
import { calendarRetryDelayMs, eventFingerprint, meetingEvent, meetingEventChanges } from '../../src/domain/meeting-event';

describe('the Outlook event a guidance meeting stands for', () => {
  const input = {
    startsAt: '2026-03-29T00:45',
    minutes: 60,
    place: 'Careers office',
    online: false,
    pupil: { name: 'Ava Patel', email: 'ava@school.example' },
  };

  it('keeps the school’s wall-clock times, with the time zone beside them, across the night the clocks change', () => {
    expect(meetingEventChanges(input)).toEqual({
      start: { dateTime: '2026-03-29T00:45:00', timeZone: 'Europe/London' },
      end: { dateTime: '2026-03-29T01:45:00', timeZone: 'Europe/London' },
      location: { displayName: 'Careers office' },
      isOnlineMeeting: false,
    });
  });

  it('needs an update only when what a move changes has changed', () => {
    const before = eventFingerprint(meetingEventChanges(input));
    expect(eventFingerprint(meetingEventChanges({ ...input, startsAt: '2026-03-29T00:45' }))).toBe(before);
    expect(eventFingerprint(meetingEventChanges({ ...input, place: 'Room 4' }))).not.toBe(before);
    expect(eventFingerprint(meetingEventChanges({ ...input, online: true }))).not.toBe(before);
    expect(meetingEvent({ ...input, online: true })).toMatchObject({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' });
  });

  it('waits 30 seconds after a first failure, doubling to 15 minutes, and never less than Retry-After', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((attempts) => calendarRetryDelayMs(attempts) / 1000)).toEqual([30, 60, 120, 240, 480, 900, 900]);
    expect(calendarRetryDelayMs(1, 120)).toBe(120_000);
    expect(calendarRetryDelayMs(6, 5)).toBe(900_000);
  });
});
