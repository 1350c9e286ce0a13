import { addDays, datePart, formatUkDate, isSchoolDay, termContaining, type TermDates } from '../../domain/calendar';
import type { IsoDate, IsoDateTime } from '../../domain/school';

// Clock arithmetic on school-local "HH:MM" and "YYYY-MM-DDTHH:MM" strings. Slots never cross
// midnight, so minutes within one day are all we need.

export const MEETING_LENGTHS = [15, 20, 30, 45, 60] as const;
/** Guidance happens in the school day, give or take a breakfast or after-school session. */
export const EARLIEST_TIME = '07:00';
export const LATEST_TIME = '19:00';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d)?$/;

/** "10:20" or "10:20:00" (as some Teams clients send it) to "10:20"; undefined if not a time. */
export function normaliseTime(text: string): string | undefined {
  const match = TIME.exec(text.trim());
  return match ? `${match[1]}:${match[2]}` : undefined;
}

export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function timePart(dateTime: IsoDateTime): string {
  return dateTime.slice(11, 16);
}

export function endOf(startsAt: IsoDateTime, minutes: number): string {
  return timeOf(minutesOf(timePart(startsAt)) + minutes);
}

/** Start times from `start` while a whole meeting still fits before `end`. */
export function startTimesBetween(start: string, end: string, length: number): string[] {
  const times: string[] = [];
  for (let at = minutesOf(start); at + length <= minutesOf(end); at += length) times.push(timeOf(at));
  return times;
}

/** The dates a slot pattern falls on: the date itself, or every week to the end of its term; non-school days skipped. */
export function repeatDates(date: IsoDate, weekly: boolean, terms: TermDates): { dates: IsoDate[]; skipped: IsoDate[] } {
  const last = weekly ? (termContaining(date, terms)?.end ?? date) : date;
  const dates: IsoDate[] = [];
  const skipped: IsoDate[] = [];
  for (let day = date; day <= last; day = addDays(day, 7)) (isSchoolDay(day, terms) ? dates : skipped).push(day);
  return { dates, skipped };
}

/** "Tue 3 Mar 2026, 10:20–10:50". */
export function formatSlotTime(startsAt: IsoDateTime, minutes: number): string {
  return `${formatUkDate(datePart(startsAt))}, ${timePart(startsAt)}–${endOf(startsAt, minutes)}`;
}

/** Whether two times on the same day overlap. */
export function overlaps(a: { startsAt: IsoDateTime; minutes: number }, b: { startsAt: IsoDateTime; minutes: number }): boolean {
  if (datePart(a.startsAt) !== datePart(b.startsAt)) return false;
  const aStart = minutesOf(timePart(a.startsAt));
  const bStart = minutesOf(timePart(b.startsAt));
  return aStart < bStart + b.minutes && bStart < aStart + a.minutes;
}
