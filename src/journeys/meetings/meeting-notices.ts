import { adaptiveCard, executeAction, factSet, heading, textBlock } from '../../cards/adaptive-card';
import { formatUkDateTime } from '../../domain/calendar';
import { fullName, type Meeting, type Person } from '../../domain/school';
import type { Services } from '../../services';
import { meetingFacts, type MeetingView } from './meeting-card-parts';
import type { MeetingRequest } from './meeting-codecs';
import { MEETING_VERBS } from './meeting-verbs';

// Proactive messages about meetings, queued in the outbox. Each key names its cause, so a
// redelivered tap or a re-run job never queues the same message twice.

export function viewOf(
  meeting: Pick<Meeting, 'startsAt' | 'place' | 'durationMinutes' | 'topic'>,
  adviser: Person | undefined,
  pupil?: Person,
): MeetingView {
  return {
    startsAt: meeting.startsAt,
    minutes: meeting.durationMinutes ?? 30,
    place: meeting.place ?? 'To be confirmed',
    adviserName: adviser ? fullName(adviser) : 'your careers adviser',
    ...(pupil ? { pupilName: pupilLabel(pupil) } : {}),
    ...(meeting.topic ? { topic: meeting.topic } : {}),
  };
}

/** "Ava Patel (Year 11, 11B)". */
export function pupilLabel(pupil: Person): string {
  const details = [pupil.yearGroup ? `Year ${pupil.yearGroup}` : undefined, pupil.form].filter(Boolean).join(', ');
  return details ? `${fullName(pupil)} (${details})` : fullName(pupil);
}

interface Notice {
  services: Services;
  schoolId: string;
}

export async function tellAdviserBooked(
  { services, schoolId }: Notice,
  meeting: Meeting,
  pupil: Person,
  adviser: Person | undefined,
): Promise<void> {
  await services.outbox.enqueue({
    schoolId,
    key: `meeting-booked:${meeting.id}:${meeting.slotKey ?? meeting.startsAt}`,
    to: { kind: 'person', personId: meeting.adviserId },
    card: adaptiveCard(
      [
        heading('New guidance meeting'),
        textBlock(`${pupilLabel(pupil)} booked a meeting with you.`),
        meetingFacts(viewOf(meeting, adviser, pupil), { withPupil: false, withAdviser: false }),
      ],
      [executeAction('My diary', MEETING_VERBS.diary, {})],
    ),
  });
}

export async function tellAdviserCancelled({ services, schoolId }: Notice, meeting: Meeting, pupil: Person): Promise<void> {
  await services.outbox.enqueue({
    schoolId,
    key: `meeting-cancelled:${meeting.id}`,
    to: { kind: 'person', personId: meeting.adviserId },
    card: adaptiveCard(
      [
        heading('Meeting cancelled'),
        textBlock(`${pupilLabel(pupil)} cancelled their meeting on ${formatUkDateTime(meeting.startsAt)}. The time is free again.`),
      ],
      [executeAction('My diary', MEETING_VERBS.diary, {})],
    ),
  });
}

export async function tellAdvisersMoved(
  { services, schoolId }: Notice,
  previous: Meeting,
  moved: Meeting,
  pupil: Person,
  adviser: Person | undefined,
): Promise<void> {
  const sentence =
    `${pupilLabel(pupil)} moved their meeting from ${formatUkDateTime(previous.startsAt)} ` + `to ${formatUkDateTime(moved.startsAt)}.`;
  const recipients = new Set([moved.adviserId, previous.adviserId]);
  for (const adviserId of recipients) {
    const gone = adviserId !== moved.adviserId;
    await services.outbox.enqueue({
      schoolId,
      key: `meeting-moved:${moved.id}:${moved.startsAt}:${adviserId}`,
      to: { kind: 'person', personId: adviserId },
      card: adaptiveCard(
        [
          heading('Meeting moved'),
          textBlock(gone ? `${sentence} It is now with another adviser, so it has left your diary.` : sentence),
          ...(gone ? [] : [meetingFacts(viewOf(moved, adviser, pupil), { withPupil: false, withAdviser: false })]),
        ],
        [executeAction('My diary', MEETING_VERBS.diary, {})],
      ),
    });
  }
}

