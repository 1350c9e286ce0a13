import type { AdaptiveCard } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import type { Turn } from '../../bot/route';
import { executeAction } from '../../cards/adaptive-card';
import type { Meeting } from '../../domain/school';
import { ChangedUnderUsError, type Stored } from '../../storage/school-collection';
import {
  bookSlot,
  markCancelled,
  markerFollowsMove,
  moveBooking,
  releaseCancelled,
  closeRequest,
  releaseOldSlots,
  slotsHeldBy,
  type BookingInput,
  type BookingOutcome,
  type MoveOutcome,
} from './booking-store';
import { calendarStep, joinUrlOf } from './calendar-sync';
import { runFollowUps, saveOrConfirm, unfinished } from './follow-up-steps';
import { MEETING_VERBS, bookData, meetingIdData, moveToData, pickData, slotsData } from './meeting-verbs';
import {
  askCancelCard,
  bookedMeetingCard,
  cancelledCard,
  confirmBookingCard,
  confirmMoveCard,
  freeSlotsCard,
  noMeetingCard,
  SLOT_GONE,
  tooLateMessage,
  type SlotChoice,
  type FinishAction,
  type SlotListMode,
} from './booking-cards';
import { validateTopic } from './booking-submission';
import { slotKeyOf, type MeetingRequest, type Slot } from './meeting-codecs';
import { tellAdviserBooked, tellAdviserCancelled, tellAdvisersMoved, viewOf } from './meeting-notices';
import {
  activityKey,
  audit,
  changeDeadline,
  changeWindowClosed,
  freeSlots,
  getMeeting,
  heldForSomeoneElse,
  idFrom,
  meetingCutoffHours,
  openRequestOf,
  peopleById,
  schoolNow,
  upcomingMeetingOf,
} from './meeting-store';

// The pupil's side, top to bottom: free times, pick, confirm (the atomic booking), then their
// meeting with move and cancel until the school's cut-off.

export const SLOTS_PER_PAGE = 12;
const NOT_YOURS = 'Sorry, I can’t find that meeting among yours. Type “my meeting” to see your meeting.';
const CHANGED = 'Your meeting changed at the same moment, so I didn’t change anything. Type “my meeting” to see it now.';

export async function slotChoices(turn: Turn, slots: readonly Slot[]): Promise<SlotChoice[]> {
  const advisers = await peopleById(
    turn.services,
    turn.sender.schoolId,
    slots.map((slot) => slot.adviserId),
  );
  return slots.map((slot) => ({
    slotKey: slotKeyOf(slot.adviserId, slot.startsAt),
    ...viewOf({ startsAt: slot.startsAt, place: slot.place, durationMinutes: slot.minutes }, advisers.get(slot.adviserId)),
  }));
}

/** A pupil's own meeting, or a message that says nothing about anyone else's. */
async function ownMeeting(turn: Turn, meetingId: string): Promise<Stored<Meeting> | string> {
  const stored = await getMeeting(turn.services, turn.sender.schoolId, meetingId);
  if (!stored || stored.item.pupilId !== turn.sender.person.id) return NOT_YOURS;
  return stored;
}

async function meetingCard(turn: Turn, meeting: Meeting, title: string, notice?: string, finish?: FinishAction): Promise<AdaptiveCard> {
  const cutoff = await meetingCutoffHours(turn.services, turn.sender.schoolId);
  const advisers = await peopleById(turn.services, turn.sender.schoolId, [meeting.adviserId]);
  const joinUrl = await joinUrlOf(turn.services, turn.sender.schoolId, meeting);
  return bookedMeetingCard({
    meetingId: meeting.id,
    ...(joinUrl ? { joinUrl } : {}),
    view: viewOf(meeting, advisers.get(meeting.adviserId)),
    changeUntil: changeDeadline(meeting.startsAt, cutoff),
    changeable: !changeWindowClosed(meeting.startsAt, schoolNow(turn.services), cutoff),
    title,
    ...(notice ? { notice } : {}),
    ...(finish ? { finish } : {}),
  });
}

