import { describe, expect, it } from 'vitest';
import {
  academicYearOf,
  addDays,
  daysBetween,
  defaultTermDates,
  easterSunday,
  endOfFebruary,
  endOfYearGroup,
  formatUkDate,
  formatUkDateTime,
  isSchoolDay,
  keyStageOf,
  schoolDaysBetween,
  schoolWeeksBetween,
  termDatesCovering,
  weekday,
  yearGroupAt,
  yearGroupFromDateOfBirth,
  type TermDates,
} from '../../src/domain/calendar';

describe('academicYearOf', () => {
  it.each([
    ['2026-08-31', 2025, '2025-09-01', '2026-08-31', '2025/26'],
    ['2026-09-01', 2026, '2026-09-01', '2027-08-31', '2026/27'],
    ['2027-01-01', 2026, '2026-09-01', '2027-08-31', '2026/27'],
    ['2099-12-31', 2099, '2099-09-01', '2100-08-31', '2099/00'],
  ])('%s is in the academic year starting %i', (date, startYear, start, end, label) => {
    expect(academicYearOf(date)).toEqual({ startYear, start, end, label });
  });

  it('rejects dates that do not exist', () => {
    expect(() => academicYearOf('2025-02-29')).toThrow(RangeError);
    expect(() => academicYearOf('2026-3-1')).toThrow(RangeError);
  });
});

describe('yearGroupAt', () => {
  it.each([
    // current year group, as-of date, date, year group then
    [11, '2026-03-01', '2025-09-01', 11],
    [11, '2026-03-01', '2025-08-31', 10],
    [11, '2026-03-01', '2023-09-01', 9],
    [13, '2026-08-31', '2024-09-01', 12],
    [13, '2026-09-01', '2026-08-31', 12],
  ])('a Year %i pupil on %s was in Year ? on %s', (current, asOf, date, expected) => {
    expect(yearGroupAt(current, asOf, date)).toBe(expected);
  });
});

describe('yearGroupFromDateOfBirth', () => {
  it.each([
    // Year N is the academic year in which a child turns N + 5.
    ['2014-08-31', '2026-03-01', 7], // youngest in Year 7: turns 12 on 31 Aug 2026
    ['2013-09-01', '2026-03-01', 7], // oldest in Year 7: turned 12 on 1 Sep 2025
    ['2014-09-01', '2026-03-01', 6],
    ['2014-09-01', '2026-09-01', 7],
    ['2010-08-31', '2026-03-01', 11],
    ['2008-02-29', '2026-03-01', 13], // turns 18 in 2026 (a leap-day birthday counts as February)
    ['2007-09-01', '2026-08-31', 13],
  ])('born %s, on %s: Year %i', (dob, asOf, expected) => {
    expect(yearGroupFromDateOfBirth(dob, asOf)).toBe(expected);
  });
});

describe('keyStageOf', () => {
  it.each([
    [6, undefined],
    [7, 3],
    [9, 3],
    [10, 4],
    [11, 4],
    [12, 5],
    [13, 5],
    [14, undefined],
  ])('Year %i is Key Stage %s', (yearGroup, keyStage) => {
    expect(keyStageOf(yearGroup)).toBe(keyStage);
  });
});

describe('day arithmetic', () => {
  it.each([
    [2024, '2024-02-29'],
    [2025, '2025-02-28'],
    [2000, '2000-02-29'],
    [2100, '2100-02-28'],
  ])('endOfFebruary(%i) is %s', (year, expected) => {
    expect(endOfFebruary(year)).toBe(expected);
  });

  it('adds days across a leap day and a year end', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts days between dates, including across the October clock change', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2025-10-25', '2025-10-27')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });

  it.each([
    ['2026-03-02', 1],
    ['2026-03-03', 2],
    ['2026-03-07', 6],
    ['2026-03-08', 7],
    ['1969-12-31', 3],
  ])('weekday(%s) is %i (Monday = 1)', (date, expected) => {
    expect(weekday(date)).toBe(expected);
  });

  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('finds the end of a year group for a pupil now in an earlier one', () => {
    expect(endOfYearGroup(7, 9, '2026-03-01')).toBe('2028-08-31');
    expect(endOfYearGroup(11, 11, '2026-09-01')).toBe('2027-08-31');
  });
});

