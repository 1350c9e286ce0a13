import type { AdaptiveCard } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import type { Turn } from '../../bot/route';
import { executeAction } from '../../cards/adaptive-card';
import type { Services } from '../../services';
import { addDays, datePart, formatUkDateTime, schoolDaysBetween } from '../../domain/calendar';
import { fullName, type IsoDate, type Meeting } from '../../domain/school';
import { encodeKey, splitCompoundKey } from '../../storage/keys';
import { ChangedUnderUsError } from '../../storage/school-collection';
import { reassignRequestRow, releaseHold, releaseOtherHolds } from './booking-store';
import { runFollowUps, saveOrConfirm, unfinished } from './follow-up-steps';
import { MEETING_VERBS, offerData, requestData, requestIdData } from './meeting-verbs';
import { afterBooking, bookAndFinish, myMeeting, showFreeSlots, slotChoices } from './booking-journey';
import { validateRequestForm } from './booking-submission';
import type { MeetingRequest } from './meeting-codecs';
import { offerPupilSlot, pupilLabel, tellAdviserRequested } from './meeting-notices';
import {
  activityKey,
  advisersOf,
  audit,
  freeSlots,
  getMeeting,
  heldForSomeoneElse,
  heldMeetingsOf,
  idFrom,
  openRequestOf,
  openRequests,
  peopleById,
  schoolNow,
  termDatesUntil,
  upcomingMeetingOf,
} from './meeting-store';
import type { FinishAction } from './booking-cards';
import { offerFormCard, requestFormCard, requestQueueCard, requestSentCard, type QueueEntry } from './request-cards';

// "Nothing suits me": the pupil's request, the advisers' queue (oldest first, with its age in
// school days), an offer of a slot held for the pupil, and the pupil's one-tap acceptance.

/** How long an offered slot is kept for the pupil before others may book it. */
const OFFER_HOLD_MS = 48 * 3_600_000;
const OFFER_CHOICES = 25;

export async function requestForm(turn: Turn): Promise<AdaptiveCard | string> {
  const { services, sender } = turn;
  if (await upcomingMeetingOf(services, sender.schoolId, sender.person.id)) return showFreeSlots(turn);
  if (await openRequestOf(services, sender.schoolId, sender.person.id)) return myMeeting(turn);
  return requestFormCard();
}

export async function submitRequest(turn: Turn, data: z.output<typeof requestData>): Promise<AdaptiveCard | string> {
  const { services, sender } = turn;
  const validation = validateRequestForm(data);
  if (!validation.ok) return requestFormCard(data, validation.errors);
  const { requests } = services.meetingTables;
  const id = idFrom('R', sender.person.id, activityKey(turn));
  const already = await requests.get(sender.schoolId, encodeKey(id));
  if (!already) {
    if (await upcomingMeetingOf(services, sender.schoolId, sender.person.id)) return showFreeSlots(turn);
    if (await openRequestOf(services, sender.schoolId, sender.person.id)) return myMeeting(turn);
  }
  // meetings.csv needs an adviser on every row: the request's row names the adviser it is routed
  // to, until one of them (any adviser may) offers a time.
  const adviserId =
    (await getMeeting(services, sender.schoolId, id))?.item.adviserId ?? (await routeRequest(services, sender.schoolId, sender.person.id));
  if (!adviserId)
    return 'Sorry, your school hasn’t set up a careers adviser in Waypoint yet, so I can’t send requests. Please ask your careers leader.';
  const now = schoolNow(services);
  const requestedAt = already?.item.requestedAt ?? services.now().toISOString();
  const row: Meeting = {
    id,
    pupilId: sender.person.id,
    adviserId,
    startsAt: now,
    status: 'requested',
    advice: '',
    agreedActions: '',
    topic: validation.request.reason,
    requestedAt,
  };
  const request: MeetingRequest = already?.item ?? { id, pupilId: sender.person.id, ...validation.request, requestedAt, status: 'open' };
  if (!already) {
    // The request row is what the pupil and the advisers see; the meetings row naming its adviser goes first, and both are safe to repeat.
    const saved = await saveOrConfirm(
      async () => {
        await services.school.collections.meetings.createOnce(sender.schoolId, row);
        await requests.createOnce(sender.schoolId, request);
      },
      async () => (await requests.get(sender.schoolId, encodeKey(id))) !== undefined,
    );
    if (saved === 'unknown')
      return (
        'I lost touch with Waypoint’s records part-way, so I can’t tell yet whether your request was sent. Type “my meeting” ' +
        'in a minute to see it.'
      );
    services.log.info('meeting.requested', { schoolId: sender.schoolId, requestId: id, pupilId: sender.person.id, adviserId });
  }
  // Also on a redelivered tap: each step is safe to repeat. The card promises no notice (the
  // adviser sees the request in their requests), so nothing here is the pupil's to finish.
  await runFollowUps(services, { schoolId: sender.schoolId, requestId: id }, [
    { name: 'notice', run: () => tellAdviserRequested({ services, schoolId: sender.schoolId }, request, sender.person, adviserId) },
    { name: 'audit', run: () => audit(turn, 'meeting.request', id) },
  ]);
  return requestSentCard(request, datePart(requestedAt));
}