const ALREADY_BOOKED = 'You already have a careers meeting booked. You can move it or cancel it, but you can only have one at a time.';

export async function showFreeSlots(turn: Turn, data: z.output<typeof slotsData> = {}, notice?: string): Promise<AdaptiveCard | string> {
  const { services, sender } = turn;
  let mode: SlotListMode = { kind: 'book' };
  if (data.meetingId) {
    const own = await ownMeeting(turn, data.meetingId);
    if (typeof own === 'string') return own;
    const changing = await changeableOrWhy(turn, own.item);
    if (typeof changing === 'string') return changing;
    const advisers = await peopleById(services, sender.schoolId, [own.item.adviserId]);
    mode = { kind: 'move', meetingId: own.item.id, current: viewOf(own.item, advisers.get(own.item.adviserId)) };
  } else {
    const upcoming = await upcomingMeetingOf(services, sender.schoolId, sender.person.id);
    if (upcoming) return meetingCard(turn, upcoming, 'Your careers meeting', ALREADY_BOOKED);
  }
  const slots = await freeSlots(services, sender.schoolId, { from: data.from, pupilId: sender.person.id, limit: SLOTS_PER_PAGE + 1 });
  const shown = slots.slice(0, SLOTS_PER_PAGE);
  const next = slots[SLOTS_PER_PAGE];
  return freeSlotsCard({
    slots: await slotChoices(turn, shown),
    mode,
    // From the first time not shown (inclusive), so two advisers' slots at one time are never skipped.
    ...(next ? { laterFrom: next.startsAt } : {}),
    ...(notice ? { notice } : {}),
  });
}

/** A slot this pupil could take now, or undefined when it has gone (booked, removed, past or held for someone else). */
async function availableSlot(turn: Turn, slotKey: string): Promise<Slot | undefined> {
  const stored = await turn.services.meetingTables.slots.get(turn.sender.schoolId, slotKey);
  const slot = stored?.item;
  if (
    !slot ||
    slot.meetingId !== undefined ||
    slot.startsAt <= schoolNow(turn.services) ||
    heldForSomeoneElse(slot, turn.sender.person.id, turn.services.now())
  )
    return undefined;
  return slot;
}

export async function pickSlot(turn: Turn, data: z.output<typeof pickData>): Promise<AdaptiveCard | string> {
  const slot = await availableSlot(turn, data.slotKey);
  if (!slot) return showFreeSlots(turn, { meetingId: data.meetingId }, SLOT_GONE);
  const [choice] = await slotChoices(turn, [slot]);
  if (data.meetingId) {
    const own = await ownMeeting(turn, data.meetingId);
    if (typeof own === 'string') return own;
    const changing = await changeableOrWhy(turn, own.item);
    if (typeof changing === 'string') return changing;
    const advisers = await peopleById(turn.services, turn.sender.schoolId, [own.item.adviserId]);
    return confirmMoveCard(own.item.id, viewOf(own.item, advisers.get(own.item.adviserId)), choice!);
  }
  const upcoming = await upcomingMeetingOf(turn.services, turn.sender.schoolId, turn.sender.person.id);
  if (upcoming) return meetingCard(turn, upcoming, 'Your careers meeting', ALREADY_BOOKED);
  return confirmBookingCard(choice!);
}

