// England school calendar facts (docs/benchmark-rules.md, "Dates, years and who counts"). Everything is
// computed from the date passed in, never hard-coded per year, and all arithmetic is done on UTC
// day numbers so a server's time zone or a clock change cannot shift a date.

import type { IsoDate, IsoDateTime } from './school';
import { listInEnglish } from './typed-text';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** ISO weekday numbers: 1 = Monday ... 7 = Sunday. */
export const MONDAY = 1;
export const WEDNESDAY = 3;
export const FRIDAY = 5;
export const SATURDAY = 6;
export const SUNDAY = 7;

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

// ---------------------------------------------------------------------------------------------
// Day arithmetic

/** Days since 1970-01-01 for a "YYYY-MM-DD" date; throws on anything that is not a real date. */
export function dayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return ms / MS_PER_DAY;
}

/** The "YYYY-MM-DD" date of a day number from dayNumber(). */
export function dateFromDayNumber(days: number): IsoDate {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return dateFromDayNumber(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dateFromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(date: IsoDate): boolean {
  return weekday(date) >= SATURDAY;
}

/** The date part of a school-local "YYYY-MM-DDTHH:MM" time (meetings are dated by it). */
export function datePart(dateTime: IsoDateTime): IsoDate {
  return dateTime.slice(0, 10);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 28 February, or 29 February in a leap year. */
export function endOfFebruary(year: number): IsoDate {
  return isoDate(year, 2, isLeapYear(year) ? 29 : 28);
}

/** The first date on or after `date` that falls on `isoWeekday`. */
export function weekdayOnOrAfter(date: IsoDate, isoWeekday: number): IsoDate {
  return addDays(date, (isoWeekday - weekday(date) + 7) % 7);
}

/** The last date on or before `date` that falls on `isoWeekday`. */
export function weekdayOnOrBefore(date: IsoDate, isoWeekday: number): IsoDate {
  return addDays(date, -((weekday(date) - isoWeekday + 7) % 7));
}

/** e.g. the third Monday of February: nthWeekdayOfMonth(2026, 2, MONDAY, 3). */
export function nthWeekdayOfMonth(year: number, month: number, isoWeekday: number, n: number): IsoDate {
  return addDays(weekdayOnOrAfter(isoDate(year, month, 1), isoWeekday), 7 * (n - 1));
}

/** e.g. the late May bank holiday: lastWeekdayOfMonth(2026, 5, MONDAY). */
export function lastWeekdayOfMonth(year: number, month: number, isoWeekday: number): IsoDate {
  return weekdayOnOrBefore(addDays(isoDate(month === 12 ? year + 1 : year, (month % 12) + 1, 1), -1), isoWeekday);
}

/** Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

// ---------------------------------------------------------------------------------------------
// Academic years, year groups and Key Stages

export interface AcademicYear {
  /** The calendar year in which it starts on 1 September. */
  startYear: number;
  start: IsoDate;
  end: IsoDate;
  /** e.g. "2026/27". */
  label: string;
}

/** The calendar year in which the academic year containing `date` began (1 September). */
export function academicStartYearOf(date: IsoDate): number {
  // Slicing, not parsing: the engine calls this once per record.
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 9 ? year : year - 1;
}

export function academicYearStarting(startYear: number): AcademicYear {
  return {
    startYear,
    start: isoDate(startYear, 9, 1),
    end: isoDate(startYear + 1, 8, 31),
    label: `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`,
  };
}

/** The academic year (1 September to 31 August) that contains `date`. */
export function academicYearOf(date: IsoDate): AcademicYear {
  dayNumber(date); // validate
  return academicYearStarting(academicStartYearOf(date));
}

/**
 * A pupil's year group at `date`, given their roster year group in the academic year of `asOf`:
 * the roster value minus the number of academic years between the two dates.
 */
export function yearGroupAt(currentYearGroup: number, asOf: IsoDate, date: IsoDate): number {
  return currentYearGroup - (academicStartYearOf(asOf) - academicStartYearOf(date));
}

/** Year N is the academic year in which a child turns N + 5 (Year 7 turn 12, Year 13 turn 18). */
export function yearGroupFromDateOfBirth(dob: IsoDate, asOf: IsoDate): number {
  const birthYear = Number(dob.slice(0, 4));
  const birthMonth = Number(dob.slice(5, 7));
  dayNumber(dob); // validate
  const startYear = academicYearOf(asOf).startYear;
  // A September-to-December birthday falls in the first calendar year of the academic year.
  const birthdayYear = birthMonth >= 9 ? startYear : startYear + 1;
  return birthdayYear - birthYear - 5;
}

export type KeyStage = 3 | 4 | 5;

export function keyStageOf(yearGroup: number): KeyStage | undefined {
  if (yearGroup >= 7 && yearGroup <= 9) return 3;
  if (yearGroup >= 10 && yearGroup <= 11) return 4;
  if (yearGroup >= 12 && yearGroup <= 13) return 5;
  return undefined;
}

/** The year groups of a Key Stage, first to last. */
export function yearGroupsOfKeyStage(keyStage: KeyStage): number[] {
  return keyStage === 3 ? [7, 8, 9] : keyStage === 4 ? [10, 11] : [12, 13];
}

/** "Year 9", "Years 9 and 10". */
export function yearsInEnglish(years: readonly number[]): string {
  return years.length === 1 ? `Year ${years[0]}` : `Years ${listInEnglish(years.map(String))}`;
}

/** 31 August of the academic year in which a pupil now in `yearGroup` will be in `targetYearGroup`. */
export function endOfYearGroup(yearGroup: number, targetYearGroup: number, asOf: IsoDate): IsoDate {
  return academicYearStarting(academicStartYearOf(asOf) + (targetYearGroup - yearGroup)).end;
}

// ---------------------------------------------------------------------------------------------
// Formatting for people (UK style)

/** "2026-03-03" -> "Tue 3 Mar 2026". */
export function formatUkDate(date: IsoDate): string {
  const days = dayNumber(date);
  const value = new Date(days * MS_PER_DAY);
  const month = MONTH_NAMES[value.getUTCMonth()];
  return `${WEEKDAY_NAMES[weekday(date) - 1]} ${value.getUTCDate()} ${month} ${value.getUTCFullYear()}`;
}

/** "2026-03-03T10:20" -> "Tue 3 Mar 2026, 10:20". */
export function formatUkDateTime(dateTime: IsoDateTime): string {
  const time = dateTime.slice(11, 16);
  if (dateTime[10] !== 'T' || !/^\d{2}:\d{2}$/.test(time)) {
    throw new RangeError(`Not an ISO date and time (YYYY-MM-DDTHH:MM): ${JSON.stringify(dateTime)}`);
  }
  return `${formatUkDate(datePart(dateTime))}, ${time}`;
}

// ---------------------------------------------------------------------------------------------
// Term dates

export interface DateRange {
  start: IsoDate;
  /** Inclusive. */
  end: IsoDate;
}

export type TermName = 'autumn' | 'spring' | 'summer';

export interface Term extends DateRange {
  name: TermName;
  /** Half-term and any other holiday inside the term. */
  breaks: DateRange[];
}

/** A school's terms (for one or more academic years) and the single days it is closed in term. */
export interface TermDates {
  terms: Term[];
  /** Bank holidays, training (INSET) days and other closures that fall inside a term. */
  closures: IsoDate[];
}

/**
 * Typical English term dates for the academic year starting in September of `startYear`, from
 * fixed rules so every year gets sensible dates without a table to maintain. Schools configure
 * their own; these only stand in until they do.
 * - Autumn: first Wednesday on or after 1 September to the last Friday on or before 20 December,
 *   half-term the week of the last Monday in October.
 * - Spring: first Monday on or after 2 January to the Friday a week before Good Friday,
 *   half-term the week of the third Monday in February.
 * - Summer: the Monday after Easter week to the last Friday on or before 21 July, half-term the
 *   week of the late May bank holiday; the early May bank holiday is a closure.
 */
export function defaultTermDates(startYear: number): TermDates {
  const next = startYear + 1;
  const week = (monday: IsoDate): DateRange => ({ start: monday, end: addDays(monday, 4) });
  const easter = easterSunday(next);
  return {
    terms: [
      {
        name: 'autumn',
        start: weekdayOnOrAfter(isoDate(startYear, 9, 1), WEDNESDAY),
        end: weekdayOnOrBefore(isoDate(startYear, 12, 20), FRIDAY),
        breaks: [week(lastWeekdayOfMonth(startYear, 10, MONDAY))],
      },
      {
        name: 'spring',
        start: weekdayOnOrAfter(isoDate(next, 1, 2), MONDAY),
        end: addDays(easter, -9),
        breaks: [week(nthWeekdayOfMonth(next, 2, MONDAY, 3))],
      },
      {
        name: 'summer',
        start: addDays(easter, 8),
        end: weekdayOnOrBefore(isoDate(next, 7, 21), FRIDAY),
        breaks: [week(lastWeekdayOfMonth(next, 5, MONDAY))],
      },
    ],
    closures: [nthWeekdayOfMonth(next, 5, MONDAY, 1)],
  };
}

/**
 * Term dates that cover every academic year from `from` to `to`: the school's own terms for the
 * years it has configured, the defaults for the others. Closures are kept from both.
 */
export function termDatesCovering(from: IsoDate, to: IsoDate, configured?: TermDates): TermDates {
  const first = academicStartYearOf(from);
  const last = Math.max(first, academicStartYearOf(to));
  const terms: Term[] = [];
  const closures: IsoDate[] = [...(configured?.closures ?? [])];
  for (let year = first; year <= last; year++) {
    const own = configured?.terms.filter((term) => academicStartYearOf(term.start) === year) ?? [];
    if (own.length > 0) {
      terms.push(...own);
    } else {
      const defaults = defaultTermDates(year);
      terms.push(...defaults.terms);
      closures.push(...defaults.closures);
    }
  }
  return { terms, closures };
}

function within(date: IsoDate, range: DateRange): boolean {
  return date >= range.start && date <= range.end;
}

/**
 * A test for "is day number N a school day", with the terms turned into day numbers once so that
 * counting the days to a deadline does no date parsing per day.
 */
function schoolDayTest(terms: TermDates): (day: number) => boolean {
  const span = (range: DateRange) => ({ start: dayNumber(range.start), end: dayNumber(range.end) });
  const ranges = terms.terms.map((term) => ({ ...span(term), breaks: term.breaks.map(span) }));
  const closed = new Set(terms.closures.map(dayNumber));
  return (day) => {
    // Day 0 (1970-01-01) was a Thursday: (day + 3) mod 7 is 0 on Mondays, 5 and 6 at weekends.
    if ((((day + 3) % 7) + 7) % 7 >= 5 || closed.has(day)) return false;
    const term = ranges.find((range) => day >= range.start && day <= range.end);
    return term !== undefined && !term.breaks.some((holiday) => day >= holiday.start && day <= holiday.end);
  };
}

/** A weekday inside a term, outside its breaks, and not a closure day. */
export function isSchoolDay(date: IsoDate, terms: TermDates): boolean {
  return schoolDayTest(terms)(dayNumber(date));
}

/** The term (if any) whose dates contain `date`, holidays inside it included. */
export function termContaining(date: IsoDate, terms: TermDates): Term | undefined {
  return terms.terms.find((term) => within(date, term));
}

/** The term called `name` in the academic year containing `date`. */
export function termOfAcademicYear(name: TermName, date: IsoDate, terms: TermDates): Term | undefined {
  const year = academicStartYearOf(date);
  return terms.terms.find((term) => term.name === name && academicStartYearOf(term.start) === year);
}

/** School days from `from` to `to`, both included; 0 when `to` is earlier. */
export function schoolDaysBetween(from: IsoDate, to: IsoDate, terms: TermDates): number {
  const isOpen = schoolDayTest(terms);
  let count = 0;
  for (let day = dayNumber(from), last = dayNumber(to); day <= last; day++) if (isOpen(day)) count++;
  return count;
}

/**
 * Weeks (Monday to Sunday) with at least one school day between `from` and `to`, both included:
 * "16 school weeks left" counts this week if school is still open in it. 0 when `to` is earlier.
 */
export function schoolWeeksBetween(from: IsoDate, to: IsoDate, terms: TermDates): number {
  const isOpen = schoolDayTest(terms);
  let weeks = 0;
  let lastWeekCounted = Number.NaN;
  for (let day = dayNumber(from), last = dayNumber(to); day <= last; day++) {
    // Day 4 (1970-01-05) was a Monday, so this numbers Monday-to-Sunday weeks.
    const week = Math.floor((day - 4) / 7);
    if (week !== lastWeekCounted && isOpen(day)) {
      weeks++;
      lastWeekCounted = week;
    }
  }
  return weeks;
}

const ISO_DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME_TEXT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

export function looksLikeIsoDate(text: string): boolean {
  return ISO_DATE_TEXT.test(text);
}

/** True for `YYYY-MM-DD` naming a day that exists (so not 2026-02-30). */
export function isRealIsoDate(text: string): boolean {
  if (!ISO_DATE_TEXT.test(text)) return false;
  try {
    dayNumber(text);
    return true;
  } catch {
    return false;
  }
}

export function looksLikeIsoDateTime(text: string): boolean {
  return ISO_DATE_TIME_TEXT.test(text);
}

/** True for `YYYY-MM-DDTHH:MM` on a real day with a real time of day. */
export function isRealIsoDateTime(text: string): boolean {
  const match = ISO_DATE_TIME_TEXT.exec(text);
  if (match === null) return false;
  return isRealIsoDate(match[1] ?? '') && Number(match[2]) <= 23 && Number(match[3]) <= 59;
}
