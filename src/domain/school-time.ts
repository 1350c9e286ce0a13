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

/** How far school-local time is ahead of UTC at `instant`, in ms (0 in winter, one hour in summer). */
function offsetAt(instant: number): number {
  const minute = Math.floor(instant / 60_000) * 60_000;
  return Date.parse(`${schoolDateTimeOf(new Date(minute))}:00Z`) - minute;
}

/**
 * The instant a school-local time stands for, with the UK offset of that date (not today's): 08:00
 * on Sun 29 Mar 2026 is 07:00 UTC, and on Sun 25 Oct 2026 08:00 UTC. A time the clocks skip
 * (01:30 on the spring Sunday) is read with the offset before the change, so it falls an hour on;
 * a time that happens twice (01:30 on the autumn Sunday) is the first of the two.
 */
export function instantOfSchoolTime(local: IsoDateTime): Date {
  const asIfUtc = Date.parse(`${local}:00Z`);
  const before = offsetAt(asIfUtc - 86_400_000);
  const after = offsetAt(asIfUtc + 86_400_000);
  // The larger offset first: of two readings of an ambiguous time, it gives the earlier instant.
  for (const offset of before >= after ? [before, after] : [after, before]) {
    const candidate = asIfUtc - offset;
    if (schoolDateTimeOf(new Date(candidate)) === local) return new Date(candidate);
  }
  return new Date(asIfUtc - before);
}
