import { z } from 'zod/v4';
import {
  academicStartYearOf,
  formatUkDate,
  isoDate,
  isRealIsoDate,
  MONTH_NAMES,
  termDatesCovering,
  type DateRange,
  type Term,
  type TermName,
} from '../../domain/calendar';
import type { IsoDate } from '../../domain/school';
import type { SchoolSettings } from '../../domain/school-settings';
import { oneLine, visibleText } from '../../domain/typed-text';

// The settings the school card and `npm run settings` both change: the school's name, one academic
// year's term dates (half-terms, training days and other closures) and the meeting-change cut-off.
// One zod schema checks them whichever way they come; nothing is saved unless all of it is good.

export const TERM_NAMES: readonly TermName[] = ['autumn', 'spring', 'summer'];
export const CALENDAR_LIMITS = { name: 100, cutoffHours: { min: 0, max: 24 * 14 }, closures: 40 } as const;

type TermField = `${TermName}${'Start' | 'End' | 'HalfStart' | 'HalfEnd'}`;

/** What the card sends and the CLI assembles: dates as YYYY-MM-DD, closures as text, one a line. */
export type CalendarFormValues = { schoolName: string; cutoffHours: string | number; closures: string } & Record<TermField, string>;
export type CalendarFieldErrors = Partial<Record<keyof CalendarFormValues, string>>;

export interface CalendarChange {
  /** Blank clears it. */
  schoolName?: string;
  meetingChangeCutoffHours: number;
  /** The academic year starting in September of this year. */
  year: number;
  terms: Term[];
  closures: IsoDate[];
}

export type CalendarValidation = { ok: true; change: CalendarChange } | { ok: false; errors: CalendarFieldErrors };

const capitalised = (term: TermName) => `${term[0]!.toUpperCase()}${term.slice(1)}`;
const range = (dates: DateRange) => `${formatUkDate(dates.start)} to ${formatUkDate(dates.end)}`;

/** "2026-05-04", "4 May 2026" or "Mon 4 May 2026" as YYYY-MM-DD; undefined for anything else. */
export function parseDateText(text: string): IsoDate | undefined {
  const trimmed = text.trim();
  if (isRealIsoDate(trimmed)) return trimmed;
  const match = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})$/.exec(trimmed);
  const month = match ? MONTH_NAMES.findIndex((name) => name.toLowerCase() === match[2]!.toLowerCase()) + 1 : 0;
  if (!match || month === 0) return undefined;
  const date = isoDate(Number(match[3]), month, Number(match[1]));
  return date.slice(8) === match[1]!.padStart(2, '0') ? date : undefined;
}

const wholeNumber = (message: string) =>
  z.union([z.string(), z.number()]).transform((value, ctx) => {
    const parsed = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value.trim());
    if (!Number.isInteger(parsed) || parsed < CALENDAR_LIMITS.cutoffHours.min || parsed > CALENDAR_LIMITS.cutoffHours.max) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return parsed;
  });

const requiredDate = z.string().trim().refine(isRealIsoDate, 'Choose a date from the calendar.');
const optionalDate = z
  .string()
  .trim()
  .refine((text) => text === '' || isRealIsoDate(text), 'Choose a date from the calendar, or leave it blank.');

const calendarSchema = z.object({
  schoolName: z
    .string()
    .transform((text) => oneLine(visibleText(text)))
    .refine((text) => [...text].length <= CALENDAR_LIMITS.name, `Keep the name to ${CALENDAR_LIMITS.name} characters.`),
  cutoffHours: wholeNumber(
    `Enter a whole number of hours from ${CALENDAR_LIMITS.cutoffHours.min} to ${CALENDAR_LIMITS.cutoffHours.max} (two weeks).`,
  ),
  closures: z.string().max(2000, 'That is too long: list each training day or closure once, one a line.'),
  ...Object.fromEntries(
    TERM_NAMES.flatMap((term) => [
      [`${term}Start`, requiredDate],
      [`${term}End`, requiredDate],
      [`${term}HalfStart`, optionalDate],
      [`${term}HalfEnd`, optionalDate],
    ]),
  ),
});