/** How far ahead an adviser's free time counts when a request is routed. */
const ROUTING_DAYS = 14;

/**
 * The adviser a new request waits with: the pupil's previous adviser while they have free time in
 * the next two weeks (someone who knows them), otherwise whoever has the most free time then.
 */
async function routeRequest(services: Services, schoolId: string, pupilId: string): Promise<string | undefined> {
  const advisers = await advisersOf(services, schoolId);
  if (advisers.length === 0) return undefined;
  const until = addDays(schoolNow(services).slice(0, 10), ROUTING_DAYS);
  const free = (await freeSlots(services, schoolId, { pupilId, limit: 1000 })).filter((slot) => datePart(slot.startsAt) <= until);
  const freeMinutes = new Map<string, number>();
  for (const slot of free) freeMinutes.set(slot.adviserId, (freeMinutes.get(slot.adviserId) ?? 0) + slot.minutes);
  const previous = (await heldMeetingsOf(services, schoolId, pupilId))
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
    .map((meeting) => meeting.adviserId)
    .find((adviserId) => advisers.some((adviser) => adviser.id === adviserId));
  if (previous && (freeMinutes.get(previous) ?? 0) > 0) return previous;
  // Ties keep the school's order (careers advisers before the careers leader).
  return advisers.reduce((best, adviser) => ((freeMinutes.get(adviser.id) ?? 0) > (freeMinutes.get(best.id) ?? 0) ? adviser : best)).id;
}

export async function acceptOffer(turn: Turn, data: z.output<typeof requestIdData>): Promise<AdaptiveCard | string> {
  const { services, sender } = turn;
  const stored = await services.meetingTables.requests.get(sender.schoolId, encodeKey(data.requestId));
  if (!stored || stored.item.pupilId !== sender.person.id)
    return 'Sorry, I can’t find that offer among yours. Type “my meeting” to see your meeting.';
  if (stored.item.status === 'booked') {
    // Delivered again: the steps after the booking run again, in case a failure stopped them.
    const booked = await getMeeting(services, sender.schoolId, stored.item.id);
    const slot =
      booked?.item.status === 'booked' && booked.item.slotKey
        ? await services.meetingTables.slots.get(sender.schoolId, booked.item.slotKey)
        : undefined;
    if (booked && slot?.item.meetingId === booked.item.id && booked.item.startsAt > schoolNow(services))
      return afterBooking(turn, { kind: 'booked', meeting: booked.item, slot: slot.item });
    return myMeeting(turn);
  }
  if (stored.item.status === 'withdrawn') return 'That request was withdrawn. Type “book a meeting” to choose a time.';
  if (stored.item.status !== 'offered' || !stored.item.offeredSlotKey)
    return showFreeSlots(turn, {}, 'An adviser hasn’t offered you a time yet. Here are the free times.');
  return bookAndFinish(
    turn,
    { schoolId: sender.schoolId, pupil: sender.person, slotKey: stored.item.offeredSlotKey, meetingId: stored.item.id },
    stored,
  );
}

