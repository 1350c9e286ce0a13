import { z } from 'zod/v4';
import { ACTION_OWNERS, type FollowedAction } from '../../domain/agreed-actions';
import type { IsoDateTime } from '../../domain/school';
import { compoundKey, encodeKey } from '../../storage/keys';
import { SchoolCollection, type CollectionCodec } from '../../storage/school-collection';
import type { TableStorage } from '../../storage/table-storage';

// The Teams-only records behind guidance meetings: advisers' bookable slots, pupils' requests,
// and the per-pupil marker that makes "one upcoming meeting each" hold under concurrent taps.

/** A bookable time in an adviser's diary. Booking claims it with its etag, so only one pupil wins. */
export interface Slot {
  adviserId: string;
  /** School-local "YYYY-MM-DDTHH:MM". */
  startsAt: IsoDateTime;
  minutes: number;
  place: string;
  /** Who added it: the adviser, or the careers leader on their behalf. */
  createdBy: string;
  /** Set while a meeting holds the slot. */
  meetingId?: string;
  pupilId?: string;
  /** ISO instant the meeting claimed it: a sweep leaves a slot claimed moments ago to its booking. */
  claimedAt?: string;
  /** Held for a pupil who asked for a meeting, until the ISO instant `offeredUntil`. */
  offeredTo?: string;
  offeredUntil?: string;
}

export type MeetingRequestStatus = 'open' | 'offered' | 'booked' | 'withdrawn';

/** A pupil's "nothing suits me" request; `id` is also the id of its meetings.csv row. */
export interface MeetingRequest {
  id: string;
  pupilId: string;
  reason: string;
  preferredTimes: string;
  /** ISO instant. */
  requestedAt: string;
  status: MeetingRequestStatus;
  offeredSlotKey?: string;
  offeredBy?: string;
  offeredAt?: string;
}

/** "This pupil holds (or is booking) this meeting": created once per pupil, so a second booking finds it taken. */
export interface UpcomingMarker {
  pupilId: string;
  meetingId: string;
  slotKey: string;
  startsAt: IsoDateTime;
  /** ISO instant; a marker whose booking never finished is cleared once it is old. */
  createdAt: string;
}

export function slotKeyOf(adviserId: string, startsAt: IsoDateTime): string {
  return compoundKey(adviserId, startsAt);
}

export const slotCodec: CollectionCodec<Slot> = {
  table: 'slots',
  rowKey: (slot) => slotKeyOf(slot.adviserId, slot.startsAt),
  schema: z.object({
    adviserId: z.string(),
    startsAt: z.string(),
    minutes: z.number().int(),
    place: z.string(),
    createdBy: z.string(),
    meetingId: z.string().optional(),
    pupilId: z.string().optional(),
    claimedAt: z.string().optional(),
    offeredTo: z.string().optional(),
    offeredUntil: z.string().optional(),
  }),
};

export const meetingRequestCodec: CollectionCodec<MeetingRequest> = {
  table: 'meetingRequests',
  rowKey: (request) => encodeKey(request.id),
  schema: z.object({
    id: z.string(),
    pupilId: z.string(),
    reason: z.string(),
    preferredTimes: z.string(),
    requestedAt: z.string(),
    status: z.enum(['open', 'offered', 'booked', 'withdrawn']),
    offeredSlotKey: z.string().optional(),
    offeredBy: z.string().optional(),
    offeredAt: z.string().optional(),
  }),
};

export const upcomingMarkerCodec: CollectionCodec<UpcomingMarker> = {
  table: 'slots',
  rowKey: (marker) => encodeKey(marker.pupilId),
  schema: z.object({ pupilId: z.string(), meetingId: z.string(), slotKey: z.string(), startsAt: z.string(), createdAt: z.string() }),
};

/**
 * Markers live in the slots table under their own partition, so a scan of a school's slots never
 * meets one and the two kinds never share a row key.
 */
export function markerPartition(schoolId: string): string {
  return `${schoolId}|upcoming`;
}

// Agreed actions with their status, one row each, kept beside the meeting that agreed them.
// meetings.csv carries only the meeting's text (agreed_actions); status is Teams-only.
export const followedActionCodec: CollectionCodec<FollowedAction> = {
  table: 'agreedActions',
  rowKey: (action) => encodeKey(action.id),
  schema: z.object({
    id: z.string(),
    meetingId: z.string(),
    pupilId: z.string(),
    adviserId: z.string(),
    who: z.enum(ACTION_OWNERS),
    what: z.string(),
    by: z.string(),
    status: z.enum(['open', 'done']),
    doneAt: z.string().optional(),
    doneBy: z.string().optional(),
  }),
};

export interface MeetingTables {
  slots: SchoolCollection<Slot>;
  requests: SchoolCollection<MeetingRequest>;
  markers: SchoolCollection<UpcomingMarker>;
  actions: SchoolCollection<FollowedAction>;
}

/** Built once, in services.ts (`services.meetingTables`). */
export function openMeetingTables(storage: TableStorage): MeetingTables {
  return {
    slots: new SchoolCollection(storage, slotCodec),
    requests: new SchoolCollection(storage, meetingRequestCodec),
    markers: new SchoolCollection(storage, upcomingMarkerCodec),
    actions: new SchoolCollection(storage, followedActionCodec),
  };
}
