import { createHash } from 'node:crypto';
import { odata } from '@azure/data-tables';
import type { Turn } from '../../bot/route';
import { addDays, datePart, isSchoolDay, termDatesCovering, type TermDates } from '../../domain/calendar';
import type { IsoDate, IsoDateTime, Meeting, Person } from '../../domain/school';
import { schoolDateTimeOf } from '../../domain/school-time';
import { partitionFilter } from '../../storage/table-storage';
import type { Services } from '../../services';
import { encodeKey } from '../../storage/keys';
import type { Stored } from '../../storage/school-collection';
import { type MeetingRequest, type Slot } from './meeting-codecs';

// Reads shared by the meeting journeys: the school clock, term dates, meetings, slots, requests, people.
// Every OData query of the meetings lives here; booking-store.ts holds the writes that book, move and cancel.

/** School-local "YYYY-MM-DDTHH:MM" now, from the services' clock (tests move it). */
export function schoolNow(services: Services): IsoDateTime {
  return schoolDateTimeOf(services.now());
}

/** A short stable id from its cause (e.g. the pupil and the Teams activity), so a redelivery finds it. */
export function idFrom(prefix: string, ...parts: string[]): string {
  return `${prefix}${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16).toUpperCase()}`;
}

/** The Teams activity's id: the key that makes a redelivered tap change nothing. */
export function activityKey(turn: Turn): string {
  return turn.context.activity.id ?? `${turn.sender.person.id}:${turn.occurredAt}`;
}

/** Term dates (the school's own, defaults elsewhere) covering today to `until`. */
export async function termDatesUntil(services: Services, schoolId: string, until: IsoDate, from?: IsoDate): Promise<TermDates> {
  const { settings } = await services.settings.get(schoolId);
  const today = schoolNow(services).slice(0, 10);
  return termDatesCovering(from ?? addDays(today, -60), until < today ? today : until, settings.termDates);
}

export async function meetingCutoffHours(services: Services, schoolId: string): Promise<number> {
  return (await services.settings.get(schoolId)).settings.meetingChangeCutoffHours;
}

/** The last school-local moment a pupil may change a meeting: `cutoffHours` before it starts. */
export function changeDeadline(startsAt: IsoDateTime, cutoffHours: number): IsoDateTime {
  // Wall-clock arithmetic, so the rule and the time the card states always agree.
  return new Date(Date.parse(`${startsAt}:00Z`) - cutoffHours * 3_600_000).toISOString().slice(0, 16);
}

export function changeWindowClosed(startsAt: IsoDateTime, now: IsoDateTime, cutoffHours: number): boolean {
  return now > changeDeadline(startsAt, cutoffHours);
}

export async function getMeeting(services: Services, schoolId: string, meetingId: string): Promise<Stored<Meeting> | undefined> {
  return services.school.collections.meetings.get(schoolId, encodeKey(meetingId));
}

/** The pupil's booked meeting still to come, if any (the marker guards the rule; this reads it). */
export async function upcomingMeetingOf(services: Services, schoolId: string, pupilId: string): Promise<Meeting | undefined> {
  const now = schoolNow(services);
  const meetings = await services.school.collections.meetings.list(
    schoolId,
    odata`pupilId eq ${pupilId} and status eq ${'booked'} and startsAt gt ${now}`,
  );
  return meetings.sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
}

/** The pupil's request still waiting for a meeting, if any. */
export async function openRequestOf(services: Services, schoolId: string, pupilId: string): Promise<Stored<MeetingRequest> | undefined> {
  const { requests } = services.meetingTables;
  const open = (await requests.list(schoolId, odata`pupilId eq ${pupilId} and (status eq ${'open'} or status eq ${'offered'})`)).sort(
    (a, b) => a.requestedAt.localeCompare(b.requestedAt),
  );
  return open[0] ? requests.get(schoolId, encodeKey(open[0].id)) : undefined;
}

/** The pupil's meetings that happened or are booked: whom they have seen, or will. */
export function heldMeetingsOf(services: Services, schoolId: string, pupilId: string): Promise<Meeting[]> {
  return services.school.collections.meetings.list(
    schoolId,
    odata`pupilId eq ${pupilId} and (status eq ${'completed'} or status eq ${'missed'} or status eq ${'booked'})`,
  );
}

/** Meetings starting on or after `since` (a date), of one adviser or everyone's. */
export function meetingsSince(services: Services, schoolId: string, since: IsoDate, adviserId?: string): Promise<Meeting[]> {
  const own = adviserId === undefined ? '' : odata` and adviserId eq ${adviserId}`;
  return services.school.collections.meetings.list(schoolId, `${odata`startsAt ge ${since}`}${own}`);
}