/** Checks the values for the academic year starting in September of `year`. */
export function validateCalendar(values: CalendarFormValues, year: number): CalendarValidation {
  const parsed = calendarSchema.safeParse(values);
  const errors: CalendarFieldErrors = {};
  const fail = (field: keyof CalendarFormValues, message: string) => {
    errors[field] ??= message;
  };
  if (!parsed.success) for (const issue of parsed.error.issues) fail(String(issue.path[0]) as keyof CalendarFormValues, issue.message);
  const date = (field: TermField) => (errors[field] ? '' : values[field].trim());

  const yearRange: DateRange = { start: isoDate(year, 9, 1), end: isoDate(year + 1, 8, 31) };
  const terms: Term[] = [];
  for (const name of TERM_NAMES) {
    const start = date(`${name}Start`);
    const end = date(`${name}End`);
    if (!start || !end) continue;
    if (end < start) {
      fail(`${name}End`, `The ${name} term ends before it starts.`);
      continue;
    }
    if (start < yearRange.start || end > yearRange.end) {
      fail(`${name}Start`, `The ${name} term must fall in the ${year}/${String(year + 1).slice(2)} school year (${range(yearRange)}).`);
      continue;
    }
    const previous = terms.at(-1);
    if (previous && start <= previous.end) {
      fail(
        `${name}Start`,
        `The ${name} term overlaps or comes before the ${previous.name} term, which ends on ${formatUkDate(previous.end)}.`,
      );
      continue;
    }
    const halfStart = date(`${name}HalfStart`);
    const halfEnd = date(`${name}HalfEnd`);
    const breaks: DateRange[] = [];
    if ((halfStart === '') !== (halfEnd === '')) fail(`${name}HalfStart`, 'Give the first and last day of the half-term, or neither.');
    else if (halfStart && halfEnd) {
      if (halfEnd < halfStart) fail(`${name}HalfEnd`, 'The half-term ends before it starts.');
      else if (halfStart <= start || halfEnd >= end)
        fail(`${name}HalfStart`, `The half-term must fall inside the ${name} term (${range({ start, end })}).`);
      else breaks.push({ start: halfStart, end: halfEnd });
    }
    terms.push({ name, start, end, breaks });
  }

  const closures = new Set<IsoDate>();
  for (const line of errors.closures ? [] : values.closures.split(/[\n,;]+/)) {
    if (line.trim() === '') continue;
    const day = parseDateText(line);
    const inTerm =
      day && terms.find((term) => day >= term.start && day <= term.end && !term.breaks.some((gap) => day >= gap.start && day <= gap.end));
    if (!day) fail('closures', `“${line.trim().slice(0, 30)}” isn’t a date: write one a line, like Mon 4 May 2026.`);
    else if (!inTerm && terms.length === TERM_NAMES.length)
      fail('closures', `${formatUkDate(day)} is not in term time: training days and closures fall inside a term.`);
    else closures.add(day);
  }
  if (closures.size > CALENDAR_LIMITS.closures) fail('closures', `List at most ${CALENDAR_LIMITS.closures} training days and closures.`);

  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  const schoolName = parsed.data.schoolName;
  return {
    ok: true,
    change: {
      ...(schoolName ? { schoolName } : {}),
      meetingChangeCutoffHours: parsed.data.cutoffHours,
      year,
      terms,
      closures: [...closures].sort(),
    },
  };
}

const inYear = (date: IsoDate, year: number) => academicStartYearOf(date) === year;

/** The settings with the change made: other years' terms and closures are kept. */
export function withCalendar(settings: SchoolSettings, change: CalendarChange): SchoolSettings {
  const { schoolName: _schoolName, ...rest } = settings;
  const configured = settings.termDates ?? { terms: [], closures: [] };
  return {
    ...rest,
    ...(change.schoolName ? { schoolName: change.schoolName } : {}),
    meetingChangeCutoffHours: change.meetingChangeCutoffHours,
    termDates: {
      terms: [...configured.terms.filter((term) => !inYear(term.start, change.year)), ...change.terms].sort((a, b) =>
        a.start.localeCompare(b.start),
      ),
      closures: [...configured.closures.filter((day) => !inYear(day, change.year)), ...change.closures].sort(),
    },
  };
}

/** The year's terms and closures as stored, or the usual English dates where the school has set none. */
export function termsOfYear(settings: SchoolSettings, year: number): { terms: Term[]; closures: IsoDate[]; own: boolean } {
  const september = isoDate(year, 9, 1);
  const covering = termDatesCovering(september, september, settings.termDates);
  const own = settings.termDates?.terms.some((term) => inYear(term.start, year)) ?? false;
  return {
    terms: covering.terms.filter((term) => inYear(term.start, year)),
    closures: [...new Set(covering.closures.filter((day) => inYear(day, year)))].sort(),
    own,
  };
}

/** The card's (and the CLI's starting) values for the year. */
export function calendarFormValues(settings: SchoolSettings, year: number): CalendarFormValues {
  const { terms, closures } = termsOfYear(settings, year);
  const values = {
    schoolName: settings.schoolName ?? '',
    cutoffHours: settings.meetingChangeCutoffHours,
    closures: closures.map(formatUkDate).join('\n'),
  } as CalendarFormValues;
  for (const name of TERM_NAMES) {
    const term = terms.find((candidate) => candidate.name === name);
    values[`${name}Start`] = term?.start ?? '';
    values[`${name}End`] = term?.end ?? '';
    values[`${name}HalfStart`] = term?.breaks[0]?.start ?? '';
    values[`${name}HalfEnd`] = term?.breaks[0]?.end ?? '';
  }
  return values;
}

/** One line per fact, dates like "Tue 3 Mar 2026": for the saved card and the CLI. */
export function describeCalendar(settings: SchoolSettings, year: number): string[] {
  const { terms, closures, own } = termsOfYear(settings, year);
  return [
    `School name: ${settings.schoolName ?? 'not set'}`,
    `Pupils may move or cancel a meeting up to ${settings.meetingChangeCutoffHours} ` +
      `hour${settings.meetingChangeCutoffHours === 1 ? '' : 's'} before it starts`,
    `Terms ${year}/${String(year + 1).slice(2)}${own ? '' : ' (the usual English dates: not set by the school)'}:`,
    ...terms.map(
      (term) =>
        `${capitalised(term.name)}: ${range(term)}${term.breaks.length > 0 ? `, half-term ${term.breaks.map(range).join(' and ')}` : ''}`,
    ),
    `Training days and closures: ${closures.length > 0 ? closures.map(formatUkDate).join(', ') : 'none'}`,
  ];
}
