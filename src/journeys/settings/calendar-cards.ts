import type { AdaptiveCard } from '@microsoft/teams-ai';
import {
  adaptiveCard,
  dateInput,
  executeAction,
  fieldError,
  heading,
  numberInput,
  plainText,
  textBlock,
  textInput,
  type CardElement,
} from '../../cards/adaptive-card';
import { CALENDAR_LIMITS, TERM_NAMES, type CalendarFieldErrors, type CalendarFormValues } from './calendar-submission';
import { numberFrom } from './settings-submission';
import { SETTINGS_VERBS } from './settings-verbs';
import { SCHOOL_CALENDAR_VERBS } from './settings-verbs';

// The school's name, one academic year's term dates and the meeting-change cut-off, on a card of
// their own reached from "school settings".

const schoolYear = (year: number) => `${year}/${String(year + 1).slice(2)}`;

export interface CalendarCardInput {
  year: number;
  values: CalendarFormValues;
  etag?: string;
  errors?: CalendarFieldErrors;
  notice?: string;
}

export function calendarCard(input: CalendarCardInput): AdaptiveCard {
  const { values, errors = {} } = input;
  const termInputs: CardElement[] = TERM_NAMES.flatMap((term) => [
    textBlock(`${term[0]!.toUpperCase()}${term.slice(1)} term`, { weight: 'Bolder', spacing: 'Medium' }),
    dateInput(`${term}Start`, 'First day', { value: values[`${term}Start`] }),
    ...fieldError(errors[`${term}Start`]),
    dateInput(`${term}End`, 'Last day', { value: values[`${term}End`] }),
    ...fieldError(errors[`${term}End`]),
    dateInput(`${term}HalfStart`, 'Half-term: first day off', { value: values[`${term}HalfStart`] }),
    ...fieldError(errors[`${term}HalfStart`]),
    dateInput(`${term}HalfEnd`, 'Half-term: last day off', { value: values[`${term}HalfEnd`] }),
    ...fieldError(errors[`${term}HalfEnd`]),
  ]);
  return adaptiveCard(
    [
      heading('School name, terms and meeting changes'),
      textBlock(`Term dates for ${schoolYear(input.year)}. Reminders, nudges and the report count school days from these.`, {
        subtle: true,
      }),
      ...(input.notice ? [textBlock(input.notice, { color: 'Attention' })] : []),
      ...(Object.keys(errors).length > 0
        ? [textBlock('Please check the highlighted answers. Nothing has been saved yet.', { color: 'Attention' })]
        : []),
      textInput('schoolName', 'School name', {
        value: values.schoolName,
        maxLength: CALENDAR_LIMITS.name,
        placeholder: 'Northfield Academy',
      }),
      ...fieldError(errors.schoolName),
      numberInput('cutoffHours', 'Pupils may move or cancel a meeting up to this many hours before it', {
        value: numberFrom(values.cutoffHours),
      }),
      ...fieldError(errors.cutoffHours),
      ...termInputs,
      textInput('closures', 'Training (INSET) days and other closures in term, one a line', {
        value: values.closures,
        multiline: true,
        placeholder: 'Mon 4 May 2026',
        maxLength: 2000,
      }),
      ...fieldError(errors.closures),
    ],
    [
      executeAction('Save terms and settings', SCHOOL_CALENDAR_VERBS.save, { etag: input.etag ?? '', year: input.year }, 'positive'),
      executeAction(`${schoolYear(input.year + 1)} terms`, SCHOOL_CALENDAR_VERBS.open, { year: input.year + 1 }),
      executeAction('School settings', SETTINGS_VERBS.open, {}),
    ],
  );
}

export function calendarSavedCard(year: number, lines: readonly string[], unchanged: boolean): AdaptiveCard {
  return adaptiveCard(
    [heading(unchanged ? 'Terms and settings: nothing to change' : 'Terms and settings saved'), ...lines.map((line) => plainText(line))],
    [executeAction('Edit', SCHOOL_CALENDAR_VERBS.open, { year }), executeAction('School settings', SETTINGS_VERBS.open, {})],
  );
}
