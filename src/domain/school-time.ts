import type { IsoDate, IsoDateTime } from './school';

// Schools in England run on UK local time; records hold school-local dates and times.
const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function schoolDateTimeOf(instant: Date): IsoDateTime {
  const parts = Object.fromEntries(LONDON.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

export function schoolDateOf(instant: Date): IsoDate {
  return schoolDateTimeOf(instant).slice(0, 10);
}