// --- Advisers and the careers leader

function ageText(requestedOn: IsoDate, today: IsoDate, schoolDays: number): string {
  if (requestedOn === today) return 'asked today';
  if (schoolDays === 0) return 'waiting less than a school day';
  return `waiting ${schoolDays} school day${schoolDays === 1 ? '' : 's'}`;
}

async function queueEntries(turn: Turn, requests: readonly MeetingRequest[]): Promise<QueueEntry[]> {
  const { services, sender } = turn;
  const today = schoolNow(services).slice(0, 10);
  const oldest = requests.reduce((first, request) => (request.requestedAt < first ? request.requestedAt : first), today);
  const terms = await termDatesUntil(services, sender.schoolId, today, datePart(oldest));
  const rows = await Promise.all(requests.map((request) => getMeeting(services, sender.schoolId, request.id)));
  const routedTo = new Map(rows.flatMap((row) => (row ? [[row.item.id, row.item.adviserId] as const] : [])));
  const people = await peopleById(services, sender.schoolId, [...requests.map((request) => request.pupilId), ...routedTo.values()]);
  return requests.map((request) => {
    const pupil = people.get(request.pupilId);
    const adviser = people.get(routedTo.get(request.id) ?? '');
    const requestedOn = datePart(request.requestedAt);
    const offeredAt = request.status === 'offered' && request.offeredSlotKey ? splitCompoundKey(request.offeredSlotKey)[1] : undefined;
    return {
      requestId: request.id,
      pupilName: pupil ? pupilLabel(pupil) : 'A pupil no longer on the roster',
      reason: request.reason,
      preferredTimes: request.preferredTimes,
      // Counted from the day after the request, so a Friday request is one school day old on Monday.
      age: ageText(requestedOn, today, requestedOn < today ? schoolDaysBetween(addDays(requestedOn, 1), today, terms) : 0),
      ...(offeredAt ? { offered: formatUkDateTime(offeredAt) } : {}),
      ...(adviser ? { waitingWith: adviser.id === sender.person.id ? 'you' : fullName(adviser) } : {}),
    };
  });
}

export async function requestQueue(turn: Turn, notice?: string, finish?: FinishAction): Promise<AdaptiveCard> {
  const open = await openRequests(turn.services, turn.sender.schoolId);
  return requestQueueCard(await queueEntries(turn, open), notice, finish);
}

async function offerFormFor(turn: Turn, request: MeetingRequest, error?: string): Promise<AdaptiveCard> {
  const { services, sender } = turn;
  const [entry] = await queueEntries(turn, [request]);
  const mineOnly = sender.person.role === 'careers_leader' ? {} : { adviserId: sender.person.id };
  const slots = await freeSlots(services, sender.schoolId, { pupilId: request.pupilId, limit: OFFER_CHOICES, ...mineOnly });
  return offerFormCard(entry!, await slotChoices(turn, slots), error);
}

const ANSWERED = 'That request has already been answered.';

export async function offerForm(turn: Turn, data: z.output<typeof requestIdData>): Promise<AdaptiveCard | string> {
  const stored = await turn.services.meetingTables.requests.get(turn.sender.schoolId, encodeKey(data.requestId));
  if (!stored) return 'I can’t find that request. Type “requests” to see the ones waiting.';
  if (stored.item.status !== 'open' && stored.item.status !== 'offered') return requestQueue(turn, ANSWERED);
  return offerFormFor(turn, stored.item);
}

