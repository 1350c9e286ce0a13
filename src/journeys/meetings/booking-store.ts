import { odata } from '@azure/data-tables';
import type { IsoDateTime, Meeting, Person } from '../../domain/school';
import { schoolDateTimeOf } from '../../domain/school-time';
import type { SchoolJob } from '../../scheduling/school-jobs';
import type { Services } from '../../services';
import { encodeKey } from '../../storage/keys';
import { ChangedUnderUsError, type Stored } from '../../storage/school-collection';
import { markerPartition, slotKeyOf, type MeetingRequest, type Slot, type UpcomingMarker } from './meeting-codecs';
import { getMeeting, heldForSomeoneElse, schoolNow, slotsOfferedTo } from './meeting-store';

// The storage side of booking, moving and cancelling. Two rules hold under any interleaving of
// taps: a slot holds at most one meeting (claimed by replacing it with its etag), and a pupil
// holds at most one upcoming meeting (a per-pupil marker created once, before the slot is claimed).

/** A marker whose booking never finished (a crash mid-way) stops blocking the pupil after this long. */
const UNFINISHED_BOOKING_MS = 2 * 60_000;

export type BookingOutcome =
  | { kind: 'booked'; meeting: Meeting; slot: Slot }
  | { kind: 'slot-gone' }
  | { kind: 'has-upcoming'; startsAt: IsoDateTime; meetingId: string };

export interface BookingInput {
  schoolId: string;
  pupil: Person;
  slotKey: string;
  /** Derived from the tap (or the request being answered), so a redelivery finds its own booking. */
  meetingId: string;
  topic?: string;
}

export async function bookSlot(services: Services, input: BookingInput): Promise<BookingOutcome> {
  const { slots } = services.meetingTables;
  const { schoolId, pupil, slotKey, meetingId } = input;
  const current = await slots.get(schoolId, slotKey);
  if (!current) return { kind: 'slot-gone' };
  const slot = current.item;
  if (slot.meetingId === meetingId) {
    // This tap already claimed the slot (a redelivery, or a retry after a failure): finish the job.
    return { kind: 'booked', meeting: await writeBookedMeeting(services, input, slot), slot };
  }
  if (slot.meetingId !== undefined || slot.startsAt <= schoolNow(services) || heldForSomeoneElse(slot, pupil.id, services.now()))
    return { kind: 'slot-gone' };

  const marker: UpcomingMarker = {
    pupilId: pupil.id,
    meetingId,
    slotKey,
    startsAt: slot.startsAt,
    createdAt: services.now().toISOString(),
  };
  const held = await claimPupil(services, schoolId, marker);
  if (held) return { kind: 'has-upcoming', startsAt: held.startsAt, meetingId: held.meetingId };

  const claimed: Slot = withoutBooking({ ...slot, meetingId, pupilId: pupil.id, claimedAt: services.now().toISOString() });
  try {
    await slots.replace(schoolId, claimed, current.etag);
  } catch (error) {
    if (!(error instanceof ChangedUnderUsError)) throw error;
    await releasePupil(services, schoolId, marker);
    return { kind: 'slot-gone' };
  }
  return { kind: 'booked', meeting: await writeBookedMeeting(services, input, claimed), slot: claimed };
}

/** Writes the meeting row for a claimed slot: new, or the pupil's `requested` row turned into a booking. */
async function writeBookedMeeting(services: Services, input: BookingInput, slot: Slot): Promise<Meeting> {
  const meetings = services.school.collections.meetings;
  const base = (previous?: Meeting): Meeting => {
    const topic = input.topic || previous?.topic;
    return {
      id: input.meetingId,
      pupilId: input.pupil.id,
      adviserId: slot.adviserId,
      startsAt: slot.startsAt,
      status: 'booked',
      advice: '',
      agreedActions: '',
      slotKey: input.slotKey,
      ...(topic ? { topic } : {}),
      place: slot.place,
      durationMinutes: slot.minutes,
      ...(previous?.requestedAt ? { requestedAt: previous.requestedAt } : {}),
      bookedAt: services.now().toISOString(),
    };
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await getMeeting(services, input.schoolId, input.meetingId);
    if (!existing) {
      const meeting = base();
      if ((await meetings.createOnce(input.schoolId, meeting)) === 'created') return meeting;
      continue;
    }
    if (existing.item.status !== 'requested') return existing.item;
    const meeting = base(existing.item);
    try {
      await meetings.replace(input.schoolId, meeting, existing.etag);
      return meeting;
    } catch (error) {
      if (!(error instanceof ChangedUnderUsError)) throw error;
    }
  }
  throw new ChangedUnderUsError();
}

