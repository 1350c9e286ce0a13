// The pure rules behind agreed actions' reminders and the school's own term dates.
import { describe, expect, it } from 'vitest';
import { isOverdue, remindsPupil } from '../../src/domain/agreed-actions';
import { parseDateText, termsOfYear, withCalendar } from '../../src/journeys/settings/calendar-submission';
import { defaultSchoolSettings } from '../../src/domain/school-settings';

describe('when an agreed action reminds the pupil', () => {
  const today = '2026-03-17';
  it.each([
    ['due today', { who: 'Pupil', by: '2026-03-17', status: 'open' }, true],
    ['due in three days', { who: 'Pupil', by: '2026-03-20', status: 'open' }, true],
    ['due in four days', { who: 'Pupil', by: '2026-03-21', status: 'open' }, false],
    ['already past', { who: 'Pupil', by: '2026-03-16', status: 'open' }, false],
    ['done', { who: 'Pupil', by: '2026-03-18', status: 'done' }, false],
    ['the parent’s or carer’s', { who: 'Parent or carer', by: '2026-03-18', status: 'open' }, true],
    ['the adviser’s', { who: 'Adviser', by: '2026-03-18', status: 'open' }, false],
    ['the school’s', { who: 'School', by: '2026-03-18', status: 'open' }, false],
  ] as const)('%s: %s', (_case, action, reminds) => {
    expect(remindsPupil(action, today)).toBe(reminds);
  });

  it('is overdue only while open and after its day', () => {
    expect(isOverdue({ status: 'open', by: '2026-03-16' }, today)).toBe(true);
    expect(isOverdue({ status: 'open', by: '2026-03-17' }, today)).toBe(false);
    expect(isOverdue({ status: 'done', by: '2026-03-16' }, today)).toBe(false);
  });
});

describe('the school’s term dates', () => {
  it.each([
    ['2026-05-04', '2026-05-04'],
    ['4 May 2026', '2026-05-04'],
    ['Mon 4 May 2026', '2026-05-04'],
    ['  mon 4 may 2026 ', '2026-05-04'],
    ['29 Feb 2028', '2028-02-29'],
    ['29 Feb 2026', undefined],
    ['2026-02-30', undefined],
    ['4 Mai 2026', undefined],
    ['next Monday', undefined],
  ])('reads %j as %s', (text, date) => {
    expect(parseDateText(text)).toBe(date);
  });

  it('replaces one year’s terms and closures and keeps the others', () => {
    const before = withCalendar(defaultSchoolSettings(), {
      meetingChangeCutoffHours: 24,
      year: 2025,
      terms: [{ name: 'autumn', start: '2025-09-03', end: '2025-12-19', breaks: [] }],
      closures: ['2025-09-03'],
    });
    const after = withCalendar(before, {
      schoolName: 'Northfield Academy',
      meetingChangeCutoffHours: 12,
      year: 2026,
      terms: [{ name: 'autumn', start: '2026-09-02', end: '2026-12-18', breaks: [] }],
      closures: [],
    });
    expect(after.termDates).toEqual({
      terms: [
        { name: 'autumn', start: '2025-09-03', end: '2025-12-19', breaks: [] },
        { name: 'autumn', start: '2026-09-02', end: '2026-12-18', breaks: [] },
      ],
      closures: ['2025-09-03'],
    });
    expect(after).toMatchObject({ schoolName: 'Northfield Academy', meetingChangeCutoffHours: 12 });
    // A year the school has not set shows the usual dates, and says so.
    expect(termsOfYear(after, 2027)).toMatchObject({ own: false, terms: [{ name: 'autumn' }, { name: 'spring' }, { name: 'summer' }] });
    expect(termsOfYear(after, 2026).own).toBe(true);
  });
});