/** The booked or completed meetings starting from `from` to before `to`: what the reminder job looks at. */
function remindableFilter(from: IsoDate, to: IsoDate): string {
  return odata`(status eq ${'booked'} or status eq ${'completed'}) and startsAt ge ${from} and startsAt lt ${to}`;
}

export function remindableMeetings(services: Services, schoolId: string, from: IsoDate, to: IsoDate): Promise<Meeting[]> {
  return services.school.collections.meetings.list(schoolId, remindableFilter(from, to));
}

export function schoolsWithRemindableMeetings(services: Services, from: IsoDate, to: IsoDate): Promise<string[]> {
  return services.storage.schoolsHolding('meetings', (schoolId) => `${partitionFilter(schoolId)} and (${remindableFilter(from, to)})`);
}

/** Requests still waiting for a meeting (open, or offered a time), oldest first. */
export async function openRequests(services: Services, schoolId: string): Promise<MeetingRequest[]> {
  const open = await services.meetingTables.requests.list(schoolId, odata`status eq ${'open'} or status eq ${'offered'}`);
  return open.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
}

/** Slots held for the pupil by an adviser's offer. */
export function slotsOfferedTo(services: Services, schoolId: string, pupilId: string): Promise<Slot[]> {
  return services.meetingTables.slots.list(schoolId, odata`offeredTo eq ${pupilId}`);
}

/** School-local bounds on a slot's start: `after` and `before` exclusive, `from` inclusive. */
export interface SlotRange {
  after?: IsoDateTime;
  from?: IsoDateTime;
  before?: IsoDateTime;
  /** One adviser's slots; everyone's when left out. */
  adviserId?: string;
}

/** The slots starting within a range, in no particular order. */
export function slotsIn(services: Services, schoolId: string, range: SlotRange): Promise<Slot[]> {
  const bounds = [
    range.after === undefined ? undefined : odata`startsAt gt ${range.after}`,
    range.from === undefined ? undefined : odata`startsAt ge ${range.from}`,
    range.before === undefined ? undefined : odata`startsAt lt ${range.before}`,
    range.adviserId === undefined ? undefined : odata`adviserId eq ${range.adviserId}`,
  ];
  return services.meetingTables.slots.list(schoolId, bounds.filter((bound) => bound !== undefined).join(' and '));
}

/** True while a slot is held for another pupil who asked for a meeting. */
export function heldForSomeoneElse(slot: Slot, pupilId: string | undefined, now: Date): boolean {
  return slot.offeredTo !== undefined && slot.offeredTo !== pupilId && (slot.offeredUntil ?? '') > now.toISOString();
}

export interface FreeSlotQuery {
  /** Only slots starting at or after this school-local time (never before now). */
  from?: IsoDateTime;
  /** The pupil looking: slots held for them are free to them. */
  pupilId?: string;
  adviserId?: string;
  limit: number;
}

/** The next free slots on school days, soonest first: never a past time, a booked slot, or one held for someone else. */
export async function freeSlots(services: Services, schoolId: string, query: FreeSlotQuery): Promise<Slot[]> {
  const now = schoolNow(services);
  const from: SlotRange = query.from && query.from > now ? { from: query.from } : { after: now };
  const slots = await slotsIn(services, schoolId, { ...from, ...(query.adviserId ? { adviserId: query.adviserId } : {}) });
  const candidates = slots.filter((slot) => slot.meetingId === undefined && !heldForSomeoneElse(slot, query.pupilId, services.now()));
  if (candidates.length === 0) return [];
  const last = candidates.reduce((latest, slot) => (slot.startsAt > latest ? slot.startsAt : latest), now);
  const terms = await termDatesUntil(services, schoolId, datePart(last));
  return candidates
    .filter((slot) => isSchoolDay(datePart(slot.startsAt), terms))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.adviserId.localeCompare(b.adviserId))
    .slice(0, query.limit);
}

/** Roster people by id, looked up together. */
export async function peopleById(services: Services, schoolId: string, ids: Iterable<string>): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(unique.map((id) => services.school.getPerson(schoolId, id)));
  return new Map(found.filter((person) => person !== undefined).map((person) => [person.id, person]));
}

/** Staff who hold guidance meetings: careers advisers first, then the careers leader. */
export async function advisersOf(services: Services, schoolId: string): Promise<Person[]> {
  const people = await services.school.collections.people.list(
    schoolId,
    odata`role eq ${'careers_adviser'} or role eq ${'careers_leader'}`,
  );
  return people.sort((a, b) => (a.role === b.role ? a.id.localeCompare(b.id) : a.role === 'careers_adviser' ? -1 : 1));
}

export async function audit(turn: Turn, action: string, subject: string): Promise<void> {
  await turn.services.audit.record(
    turn.sender.schoolId,
    { actorId: turn.sender.person.id, action, subject, at: turn.occurredAt },
    activityKey(turn),
  );
}