/**
 * Makes `marker` the pupil's one upcoming meeting. Returns the marker in the way when the pupil
 * already holds (or is at this moment booking) another meeting.
 */
async function claimPupil(services: Services, schoolId: string, marker: UpcomingMarker): Promise<UpcomingMarker | undefined> {
  const { markers } = services.meetingTables;
  const partition = markerPartition(schoolId);
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await markers.createOnce(partition, marker)) === 'created') return undefined;
    const existing = await markers.get(partition, encodeKey(marker.pupilId));
    if (!existing) continue;
    if (existing.item.meetingId === marker.meetingId && existing.item.slotKey === marker.slotKey) return undefined;
    if (await stillHolds(services, schoolId, existing.item)) return existing.item;
    try {
      await markers.delete(partition, encodeKey(marker.pupilId), existing.etag);
    } catch (error) {
      if (!(error instanceof ChangedUnderUsError)) throw error;
    }
  }
  // Three rounds of contention for one pupil: refuse rather than risk two meetings.
  const last = await markers.get(partition, encodeKey(marker.pupilId));
  return last?.item ?? marker;
}

/** Whether a marker still stands for a meeting to come (or a booking in progress). */
async function stillHolds(services: Services, schoolId: string, marker: UpcomingMarker): Promise<boolean> {
  const now = schoolNow(services);
  const meeting = await getMeeting(services, schoolId, marker.meetingId);
  if (meeting && meeting.item.status === 'booked') return meeting.item.startsAt > now;
  if (meeting && meeting.item.status !== 'requested') return false;
  if (marker.startsAt <= now) return false;
  const age = services.now().getTime() - Date.parse(marker.createdAt);
  if (age < UNFINISHED_BOOKING_MS) return true;
  // A booking that stopped after claiming its slot: give the slot back too.
  await freeSlot(services, schoolId, marker.slotKey, marker.meetingId);
  return false;
}

async function releasePupil(services: Services, schoolId: string, marker: Pick<UpcomingMarker, 'pupilId' | 'meetingId'>): Promise<void> {
  const { markers } = services.meetingTables;
  const partition = markerPartition(schoolId);
  const existing = await markers.get(partition, encodeKey(marker.pupilId));
  if (!existing || existing.item.meetingId !== marker.meetingId) return;
  try {
    await markers.delete(partition, encodeKey(marker.pupilId), existing.etag);
  } catch (error) {
    if (!(error instanceof ChangedUnderUsError)) throw error;
  }
}

function withoutBooking(slot: Slot): Slot {
  const { offeredTo: _offeredTo, offeredUntil: _offeredUntil, ...rest } = slot;
  return rest;
}

/** Gives a slot back if `meetingId` still holds it. */
export async function freeSlot(services: Services, schoolId: string, slotKey: string | undefined, meetingId: string): Promise<void> {
  if (!slotKey) return;
  const { slots } = services.meetingTables;
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await slots.get(schoolId, slotKey);
    if (!current || current.item.meetingId !== meetingId) return;
    const { meetingId: _meetingId, pupilId: _pupilId, claimedAt: _claimedAt, ...free } = current.item;
    try {
      await slots.replace(schoolId, free, current.etag);
      return;
    } catch (error) {
      if (!(error instanceof ChangedUnderUsError)) throw error;
    }
  }
}

/** Lifts a request's hold on a slot nobody booked. */
export async function releaseHold(services: Services, schoolId: string, slotKey: string | undefined, pupilId: string): Promise<void> {
  if (!slotKey) return;
  const { slots } = services.meetingTables;
  const current = await slots.get(schoolId, slotKey);
  if (!current || current.item.offeredTo !== pupilId || current.item.meetingId !== undefined) return;
  try {
    await slots.replace(schoolId, withoutBooking(current.item), current.etag);
  } catch (error) {
    if (!(error instanceof ChangedUnderUsError)) throw error;
  }
}

