import { factSet, type CardElement } from '../../cards/adaptive-card';
import type { IsoDateTime } from '../../domain/school';
import { formatSlotTime } from './slot-times';

// Pieces several meeting cards share, and the two inputs the shared builders don't have yet.

/** What a card says about one meeting or slot. */
export interface MeetingView {
  startsAt: IsoDateTime;
  minutes: number;
  place: string;
  adviserName: string;
  pupilName?: string;
  topic?: string;
}

export function meetingFacts(
  view: MeetingView,
  options: { withPupil?: boolean; withAdviser?: boolean } = { withAdviser: true },
): CardElement {
  const facts: Array<[string, string]> = [['When', formatSlotTime(view.startsAt, view.minutes)]];
  if (options.withPupil && view.pupilName) facts.push(['Pupil', view.pupilName]);
  facts.push(['Where', view.place]);
  if (options.withAdviser !== false) facts.push(['With', view.adviserName]);
  if (view.topic) facts.push(['To talk about', view.topic]);
  return factSet(facts);
}

export function timeInput(id: string, label: string, value?: string): CardElement {
  return { type: 'Input.Time', id, label, ...(value ? { value } : {}) };
}

export function toggleInput(id: string, title: string, options: { value: string; valueOn: string; valueOff: string }): CardElement {
  return { type: 'Input.Toggle', id, title, value: options.value, valueOn: options.valueOn, valueOff: options.valueOff, wrap: true };
}
