// The pure rules of pupil feedback: which week a card counts in, when an activity is still asked
// about, and what the careers team may see of an activity's answers.
import { describe, expect, it } from 'vitest';
import { asksForFeedback, feedbackResult, isoWeekOf } from '../../src/domain/pupil-feedback';

describe('isoWeekOf', () => {
  it.each([
    ['2026-03-02', '2026-W10'], // a Monday
    ['2026-03-08', '2026-W10'], // the Sunday of the same week
    ['2026-03-09', '2026-W11'],
    ['2026-01-01', '2026-W01'], // a Thursday: week 1
    ['2027-01-01', '2026-W53'], // a Friday: still the last week of 2026
    ['2024-12-30', '2025-W01'], // a Monday in the week holding 2 January 2025's Thursday
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });
});

describe('asksForFeedback', () => {
  it('asks about an activity held up to 14 days before attendance is saved, not later, not before its day', () => {
    expect(asksForFeedback('2026-03-04', '2026-03-05')).toBe(true);
    expect(asksForFeedback('2026-03-04', '2026-03-18')).toBe(true);
    expect(asksForFeedback('2026-03-04', '2026-03-19')).toBe(false);
    expect(asksForFeedback('2026-03-06', '2026-03-05')).toBe(false);
  });
});

describe('feedbackResult', () => {
  it('shows nothing but the count under 5 answers', () => {
    expect(feedbackResult([{ rating: 5, learned: 'Ask questions' }, { rating: 4 }, { rating: 3 }, { rating: 2 }])).toEqual({
      shown: false,
      count: 4,
    });
  });

  it('averages to one decimal place and lists what was learned alphabetically, blanks left out', () => {
    expect(
      feedbackResult([
        { rating: 5, learned: 'Nursing has many routes' },
        { rating: 4, learned: '  ' },
        { rating: 4 },
        { rating: 3, learned: 'Apprentices earn a wage' },
        { rating: 5 },
        { rating: 4 },
      ]),
    ).toEqual({ shown: true, count: 6, average: 4.2, learned: ['Apprentices earn a wage', 'Nursing has many routes'] });
  });
});