/** Slots still held for the pupil from an earlier offer: found by the pupil, so a repeat still finds them. */
export async function releaseOtherHolds(services: Services, schoolId: string, pupilId: string, offeredSlotKey: string): Promise<void> {
  for (const slot of await slotsOfferedTo(services, schoolId, pupilId)) {
    const key = slotKeyOf(slot.adviserId, slot.startsAt);
    if (key !== offeredSlotKey) await releaseHold(services, schoolId, key, pupilId);
  }
}

/** The request's meetings.csv row names the adviser who offered a time. */
export async function reassignRequestRow(services: Services, schoolId: string, meetingId: string, adviserId: string): Promise<void> {
  const meetings = services.school.collections.meetings;
  const row = await meetings.get(schoolId, encodeKey(meetingId));
  if (!row || row.item.status !== 'requested' || row.item.adviserId === adviserId) return;
  await meetings.replace(schoolId, { ...row.item, adviserId }, row.etag).catch((error: unknown) => {
    if (!(error instanceof ChangedUnderUsError)) throw error;
  });
}

/** A request answered by a booking: marked booked, and a slot offered for it but not booked given back. */
export async function closeRequest(
  services: Services,
  schoolId: string,
  request: Stored<MeetingRequest>,
  bookedSlotKey: string | undefined,
): Promise<void> {
  const { requests } = services.meetingTables;
  if (request.item.offeredSlotKey !== bookedSlotKey)
    await releaseHold(services, schoolId, request.item.offeredSlotKey, request.item.pupilId);
  try {
    await requests.replace(schoolId, { ...request.item, status: 'booked' }, request.etag);
  } catch (error) {
    if (!(error instanceof ChangedUnderUsError)) throw error;
    const fresh = await requests.get(schoolId, encodeKey(request.item.id));
    if (fresh && fresh.item.status !== 'booked') await requests.replace(schoolId, { ...fresh.item, status: 'booked' }, fresh.etag);
  }
}

/** Marks a booked meeting cancelled (etag-checked); releaseCancelled does the rest. */
export async function markCancelled(services: Services, schoolId: string, stored: Stored<Meeting>): Promise<Meeting> {
  const cancelled: Meeting = { ...stored.item, status: 'cancelled' };
  await services.school.collections.meetings.replace(schoolId, cancelled, stored.etag);
  return cancelled;
}

/** What follows a cancellation, safe to run again: its slot given back and the pupil free to book. */
export async function releaseCancelled(services: Services, schoolId: string, meeting: Meeting): Promise<void> {
  await freeSlotsHeldBy(services, schoolId, meeting.id);
  await releasePupil(services, schoolId, { pupilId: meeting.pupilId, meetingId: meeting.id });
}

/** Clears the pupil's marker once a meeting is over (attended or missed). */
export async function meetingOver(services: Services, schoolId: string, meeting: Meeting): Promise<void> {
  await releasePupil(services, schoolId, { pupilId: meeting.pupilId, meetingId: meeting.id });
}

/** The slots `meetingId` holds, apart from `keep`: what a move or cancellation that stopped half-way left behind. */
export async function slotsHeldBy(services: Services, schoolId: string, meetingId: string, keep?: string): Promise<Slot[]> {
  const held = await services.meetingTables.slots.list(schoolId, odata`meetingId eq ${meetingId}`);
  return held.filter((slot) => slotKeyOf(slot.adviserId, slot.startsAt) !== keep);
}

async function freeSlotsHeldBy(services: Services, schoolId: string, meetingId: string, keep?: string): Promise<void> {
  for (const slot of await slotsHeldBy(services, schoolId, meetingId, keep))
    await freeSlot(services, schoolId, slotKeyOf(slot.adviserId, slot.startsAt), meetingId);
}

export type MoveOutcome = { kind: 'moved'; meeting: Meeting } | { kind: 'slot-gone' } | { kind: 'changed' };

/**
 * Moves a booked meeting to another free slot: the new slot is claimed first, so a lost race
 * changes nothing. The journey then runs markerFollowsMove and releaseOldSlots, which are safe to repeat.
 */