export async function confirmBooking(turn: Turn, data: z.output<typeof bookData>): Promise<AdaptiveCard | string> {
  const { services, sender } = turn;
  const stored = await services.meetingTables.slots.get(sender.schoolId, data.slotKey);
  // Pressed twice, or delivered twice: the slot already holds this pupil's meeting. The steps
  // after the booking run again, in case a failure stopped them the first time.
  if (stored?.item.meetingId && stored.item.pupilId === sender.person.id) {
    const mine = await getMeeting(services, sender.schoolId, stored.item.meetingId);
    if (mine && mine.item.pupilId === sender.person.id && mine.item.status === 'booked') {
      return afterBooking(
        turn,
        { kind: 'booked', meeting: mine.item, slot: stored.item },
        await openRequestOf(services, sender.schoolId, sender.person.id),
      );
    }
  }
  const topic = validateTopic(data.topic);
  if (!topic.ok) {
    const slot = await availableSlot(turn, data.slotKey);
    if (!slot) return showFreeSlots(turn, {}, SLOT_GONE);
    const [choice] = await slotChoices(turn, [slot]);
    return confirmBookingCard(choice!, { topic: data.topic }, topic.error);
  }
  const request = await openRequestOf(services, sender.schoolId, sender.person.id);
  // A pupil who asked for a meeting and then books a time themselves: the booking answers the request.
  const meetingId = request?.item.id ?? idFrom('M', sender.person.id, activityKey(turn));
  return bookAndFinish(
    turn,
    { schoolId: sender.schoolId, pupil: sender.person, slotKey: data.slotKey, meetingId, ...(topic.topic ? { topic: topic.topic } : {}) },
    request,
  );
}

/** Books the slot (see bookSlot), then the steps that follow; a booking saved despite a storage error counts as booked. */
export async function bookAndFinish(turn: Turn, booking: BookingInput, request?: Stored<MeetingRequest>): Promise<AdaptiveCard | string> {
  let outcome: BookingOutcome | undefined;
  const saved = await saveOrConfirm(
    async () => (outcome = await bookSlot(turn.services, booking)),
    async () => (await getMeeting(turn.services, booking.schoolId, booking.meetingId))?.item.status === 'booked',
  );
  if (saved === 'unknown') return UNSURE('booked');
  // Saved though storage reported a failure: booking again finds it and goes on.
  return afterBooking(turn, outcome ?? (await bookSlot(turn.services, booking)), request);
}

/** What the pupil sees after a booking attempt, and the steps that follow a successful one (each safe to repeat). */
export async function afterBooking(turn: Turn, outcome: BookingOutcome, request?: Stored<MeetingRequest>): Promise<AdaptiveCard | string> {
  const { services, sender } = turn;
  if (outcome.kind === 'slot-gone') return showFreeSlots(turn, {}, SLOT_GONE);
  if (outcome.kind === 'has-upcoming') {
    const held = await getMeeting(services, sender.schoolId, outcome.meetingId);
    if (held && held.item.status === 'booked') return meetingCard(turn, held.item, 'Your careers meeting', ALREADY_BOOKED);
    return 'You are already booking a careers meeting. Type “my meeting” in a moment to see it.';
  }
  const { meeting } = outcome;
  services.log.info('meeting.booked', {
    schoolId: sender.schoolId,
    meetingId: meeting.id,
    adviserId: meeting.adviserId,
    pupilId: sender.person.id,
  });
  const pending = await runFollowUps(services, { schoolId: sender.schoolId, meetingId: meeting.id }, [
    ...(request ? [{ name: 'request', run: () => closeRequest(turn.services, turn.sender.schoolId, request, meeting.slotKey) }] : []),
    {
      name: 'notice',
      pending: 'that your adviser gets a message about it',
      run: async () => {
        const advisers = await peopleById(services, sender.schoolId, [meeting.adviserId]);
        await tellAdviserBooked({ services, schoolId: sender.schoolId }, meeting, sender.person, advisers.get(meeting.adviserId));
      },
    },
    ...calendarStep(services, sender.schoolId, meeting, 'that it goes in your calendar'),
    { name: 'audit', run: () => audit(turn, 'meeting.book', meeting.id) },
  ]);
  if (pending.length === 0) return meetingCard(turn, meeting, 'Meeting booked');
  const finish = executeAction(
    'Finish booking',
    MEETING_VERBS.book,
    { slotKey: meeting.slotKey ?? '', topic: meeting.topic ?? '' },
    'positive',
  );
  return meetingCard(turn, meeting, 'Meeting booked', unfinished('Your meeting is booked', pending, finish.title), finish);
}

