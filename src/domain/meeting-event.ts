import type { IsoDateTime } from './school';

// The Outlook event a booked guidance meeting stands for, as Microsoft Graph's event resource
// takes it (POST /users/{id}/events, PATCH /users/{id}/events/{id}). Pure: the shell sends it.

/** Graph takes IANA names for dateTimeTimeZone; records hold school-local (UK) times. */
export const SCHOOL_TIME_ZONE = 'Europe/London';

export const MEETING_EVENT_SUBJECT = 'Careers guidance meeting';

export interface EventTime {
  dateTime: string;
  timeZone: string;
}

/** What a move can change: sent as the PATCH body, and compared to know whether one is needed. */
export interface MeetingEventChanges {
  start: EventTime;
  end: EventTime;
  location: { displayName: string };
  isOnlineMeeting: boolean;
  onlineMeetingProvider?: 'teamsForBusiness';
}

export interface MeetingEvent extends MeetingEventChanges {
  subject: string;
  body: { contentType: 'text'; content: string };
  attendees: { emailAddress: { address: string; name: string }; type: 'required' }[];
  /** A time proposed in Outlook would not move the booking in Waypoint, which holds the adviser's slots. */
  allowNewTimeProposals: false;
  /** Guidance is a personal conversation: colleagues who can see the adviser's calendar see only that they are busy. */
  sensitivity: 'private';
}

export interface MeetingEventInput {
  /** School-local "YYYY-MM-DDTHH:MM". */
  startsAt: IsoDateTime;
  minutes: number;
  place: string;
  online: boolean;
  pupil: { name: string; email: string };
}

/** The event to create: the pupil as attendee, never what they wrote about why they booked. */
export function meetingEvent(input: MeetingEventInput): MeetingEvent {
  return {
    subject: MEETING_EVENT_SUBJECT,
    body: { contentType: 'text', content: 'Booked in Waypoint. To move or cancel it, type “my meeting” to Waypoint in Teams.' },
    ...meetingEventChanges(input),
    attendees: [{ emailAddress: { address: input.pupil.email, name: input.pupil.name }, type: 'required' }],
    allowNewTimeProposals: false,
    sensitivity: 'private',
  };
}

export function meetingEventChanges(input: Omit<MeetingEventInput, 'pupil'>): MeetingEventChanges {
  return {
    start: { dateTime: `${input.startsAt}:00`, timeZone: SCHOOL_TIME_ZONE },
    end: { dateTime: wallClockPlus(input.startsAt, input.minutes), timeZone: SCHOOL_TIME_ZONE },
    location: { displayName: input.place },
    isOnlineMeeting: input.online,
    ...(input.online ? { onlineMeetingProvider: 'teamsForBusiness' as const } : {}),
  };
}

/** Stands for what the event holds that a move can change: equal fingerprints need no update. */
export function eventFingerprint(changes: MeetingEventChanges): string {
  const { start, end, location, isOnlineMeeting } = changes;
  return [start.dateTime, end.dateTime, location.displayName, isOnlineMeeting ? 'online' : 'in person'].join('|');
}

/** "2026-03-10T10:00" plus 30 minutes on the wall clock: "2026-03-10T10:30:00" (the time zone is sent beside it). */
function wallClockPlus(startsAt: IsoDateTime, minutes: number): string {
  return new Date(Date.parse(`${startsAt}:00Z`) + minutes * 60_000).toISOString().slice(0, 19);
}

/** Calendar writes wait at most this long between tries, so a service back after an outage is used within it. */
const LONGEST_WAIT_MS = 15 * 60_000;

/**
 * How long to wait before trying a calendar write again, after `attempts` failed tries: doubling from
 * 30 seconds up to 15 minutes, and never sooner than Graph's Retry-After. Unlike a chat message,
 * a calendar write keeps trying until the meeting starts (the caller stops it there).
 */
export function calendarRetryDelayMs(attempts: number, retryAfterSeconds?: number): number {
  const backOff = Math.min(LONGEST_WAIT_MS, 30_000 * 2 ** Math.max(0, attempts - 1));
  return retryAfterSeconds !== undefined && retryAfterSeconds > 0 ? Math.max(backOff, retryAfterSeconds * 1000) : backOff;
}