export async function moveBooking(services: Services, schoolId: string, stored: Stored<Meeting>, slotKey: string): Promise<MoveOutcome> {
  const { slots } = services.meetingTables;
  const meeting = stored.item;
  const current = await slots.get(schoolId, slotKey);
  if (!current) return { kind: 'slot-gone' };
  if (current.item.meetingId !== meeting.id) {
    if (
      current.item.meetingId !== undefined ||
      current.item.startsAt <= schoolNow(services) ||
      heldForSomeoneElse(current.item, meeting.pupilId, services.now())
    ) {
      return { kind: 'slot-gone' };
    }
    try {
      await slots.replace(
        schoolId,
        withoutBooking({ ...current.item, meetingId: meeting.id, pupilId: meeting.pupilId, claimedAt: services.now().toISOString() }),
        current.etag,
      );
    } catch (error) {
      if (error instanceof ChangedUnderUsError) return { kind: 'slot-gone' };
      throw error;
    }
  }
  const slot = current.item;
  const moved: Meeting = {
    ...meeting,
    adviserId: slot.adviserId,
    startsAt: slot.startsAt,
    slotKey,
    place: slot.place,
    durationMinutes: slot.minutes,
    bookedAt: services.now().toISOString(),
  };
  try {
    await services.school.collections.meetings.replace(schoolId, moved, stored.etag);
  } catch (error) {
    if (!(error instanceof ChangedUnderUsError)) throw error;
    await freeSlot(services, schoolId, slotKey, meeting.id);
    return { kind: 'changed' };
  }
  return { kind: 'moved', meeting: moved };
}

/** The pupil's marker follows a moved meeting to its new time; safe to run again. */
export async function markerFollowsMove(services: Services, schoolId: string, moved: Meeting): Promise<void> {
  const { markers } = services.meetingTables;
  const partition = markerPartition(schoolId);
  const marker = await markers.get(partition, encodeKey(moved.pupilId));
  if (!marker || marker.item.meetingId !== moved.id || !moved.slotKey || marker.item.slotKey === moved.slotKey) return;
  await markers
    .replace(partition, { ...marker.item, slotKey: moved.slotKey, startsAt: moved.startsAt }, marker.etag)
    .catch((error: unknown) => {
      if (!(error instanceof ChangedUnderUsError)) throw error;
    });
}

/** Gives back the slots a moved meeting left (its old one); safe to run again. */
export async function releaseOldSlots(services: Services, schoolId: string, moved: Meeting): Promise<void> {
  await freeSlotsHeldBy(services, schoolId, moved.id, moved.slotKey);
}

/** The hourly sweep, for each school with slots to come (markers' partitions aside). */
export const orphanedSlotsJob: SchoolJob<number> = {
  name: 'orphaned-slots',
  schools: (services, now) =>
    services.storage.schoolsHolding('slots', (schoolId) => odata`PartitionKey eq ${schoolId} and startsAt gt ${schoolDateTimeOf(now)}`),
  runForSchool: (services, schoolId) => sweepOrphanedSlots(services, schoolId),
};

/**
 * Frees the school's future slots that hold no live meeting: a booking, move or cancellation that
 * stopped half-way (storage failed, the instance died) and was never tapped again. A slot claimed
 * in the last few minutes is left alone: its booking may still be under way. Returns how many.
 */
export async function sweepOrphanedSlots(services: Services, schoolId: string): Promise<number> {
  const { slots } = services.meetingTables;
  const now = schoolNow(services);
  const settled = new Date(services.now().getTime() - UNFINISHED_BOOKING_MS).toISOString();
  let freed = 0;
  for (const slot of await slots.list(schoolId, odata`startsAt gt ${now}`)) {
    if (slot.meetingId === undefined || (slot.claimedAt ?? '') > settled) continue;
    const slotKey = slotKeyOf(slot.adviserId, slot.startsAt);
    const meeting = await getMeeting(services, schoolId, slot.meetingId);
    if (meeting && meeting.item.slotKey === slotKey && meeting.item.status === 'booked') continue;
    await freeSlot(services, schoolId, slotKey, slot.meetingId);
    const pupilId = meeting?.item.pupilId ?? slot.pupilId;
    if (pupilId && meeting?.item.status !== 'booked') await releasePupil(services, schoolId, { pupilId, meetingId: slot.meetingId });
    freed++;
  }
  return freed;
}