/** A pupil asked for a meeting: the adviser it is routed to hears at once rather than when they next look. */
export async function tellAdviserRequested(
  { services, schoolId }: Notice,
  request: Pick<MeetingRequest, 'id' | 'reason' | 'preferredTimes'>,
  pupil: Person,
  adviserId: string,
): Promise<void> {
  await services.outbox.enqueue({
    schoolId,
    key: `meeting-request:${request.id}:${adviserId}`,
    to: { kind: 'person', personId: adviserId },
    card: adaptiveCard(
      [
        heading('A pupil asked for a meeting'),
        textBlock(`${pupilLabel(pupil)} asked for a careers meeting: none of the free times suited them.`),
        factSet([
          ['Help with', request.reason],
          ...(request.preferredTimes ? ([['Times that suit', request.preferredTimes]] as Array<[string, string]>) : []),
        ]),
      ],
      [
        executeAction('Offer a time', MEETING_VERBS.offerForm, { requestId: request.id }, 'positive'),
        executeAction('All requests', MEETING_VERBS.requests, {}),
      ],
    ),
  });
}

export async function offerPupilSlot(
  { services, schoolId }: Notice,
  requestId: string,
  slotKey: string,
  pupilId: string,
  view: MeetingView,
): Promise<void> {
  await services.outbox.enqueue({
    schoolId,
    key: `meeting-offer:${requestId}:${slotKey}`,
    to: { kind: 'person', personId: pupilId },
    card: adaptiveCard(
      [
        heading('A careers meeting for you'),
        textBlock('You asked for a careers meeting. An adviser has offered you this time:'),
        meetingFacts(view),
      ],
      [
        executeAction('Accept', MEETING_VERBS.acceptOffer, { requestId }, 'positive'),
        executeAction('See other times', MEETING_VERBS.slots, {}),
      ],
    ),
  });
}

export async function offerPupilAnotherMeeting({ services, schoolId }: Notice, meeting: Meeting): Promise<void> {
  await services.outbox.enqueue({
    schoolId,
    key: `meeting-missed:${meeting.id}`,
    to: { kind: 'person', personId: meeting.pupilId },
    card: adaptiveCard(
      [
        heading('Sorry we missed you'),
        textBlock(
          `You weren’t able to come to your careers meeting on ${formatUkDateTime(meeting.startsAt)}. Would you like to book another time?`,
        ),
      ],
      [executeAction('Book a meeting', MEETING_VERBS.slots, {}), executeAction('Ask for a meeting', MEETING_VERBS.requestForm, {})],
    ),
  });
}

/** Notices about meetings and requests: the ones the diary lists when they could not be delivered. */
const MEETING_NOTICE = /^meeting-/;

export interface UndeliveredNotice {
  personId: string;
  /** The notice's heading and first line, as its recipient would have read it. */
  summary: string;
}

/** Meeting notices that have not reached their recipient yet, oldest first. */
export async function undeliveredNotices(services: Services, schoolId: string): Promise<UndeliveredNotice[]> {
  const entries = await services.outbox.undelivered(schoolId);
  return entries.flatMap(({ message }) =>
    message.to.kind === 'person' && MEETING_NOTICE.test(message.key)
      ? [{ personId: message.to.personId, summary: summaryOf(message.card?.body ?? []) }]
      : [],
  );
}

function summaryOf(body: readonly unknown[]): string {
  const texts = body.flatMap((element) =>
    element && typeof element === 'object' && (element as { type?: string }).type === 'TextBlock'
      ? [String((element as { text?: unknown }).text ?? '')]
      : [],
  );
  return texts.slice(0, 2).join(': ');
}