/** The meeting if the pupil may still change it; otherwise what to tell them. */
async function changeableOrWhy(turn: Turn, meeting: Meeting): Promise<Meeting | string> {
  if (meeting.status === 'cancelled') return 'That meeting is already cancelled. Type “book a meeting” to choose another time.';
  if (meeting.status !== 'booked' || meeting.startsAt <= schoolNow(turn.services))
    return 'That meeting has already happened, so it can’t be changed.';
  const cutoff = await meetingCutoffHours(turn.services, turn.sender.schoolId);
  if (changeWindowClosed(meeting.startsAt, schoolNow(turn.services), cutoff)) return tooLateMessage(meeting.startsAt, cutoff);
  return meeting;
}

export async function myMeeting(turn: Turn): Promise<AdaptiveCard> {
  const { services, sender } = turn;
  const upcoming = await upcomingMeetingOf(services, sender.schoolId, sender.person.id);
  if (upcoming) return meetingCard(turn, upcoming, 'Your careers meeting');
  const request = await openRequestOf(services, sender.schoolId, sender.person.id);
  if (!request) return noMeetingCard();
  const offered =
    request.item.status === 'offered' && request.item.offeredSlotKey
      ? await services.meetingTables.slots.get(sender.schoolId, request.item.offeredSlotKey)
      : undefined;
  const stillOffered =
    offered && offered.item.meetingId === undefined && offered.item.offeredTo === sender.person.id
      ? (await slotChoices(turn, [offered.item]))[0]
      : undefined;
  return noMeetingCard({
    requestId: request.item.id,
    requestedAt: request.item.requestedAt.slice(0, 16),
    ...(stillOffered ? { offered: stillOffered } : {}),
  });
}

export async function askCancel(turn: Turn, data: z.output<typeof meetingIdData>): Promise<AdaptiveCard | string> {
  const own = await ownMeeting(turn, data.meetingId);
  if (typeof own === 'string') return own;
  const changing = await changeableOrWhy(turn, own.item);
  if (typeof changing === 'string') return changing;
  const advisers = await peopleById(turn.services, turn.sender.schoolId, [own.item.adviserId]);
  return askCancelCard(own.item.id, viewOf(own.item, advisers.get(own.item.adviserId)));
}

export async function cancelMeeting(turn: Turn, data: z.output<typeof meetingIdData>): Promise<AdaptiveCard | string> {
  const { services, sender } = turn;
  const own = await ownMeeting(turn, data.meetingId);
  if (typeof own === 'string') return own;
  if (own.item.status !== 'cancelled') {
    const changing = await changeableOrWhy(turn, own.item);
    if (typeof changing === 'string') return changing;
    try {
      const saved = await saveOrConfirm(
        () => markCancelled(services, sender.schoolId, own),
        async () => (await getMeeting(services, sender.schoolId, own.item.id))?.item.status === 'cancelled',
      );
      if (saved === 'unknown') return UNSURE('cancelled');
    } catch (error) {
      if (error instanceof ChangedUnderUsError) return CHANGED;
      throw error;
    }
    services.log.info('meeting.cancelled', { schoolId: sender.schoolId, meetingId: own.item.id, pupilId: sender.person.id });
  }
  // Also on a redelivered tap (or "Finish cancelling"): each step is safe to repeat.
  const cancelled: Meeting = { ...own.item, status: 'cancelled' };
  const pending = await runFollowUps(services, { schoolId: sender.schoolId, meetingId: cancelled.id }, [
    {
      name: 'release',
      pending: 'that the time is free for other pupils',
      run: () => releaseCancelled(services, sender.schoolId, cancelled),
    },
    {
      name: 'notice',
      pending: 'that your adviser gets a message about it',
      run: async () => {
        // An old card tapped long after the meeting's time: nothing worth telling anyone.
        if (cancelled.startsAt > schoolNow(services))
          await tellAdviserCancelled({ services, schoolId: sender.schoolId }, cancelled, sender.person);
      },
    },
    ...calendarStep(services, sender.schoolId, cancelled, 'that it comes out of your calendar'),
    { name: 'audit', run: () => audit(turn, 'meeting.cancel', cancelled.id) },
  ]);
  const advisers = await peopleById(services, sender.schoolId, [own.item.adviserId]);
  return cancelledCard(cancelled.id, viewOf(own.item, advisers.get(own.item.adviserId)), pending);
}

