import { randomUUID } from 'node:crypto';
import { GraphCalendarError, type CalendarWriter } from '../../calendar/graph-calendar';
import type { CalendarEntry, CalendarEventState, CalendarOutcome, CalendarQueue } from '../../calendar/calendar-queue';
import { calendarRetryDelayMs, eventFingerprint, meetingEvent, meetingEventChanges } from '../../domain/meeting-event';
import { fullName, type Meeting } from '../../domain/school';
import { describeError } from '../../observability/log';
import type { Services } from '../../services';
import type { FollowUpStep } from './follow-up-steps';
import { getMeeting, peopleById, schoolNow } from './meeting-store';
import { ONLINE_PLACE } from './slot-submission';

// Makes each changed meeting's event in the adviser's calendar match the meeting as it is now:
// booked, an event (created once, then updated when it moves); cancelled, the event cancelled
// (Outlook tells the pupil); attended or missed, left alone. Runs off the request path, so a
// calendar that is down never holds up or undoes a booking.

const BATCH = 25;
const CANCELLED_COMMENT = 'This careers guidance meeting has been cancelled in Waypoint.';

export interface CalendarSyncResult {
  done: number;
  retrying: number;
  failed: number;
}

export class CalendarSync {
  private flushing: Promise<CalendarSyncResult> | undefined;

  constructor(
    private readonly services: Services,
    private readonly queue: CalendarQueue,
    private readonly writer: CalendarWriter,
    /** How long a claim keeps other instances off a row; after a crash it is synced once this lapses. */
    private readonly claimMs = 60_000,
  ) {}

