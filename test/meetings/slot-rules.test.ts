// Pure rules behind the cards: slot times, weekly repeats, cut-off arithmetic, agreed actions.
import { describe, expect, it } from 'vitest';
import { defaultTermDates } from '../../src/domain/calendar';
import { changeDeadline, changeWindowClosed } from '../../src/journeys/meetings/meeting-store';
import { formatActions, parseActions } from '../../src/journeys/meetings/outcome-submission';
import { normaliseTime, overlaps, repeatDates, startTimesBetween } from '../../src/journeys/meetings/slot-times';

const terms = defaultTermDates(2025);

describe('slot times', () => {
  it.each([
    ['09:00', '12:00', 30, ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']],
    ['09:00', '10:10', 20, ['09:00', '09:20', '09:40']],
    ['13:05', '13:50', 45, ['13:05']],
    ['13:05', '13:49', 45, []],
  ])('from %s until %s every %i minutes', (start, end, length, expected) => {
    expect(startTimesBetween(start, end, length)).toEqual(expected);
  });

  it.each([
    ['10:20', '10:20'],
    ['10:20:00', '10:20'],
    [' 07:05 ', '07:05'],
    ['24:00', undefined],
    ['9:00', undefined],
    ['', undefined],
  ])('reads %j as %j', (text, expected) => {
    expect(normaliseTime(text)).toBe(expected);
  });

  it('repeats weekly to the end of the term, skipping half-term and bank holidays', () => {
    // Spring 2026: half-term 16-20 February; the term ends on 27 March.
    expect(repeatDates('2026-02-09', true, terms)).toEqual({
      dates: ['2026-02-09', '2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23'],
      skipped: ['2026-02-16'],
    });
    // Summer 2026: the early May bank holiday (4 May) and half-term (25-29 May).
    expect(repeatDates('2026-04-27', true, terms).skipped).toEqual(['2026-05-04', '2026-05-25']);
    expect(repeatDates('2026-03-03', false, terms)).toEqual({ dates: ['2026-03-03'], skipped: [] });
  });

  it('spots overlapping slots on the same day only', () => {
    expect(overlaps({ startsAt: '2026-03-03T10:00', minutes: 30 }, { startsAt: '2026-03-03T10:15', minutes: 30 })).toBe(true);
    expect(overlaps({ startsAt: '2026-03-03T10:00', minutes: 30 }, { startsAt: '2026-03-03T10:30', minutes: 30 })).toBe(false);
    expect(overlaps({ startsAt: '2026-03-03T10:00', minutes: 30 }, { startsAt: '2026-03-04T10:00', minutes: 30 })).toBe(false);
  });
});

describe('the change cut-off', () => {
  it.each([
    ['2026-03-03T10:20', 24, '2026-03-02T10:20', '2026-03-02T10:21'],
    ['2026-03-03T10:20', 2, '2026-03-03T08:20', '2026-03-03T08:21'],
    ['2026-03-01T09:00', 48, '2026-02-27T09:00', '2026-02-27T09:01'],
  ])('a meeting at %s with a %i-hour cut-off can change until %s, not at %s', (startsAt, hours, deadline, minuteLater) => {
    expect(changeDeadline(startsAt, hours)).toBe(deadline);
    expect(changeWindowClosed(startsAt, deadline, hours)).toBe(false);
    expect(changeWindowClosed(startsAt, minuteLater, hours)).toBe(true);
  });
});

describe('agreed actions as meetings.csv text', () => {
  it('reads back what it wrote, and leaves imported text alone', () => {
    const actions = [
      { who: 'Pupil' as const, what: 'Visit two college open days, then decide', by: '2026-03-20' },
      { who: 'Parent or carer' as const, what: 'Book a taster day', by: '2026-04-01' },
    ];
    const text = formatActions(actions);
    expect(text).toBe(
      'Pupil: Visit two college open days, then decide, by Fri 20 Mar 2026\nParent or carer: Book a taster day, by Wed 1 Apr 2026',
    );
    expect(parseActions(text)).toEqual(actions);
    expect(parseActions('')).toEqual([]);
    expect(parseActions('Book a college open day')).toBeUndefined();
  });
});