/** When storage failed so badly that we cannot tell whether the change was saved. */
const UNSURE = (change: 'booked' | 'cancelled' | 'moved') =>
  `I lost touch with Waypoint’s records part-way, so I can’t tell yet whether your meeting was ${change}. Type “my meeting” ` +
  `in a minute to see it.`;

export async function moveMeeting(turn: Turn, data: z.output<typeof moveToData>): Promise<AdaptiveCard | string> {
  const { services, sender } = turn;
  const own = await ownMeeting(turn, data.meetingId);
  if (typeof own === 'string') return own;
  let moved = own.item;
  let previous: Meeting | undefined;
  if (!(own.item.status === 'booked' && own.item.slotKey === data.slotKey)) {
    const changing = await changeableOrWhy(turn, own.item);
    if (typeof changing === 'string') return changing;
    let outcome: MoveOutcome | undefined;
    const saved = await saveOrConfirm(
      async () => (outcome = await moveBooking(services, sender.schoolId, own, data.slotKey)),
      async () => (await getMeeting(services, sender.schoolId, own.item.id))?.item.slotKey === data.slotKey,
    );
    if (saved === 'unknown') return UNSURE('moved');
    if (outcome?.kind === 'slot-gone') return showFreeSlots(turn, { meetingId: own.item.id }, SLOT_GONE);
    if (outcome?.kind === 'changed') return CHANGED;
    moved = outcome?.meeting ?? (await getMeeting(services, sender.schoolId, own.item.id))!.item;
    previous = own.item;
    services.log.info('meeting.moved', { schoolId: sender.schoolId, meetingId: moved.id, pupilId: sender.person.id });
  }
  // Also on a redelivered tap (or "Finish moving"): each step is safe to repeat. The slot the
  // meeting left still names it until the last step, so a repeat still knows where it was.
  const schoolId = sender.schoolId;
  const pending = await runFollowUps(services, { schoolId, meetingId: moved.id }, [
    { name: 'marker', run: () => markerFollowsMove(services, schoolId, moved) },
    {
      name: 'notice',
      pending: 'that your adviser gets a message about the change',
      run: async () => {
        const left = previous ?? (await meetingBeforeMove(turn, moved));
        if (!left) return;
        const advisers = await peopleById(services, schoolId, [moved.adviserId]);
        await tellAdvisersMoved({ services, schoolId }, left, moved, sender.person, advisers.get(moved.adviserId));
      },
    },
    { name: 'release', pending: 'that your old time is free for other pupils', run: () => releaseOldSlots(services, schoolId, moved) },
    ...calendarStep(services, schoolId, moved, 'that your calendar shows the new time'),
    { name: 'audit', run: () => audit(turn, 'meeting.move', moved.id) },
  ]);
  return meetingCard(
    turn,
    moved,
    'Meeting moved',
    pending.length > 0 ? unfinished('Your meeting has moved', pending, 'Finish moving') : undefined,
    pending.length > 0 ? executeAction('Finish moving', MEETING_VERBS.moveTo, data, 'positive') : undefined,
  );
}

/** Where a moved meeting was, read from the slot it has not yet given back. */
async function meetingBeforeMove(turn: Turn, moved: Meeting): Promise<Meeting | undefined> {
  const [old] = await slotsHeldBy(turn.services, turn.sender.schoolId, moved.id, moved.slotKey);
  return old ? { ...moved, adviserId: old.adviserId, startsAt: old.startsAt } : undefined;
}