export async function sendOffer(turn: Turn, data: z.output<typeof offerData>): Promise<AdaptiveCard | string> {
  const { services, sender } = turn;
  const { requests, slots } = services.meetingTables;
  const stored = await requests.get(sender.schoolId, encodeKey(data.requestId));
  if (!stored) return 'I can’t find that request. Type “requests” to see the ones waiting.';
  const request = stored.item;
  if (request.status !== 'open' && request.status !== 'offered') return requestQueue(turn, ANSWERED);
  const pupils = await peopleById(services, sender.schoolId, [request.pupilId]);
  const pupil = pupils.get(request.pupilId);
  const pupilName = pupil ? fullName(pupil) : 'the pupil';
  const sent = `Offer sent to ${pupilName}.`;
  if (data.slotKey === '') return offerFormFor(turn, request, 'Choose a slot to offer.');

  const slot = await slots.get(sender.schoolId, data.slotKey);
  if (!slot) return offerFormFor(turn, request, 'That slot has just gone. Choose another.');
  if (sender.person.role !== 'careers_leader' && slot.item.adviserId !== sender.person.id)
    return offerFormFor(turn, request, 'Choose one of your own slots.');
  const [choice] = await slotChoices(turn, [slot.item]);
  if (!(request.status === 'offered' && request.offeredSlotKey === data.slotKey)) {
    const now = services.now();
    if (
      slot.item.meetingId !== undefined ||
      slot.item.startsAt <= schoolNow(services) ||
      heldForSomeoneElse(slot.item, request.pupilId, now)
    ) {
      return offerFormFor(turn, request, 'That slot has just gone. Choose another.');
    }
    const held = { ...slot.item, offeredTo: request.pupilId, offeredUntil: new Date(now.getTime() + OFFER_HOLD_MS).toISOString() };
    const heldForPupil = async () => (await slots.get(sender.schoolId, data.slotKey))?.item.offeredTo === request.pupilId;
    const saveOffer = () =>
      requests.replace(
        sender.schoolId,
        { ...request, status: 'offered', offeredSlotKey: data.slotKey, offeredBy: sender.person.id, offeredAt: now.toISOString() },
        stored.etag,
      );
    const offerSaved = async () => {
      const fresh = (await requests.get(sender.schoolId, encodeKey(request.id)))?.item;
      return fresh?.status === 'offered' && fresh.offeredSlotKey === data.slotKey;
    };
    try {
      // The hold comes first, so an offer the pupil can accept always has its slot kept for them.
      if ((await saveOrConfirm(() => slots.replace(sender.schoolId, held, slot.etag), heldForPupil)) === 'unknown')
        return requestQueue(turn, UNSURE_OFFER);
    } catch (error) {
      if (error instanceof ChangedUnderUsError) return offerFormFor(turn, request, 'That slot has just gone. Choose another.');
      throw error;
    }
    try {
      if ((await saveOrConfirm(saveOffer, offerSaved)) === 'unknown') return requestQueue(turn, UNSURE_OFFER);
    } catch (error) {
      await releaseHold(services, sender.schoolId, data.slotKey, request.pupilId).catch(() => undefined);
      if (error instanceof ChangedUnderUsError)
        return requestQueue(turn, 'That request changed at the same moment (the pupil may have booked), so nothing was sent.');
      throw error;
    }
    services.log.info('meeting.offered', { schoolId: sender.schoolId, requestId: request.id, adviserId: slot.item.adviserId });
  }
  // Also on a redelivered tap (or "Finish the offer"): each step is safe to repeat.
  const pending = await runFollowUps(services, { schoolId: sender.schoolId, requestId: request.id }, [
    { name: 'other-holds', run: () => releaseOtherHolds(services, sender.schoolId, request.pupilId, data.slotKey) },
    { name: 'request-row', run: () => reassignRequestRow(services, sender.schoolId, request.id, slot.item.adviserId) },
    {
      name: 'notice',
      pending: `that ${pupilName} gets the offer`,
      run: () => offerPupilSlot({ services, schoolId: sender.schoolId }, request.id, data.slotKey, request.pupilId, choice!),
    },
    { name: 'audit', run: () => audit(turn, 'meeting.offer', request.id) },
  ]);
  if (pending.length === 0) return requestQueue(turn, sent);
  const finish = executeAction('Finish the offer', MEETING_VERBS.offer, { requestId: request.id, slotKey: data.slotKey }, 'positive');
  return requestQueue(turn, unfinished(`Your offer to ${pupilName} is saved`, pending, finish.title), finish);
}

const UNSURE_OFFER =
  'I lost touch with Waypoint’s records part-way, so I can’t tell yet whether your offer was saved. Type “requests” in a minute to see it.';
