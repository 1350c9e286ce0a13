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

// formatToParts is slow and nearly every turn asks within the same minute: remember the last one.
let lastMinute = Number.NaN;
let lastFormatted = '';

export function schoolDateTimeOf(instant: Date): IsoDateTime {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastMinute) {
    const parts = Object.fromEntries(LONDON.formatToParts(instant).map((part) => [part.type, part.value]));
    lastFormatted = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
    lastMinute = minute;
  }
  return lastFormatted;
}

export function schoolDateOf(instant: Date): IsoDate {
  return schoolDateTimeOf(instant).slice(0, 10);
}