describe('UK date formatting', () => {
  it.each([
    ['2026-03-03', 'Tue 3 Mar 2026'],
    ['2024-02-29', 'Thu 29 Feb 2024'],
    ['2026-12-25', 'Fri 25 Dec 2026'],
  ])('formatUkDate(%s) is %s', (date, expected) => {
    expect(formatUkDate(date)).toBe(expected);
  });

  it('formats a school-local time', () => {
    expect(formatUkDateTime('2026-03-03T10:20')).toBe('Tue 3 Mar 2026, 10:20');
    expect(formatUkDateTime('2026-03-29T01:30')).toBe('Sun 29 Mar 2026, 01:30');
    expect(() => formatUkDateTime('2026-03-03')).toThrow(RangeError);
  });
});

describe('term dates', () => {
  it('follows the default rules for 2025/26', () => {
    expect(defaultTermDates(2025)).toEqual({
      terms: [
        { name: 'autumn', start: '2025-09-03', end: '2025-12-19', breaks: [{ start: '2025-10-27', end: '2025-10-31' }] },
        { name: 'spring', start: '2026-01-05', end: '2026-03-27', breaks: [{ start: '2026-02-16', end: '2026-02-20' }] },
        { name: 'summer', start: '2026-04-13', end: '2026-07-17', breaks: [{ start: '2026-05-25', end: '2026-05-29' }] },
      ],
      closures: ['2026-05-04'],
    });
  });

  it('puts every default term between September and July of its academic year, for decades', () => {
    for (let year = 2000; year < 2060; year++) {
      const { terms } = defaultTermDates(year);
      for (const term of terms) {
        expect(term.start < term.end).toBe(true);
        expect(academicYearOf(term.start).startYear).toBe(year);
        for (const holiday of term.breaks) expect(holiday.start > term.start && holiday.end < term.end).toBe(true);
      }
      expect(terms[0]!.end < terms[1]!.start && terms[1]!.end < terms[2]!.start).toBe(true);
    }
  });

  const terms = defaultTermDates(2025);
  it.each([
    ['2026-03-03', true], // a Tuesday in term
    ['2026-03-07', false], // Saturday
    ['2026-02-17', false], // February half-term
    ['2026-05-04', false], // early May bank holiday
    ['2026-04-01', false], // Easter holidays
    ['2025-09-02', false], // before the autumn term starts
    ['2025-09-03', true],
    ['2026-07-17', true],
    ['2026-07-20', false],
  ])('isSchoolDay(%s) is %s', (date, expected) => {
    expect(isSchoolDay(date, terms)).toBe(expected);
  });

  it('counts school days and weeks, leaving out half-term', () => {
    // Mon 9 Feb to Fri 27 Feb 2026: three weeks, one of them half-term.
    expect(schoolDaysBetween('2026-02-09', '2026-02-27', terms)).toBe(10);
    expect(schoolWeeksBetween('2026-02-09', '2026-02-27', terms)).toBe(2);
    // A week counts while it still has a school day in the range.
    expect(schoolWeeksBetween('2026-02-13', '2026-02-23', terms)).toBe(2);
    expect(schoolWeeksBetween('2026-02-14', '2026-02-22', terms)).toBe(0);
    expect(schoolWeeksBetween('2026-03-01', '2026-02-01', terms)).toBe(0);
  });

  it('uses a school’s own terms for the years it has set, and defaults for the others', () => {
    const own: TermDates = {
      terms: [{ name: 'summer', start: '2026-04-20', end: '2026-07-22', breaks: [] }],
      closures: ['2026-06-01'],
    };
    const covering = termDatesCovering('2026-05-01', '2027-08-31', own);
    expect(isSchoolDay('2026-07-21', covering)).toBe(true);
    expect(isSchoolDay('2026-06-01', covering)).toBe(false);
    expect(isSchoolDay('2026-05-04', covering)).toBe(true); // no default bank holiday imposed on own dates
    expect(isSchoolDay('2026-09-09', covering)).toBe(true); // default autumn term of 2026/27
  });
});
