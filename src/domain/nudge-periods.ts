import { addDays, isWeekend, termContaining, type TermDates } from './calendar';
import type { IsoDate } from './school';

/** The half-term holding the date: from the term's start, or from the day after a break inside it. */
export function halfTermOf(date: IsoDate, terms: TermDates): { start: IsoDate; termStart: IsoDate } | undefined {
  const term = termContaining(date, terms);
  if (!term) return undefined;
  const starts = [term.start, ...term.breaks.map((holiday) => firstWeekdayFrom(addDays(holiday.end, 1)))]
    .filter((start) => start <= date)
    .sort();
  return { start: starts.at(-1)!, termStart: term.start };
}

/** The spring term's start when the date falls in it. */
export function springTermStart(date: IsoDate, terms: TermDates): IsoDate | undefined {
  const term = termContaining(date, terms);
  return term?.name === 'spring' ? term.start : undefined;
}

function firstWeekdayFrom(date: IsoDate): IsoDate {
  let day = date;
  while (isWeekend(day)) day = addDays(day, 1);
  return day;
}
