import { formatUkDate, isRealIsoDate, isSchoolDay, type TermDates } from '../../domain/calendar';
import type { IsoDate, IsoDateTime } from '../../domain/school';
import { characterCount } from '../../domain/typed-text';
import { EARLIEST_TIME, LATEST_TIME, MEETING_LENGTHS, normaliseTime, repeatDates, startTimesBetween } from './slot-times';

export const ONLINE_PLACE = 'Online (Microsoft Teams)';
export const SLOT_LIMITS = { room: 60, perDay: 24 } as const;

/** What the availability card sends (all text, as Adaptive Cards send it). */
export interface SlotFormValues {
  adviserId: string;
  date: string;
  start: string;
  end: string;
  length: string;
  placeKind: string;
  room: string;
  repeat: string;
}

export type SlotFieldErrors = Partial<Record<keyof SlotFormValues, string>>;

export interface SlotPlan {
  adviserId: string;
  minutes: number;
  place: string;
  /** Every slot start to create, in order. */
  starts: IsoDateTime[];
  /** School-local dates the weekly pattern skipped (weekends never arise: the first date is a school day). */
  skippedDates: IsoDate[];
  /** Slots left out because their time had already passed. */
  pastCount: number;
}

export type SlotValidation = { ok: true; plan: SlotPlan } | { ok: false; errors: SlotFieldErrors };

export interface SlotFormContext {
  /** Advisers the sender may add slots for (their own id, or any adviser for the careers leader). */
  adviserIds: readonly string[];
  /** School-local now. */
  now: IsoDateTime;
  terms: TermDates;
}

/** Checks an availability card and works out the slots it asks for; errors are per field. */
export function validateSlotForm(values: SlotFormValues, context: SlotFormContext): SlotValidation {
  const errors: SlotFieldErrors = {};
  const today = context.now.slice(0, 10);
  if (!context.adviserIds.includes(values.adviserId)) errors.adviserId = 'Choose whose diary the slots go in.';

  const date = values.date.trim();
  if (!isRealIsoDate(date)) errors.date = 'Choose a date from the calendar.';
  else if (date < today) errors.date = 'That date has passed: slots are for meetings still to come.';
  else if (!isSchoolDay(date, context.terms)) errors.date = `${formatUkDate(date)} isn’t a school day (a weekend, holiday or closure day).`;

  const start = normaliseTime(values.start);
  const end = normaliseTime(values.end);
  if (!start) errors.start = 'Choose a start time.';
  else if (start < EARLIEST_TIME || start > LATEST_TIME) errors.start = `Choose a time between ${EARLIEST_TIME} and ${LATEST_TIME}.`;
  if (!end) errors.end = 'Choose an end time.';
  else if (end < EARLIEST_TIME || end > LATEST_TIME) errors.end = `Choose a time between ${EARLIEST_TIME} and ${LATEST_TIME}.`;
  else if (start && end <= start) errors.end = 'The end time must be after the start time.';

  const minutes = Number(values.length);
  if (!(MEETING_LENGTHS as readonly number[]).includes(minutes)) errors.length = 'Choose how long each meeting lasts.';
  const times = start && end && !errors.start && !errors.end && !errors.length ? startTimesBetween(start, end, minutes) : [];
  if (start && end && !errors.start && !errors.end && !errors.length) {
    if (times.length === 0) errors.end = `There isn’t room for a ${minutes}-minute meeting between ${start} and ${end}.`;
    else if (times.length > SLOT_LIMITS.perDay)
      errors.end = `That makes ${times.length} meetings in a day; add at most ${SLOT_LIMITS.perDay} at a time.`;
  }

  let place = ONLINE_PLACE;
  if (values.placeKind === 'room') {
    place = values.room.replace(/\s+/g, ' ').trim();
    if (place === '') errors.room = 'Say which room, e.g. “Careers office”.';
    else if (characterCount(place) > SLOT_LIMITS.room)
      errors.room = `Keep the room to ${SLOT_LIMITS.room} characters (it has ${characterCount(place)}).`;
  } else if (values.placeKind !== 'online') errors.placeKind = 'Choose a room or online.';

  if (values.repeat !== 'weekly' && values.repeat !== 'once' && values.repeat !== '') errors.repeat = 'Choose whether the slots repeat.';

  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const { dates, skipped } = repeatDates(date, values.repeat === 'weekly', context.terms);
  const all = dates.flatMap((day) => times.map((time) => `${day}T${time}`));
  // A slot that has already started is never offered, so it is never created either.
  const starts = all.filter((startsAt) => startsAt > context.now);
  if (starts.length === 0)
    return { ok: false, errors: { start: 'Those times have already passed today. Choose later times or another day.' } };
  return {
    ok: true,
    plan: { adviserId: values.adviserId, minutes, place, starts, skippedDates: skipped, pastCount: all.length - starts.length },
  };
}