  /** Syncs what is due now; concurrent calls share one run. */
  flush(): Promise<CalendarSyncResult> {
    this.flushing ??= this.syncDue().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async syncDue(): Promise<CalendarSyncResult> {
    const result: CalendarSyncResult = { done: 0, retrying: 0, failed: 0 };
    for (const due of await this.queue.due(BATCH)) {
      const claimed = await this.queue.claim(due, this.claimMs);
      if (!claimed) continue;
      const outcome = await this.syncOne(claimed);
      result[outcome === 'done' ? 'done' : outcome === 'retry' ? 'retrying' : 'failed']++;
    }
    return result;
  }

  private async syncOne(claimed: CalendarEntry): Promise<CalendarOutcome['kind']> {
    const progress = { latest: claimed, state: eventState(claimed) };
    let outcome: CalendarOutcome;
    try {
      outcome = await this.reconcile(progress);
    } catch (error) {
      outcome = this.afterFailure(claimed, error);
      this.services.log.warn('calendar.write_failed', {
        schoolId: claimed.schoolId,
        meetingId: claimed.meetingId,
        attempts: claimed.attempts + 1,
        retrying: outcome.kind === 'retry',
        ...(error instanceof GraphCalendarError ? { status: error.status, code: error.code } : describeError(error)),
      });
    }
    await this.queue.finish(progress.latest, claimed.requestId, progress.state, outcome);
    return outcome.kind;
  }

  /** Brings the event in line with the meeting; `progress.state` follows each write Graph accepted. */
  private async reconcile(progress: { latest: CalendarEntry; state: CalendarEventState }): Promise<CalendarOutcome> {
    const { services, writer } = this;
    const { schoolId, meetingId } = progress.latest;
    const meeting = (await getMeeting(services, schoolId, meetingId))?.item;
    if (!meeting) return { kind: 'done' };
    if (meeting.status === 'cancelled') {
      await this.cancelIfThere(progress.state);
      progress.state = {};
      return { kind: 'done' };
    }
    // Attended or missed: what happened is recorded in Waypoint; the calendar keeps the time.
    if (meeting.status !== 'booked') return { kind: 'done' };

    const people = await peopleById(services, schoolId, [meeting.pupilId, meeting.adviserId]);
    const pupil = people.get(meeting.pupilId);
    const adviser = people.get(meeting.adviserId);
    if (!pupil || !adviser) return { kind: 'failed', error: 'not-on-roster' };
    const input = {
      startsAt: meeting.startsAt,
      minutes: meeting.durationMinutes ?? 30,
      place: meeting.place ?? '',
      online: isOnline(meeting),
      pupil: { name: fullName(pupil), email: pupil.email },
    };
    const event = meetingEvent(input);
    const fingerprint = eventFingerprint(event);
    const { state } = progress;
    if (state.eventId && state.mailbox === adviser.email && state.fingerprint === fingerprint) return { kind: 'done' };
    if (meeting.startsAt <= schoolNow(services)) return { kind: 'failed', error: 'meeting-started' };

    if (state.eventId && state.mailbox !== adviser.email) {
      // Moved to another adviser's slot: the event lives in the first adviser's mailbox.
      await this.cancelIfThere(state);
      progress.latest = await this.queue.remember(progress.latest, { transactionId: randomUUID() });
      progress.state = eventState(progress.latest);
    } else if (state.eventId) {
      try {
        const updated = await writer.update(state.mailbox!, state.eventId, meetingEventChanges(input));
        progress.state = { ...state, fingerprint, ...(updated.joinUrl ? { joinUrl: updated.joinUrl } : {}) };
        return { kind: 'done' };
      } catch (error) {
        if (!(error instanceof GraphCalendarError && error.status === 404)) throw error;
        // Deleted in Outlook: the meeting still stands, so it goes back in, as a new event.
        progress.latest = await this.queue.remember(progress.latest, { transactionId: randomUUID() });
        progress.state = eventState(progress.latest);
      }
    }
    const transactionId = progress.state.transactionId!;
    const created = await writer.create(adviser.email, { ...event, transactionId });
    progress.state = {
      mailbox: adviser.email,
      eventId: created.id,
      transactionId,
      fingerprint,
      ...(created.joinUrl ? { joinUrl: created.joinUrl } : {}),
    };
    return { kind: 'done' };
  }

  /** Cancels the event if one was made; one already gone (deleted in Outlook) is as good as cancelled. */
  private async cancelIfThere(state: CalendarEventState): Promise<void> {
    if (!state.eventId || !state.mailbox) return;
    try {
      await this.writer.cancel(state.mailbox, state.eventId, CANCELLED_COMMENT);
    } catch (error) {
      if (!(error instanceof GraphCalendarError && error.status === 404)) throw error;
    }
  }

  /** Throttling, faults and unreachable Graph (or storage) are tried again until the meeting starts; refusals are final. */
  private afterFailure(entry: CalendarEntry, error: unknown): CalendarOutcome {
    const status = error instanceof GraphCalendarError ? error.status : undefined;
    const reason = status === undefined ? 'unreachable' : String(status);
    const transient = status === undefined || status === 429 || status >= 500;
    if (!transient || entry.startsAt <= schoolNow(this.services)) return { kind: 'failed', error: reason };
    const retryAfter = error instanceof GraphCalendarError ? error.retryAfterSeconds : undefined;
    return { kind: 'retry', inMs: calendarRetryDelayMs(entry.attempts + 1, retryAfter), error: reason };
  }
}

function isOnline(meeting: Meeting): boolean {
  return meeting.place === ONLINE_PLACE;
}

function eventState(entry: CalendarEntry): CalendarEventState {
  const { mailbox, eventId, transactionId, joinUrl, fingerprint } = entry;
  return Object.fromEntries(Object.entries({ mailbox, eventId, transactionId, joinUrl, fingerprint }).filter(([, v]) => v !== undefined));
}

/**
 * The follow-up step after a booking, move or cancellation that marks the meeting's event due for
 * syncing (none while the school's calendars are off). `pending` is what the pupil hears if it could not be done.
 */
export function calendarStep(services: Services, schoolId: string, meeting: Meeting, pending: string): FollowUpStep[] {
  const { calendar } = services;
  return calendar ? [{ name: 'calendar', pending, run: () => calendar.request(schoolId, meeting.id, meeting.startsAt) }] : [];
}

/** An online meeting's Teams join link, once its event exists. */
export async function joinUrlOf(services: Services, schoolId: string, meeting: Meeting): Promise<string | undefined> {
  if (!services.calendar || !isOnline(meeting)) return undefined;
  return (await services.calendar.get(schoolId, meeting.id))?.joinUrl;
}
