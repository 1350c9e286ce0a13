// Zod schemas for single CSV cells. Every cell arrives as a trimmed string ('' when empty); each
// schema reports at most one clear reason, so an error line reads `column: reason`.
import { z } from 'zod/v4';
import { isRealIsoDate, isRealIsoDateTime, looksLikeIsoDate, looksLikeIsoDateTime } from '../domain/calendar';
import { withoutFormatCharacters } from '../domain/typed-text';
import { FIRST_YEAR_GROUP, LAST_YEAR_GROUP, parseYearGroupRanges } from './year-group-ranges';

/** Longest text each kind of cell may hold, in characters. */
export const TEXT_LIMITS = {
  id: 50,
  name: 100,
  email: 254,
  form: 20,
  subject: 100,
  title: 200,
  topic: 200,
  career: 100,
  destination: 200,
  guidance: 4000,
} as const;

// Tab and line break are the only control characters free text may hold (names pasted from a
// spreadsheet cell can carry them); anything else is a corrupted export.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const CONTROL_CHARACTER_OR_LINE_BREAK = /[\u0000-\u001F\u007F-\u009F]/;
const emailFormat = z.email();

interface TextRules {
  max: number;
  required: boolean;
  /** Keys and identifiers: no tab or line break either. */
  oneLine?: boolean;
}

function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

function textProblem(value: string, rules: TextRules): string | undefined {
  const length = characterCount(value);
  if (length > rules.max) return `must be at most ${rules.max} characters (found ${length})`;
  if (rules.oneLine === true) {
    if (CONTROL_CHARACTER_OR_LINE_BREAK.test(value)) return 'must be on one line, without tabs or control characters';
  } else if (CONTROL_CHARACTER.test(value)) {
    return 'must not contain control characters';
  }
  return undefined;
}

/** Control characters are refused; invisible format characters (bidi overrides, zero-width spaces) are dropped, as from a card. */
export function textCell(rules: TextRules) {
  return z
    .string()
    .transform(withoutFormatCharacters)
    .superRefine((value, ctx) => {
      const problem = value === '' ? (rules.required ? 'required' : undefined) : textProblem(value, rules);
      if (problem !== undefined) ctx.addIssue(problem);
    });
}

export const idCell = textCell({ max: TEXT_LIMITS.id, required: true, oneLine: true });
export const nameCell = textCell({ max: TEXT_LIMITS.name, required: true });

/** Kept as given; uniqueness is checked ignoring case. */
export const emailCell = z.string().superRefine((value, ctx) => {
  if (value === '') ctx.addIssue('required');
  else if (characterCount(value) > TEXT_LIMITS.email) ctx.addIssue(`must be at most ${TEXT_LIMITS.email} characters`);
  else if (!emailFormat.safeParse(value).success) ctx.addIssue('not a valid email address');
});

export function enumCell<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) => (issue.input === '' ? 'required' : `must be one of ${values.join(', ')} (found "${String(issue.input)}")`),
  });
}

/** '' reads as absent; anything else must satisfy `cell`. */
export function optionalCell<T extends z.ZodType>(cell: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), cell.optional());
}

const YEAR_GROUP = /^(?:[7-9]|1[0-3])$/;
export const yearGroupCell = z
  .string()
  .superRefine((value, ctx) => {
    if (value === '') ctx.addIssue('required');
    else if (!YEAR_GROUP.test(value)) {
      ctx.addIssue(`must be a whole number from ${FIRST_YEAR_GROUP} to ${LAST_YEAR_GROUP} (found "${value}")`);
    }
  })
  .transform(Number);

export const yearGroupRangesCell = z
  .string()
  .superRefine((value, ctx) => {
    if (value === '') ctx.addIssue('required');
    else if (parseYearGroupRanges(value) === undefined) {
      ctx.addIssue(`must list year groups from ${FIRST_YEAR_GROUP} to ${LAST_YEAR_GROUP} such as 7-13 or 10;11 (found "${value}")`);
    }
  })
  .transform((value) => parseYearGroupRanges(value) ?? []);

/** A `;`-separated cell's entries, each trimmed, empty entries dropped. */
function splitList(value: string): string[] {
  return value
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** `;`-separated year groups (`10;11`), each 7 to 13; empty for none. */
export const yearGroupListCell = z
  .string()
  .transform(splitList)
  .superRefine((entries, ctx) => {
    const bad = entries.find((entry) => !YEAR_GROUP.test(entry));
    if (bad !== undefined) {
      ctx.addIssue(`must list year groups from ${FIRST_YEAR_GROUP} to ${LAST_YEAR_GROUP} separated by ; such as 10;11 (found "${bad}")`);
    }
  })
  .transform((entries) => [...new Set(entries.map(Number))].sort((a, b) => a - b));

export const dateCell = z.string().superRefine((value, ctx) => {
  if (value === '') ctx.addIssue('required');
  else if (!looksLikeIsoDate(value)) ctx.addIssue(`must be a date in the form YYYY-MM-DD (found "${value}")`);
  else if (!isRealIsoDate(value)) ctx.addIssue(`must be a real calendar date (found "${value}")`);
});

export const dateTimeCell = z.string().superRefine((value, ctx) => {
  if (value === '') ctx.addIssue('required');
  else if (!looksLikeIsoDateTime(value)) ctx.addIssue(`must be a time in the form YYYY-MM-DDTHH:MM (found "${value}")`);
  else if (!isRealIsoDateTime(value)) ctx.addIssue(`must be a real date and time (found "${value}")`);
});

/** `Y` (or `y`) for yes, empty for no. */
export const flagCell = z
  .string()
  .superRefine((value, ctx) => {
    if (value !== '' && value !== 'Y' && value !== 'y') ctx.addIssue(`must be Y or empty (found "${value}")`);
  })
  .transform((value) => value !== '');

/** `;`-separated, each entry trimmed, empty entries dropped. */
export function listCell(maxPerEntry: number) {
  return z
    .string()
    .transform((text) => splitList(withoutFormatCharacters(text)))
    .superRefine((entries, ctx) => {
      for (const entry of entries) {
        const problem = textProblem(entry, { max: maxPerEntry, required: true, oneLine: true });
        if (problem !== undefined) {
          ctx.addIssue(`each entry ${problem} ("${entry.slice(0, 40)}")`);
          return;
        }
      }
    });
}
