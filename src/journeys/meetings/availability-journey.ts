import type { AdaptiveCard } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import type { Turn } from '../../bot/route';
import { addDays, datePart, isRealIsoDate } from '../../domain/calendar';
import { messageDetails } from '../../domain/message-details';
import { fullName, type IsoDate } from '../../domain/school';
import { splitCompoundKey } from '../../storage/keys';
import { ChangedUnderUsError } from '../../storage/school-collection';
import { availabilityCard, dayCard, slotFormCard, slotsAddedCard, type AdviserChoice, type SlotRow } from './availability-cards';
import { slotKeyOf, type Slot } from './meeting-codecs';
import { pupilLabel } from './meeting-notices';
import { advisersOf, audit, heldForSomeoneElse, peopleById, schoolNow, slotsIn, termDatesUntil, type SlotRange } from './meeting-store';
import { LATEST_TIME, minutesOf, overlaps, timeOf } from './slot-times';
import { validateSlotForm } from './slot-submission';
import { slotFormData, availabilityData, dayData, removeSlotData } from './meeting-verbs';

// Advisers' availability: add bookable slots (once or weekly to the end of term), see them by
// day, and remove the ones nobody has booked.

const DAYS_PER_PAGE = 10;

const isLeader = (turn: Turn) => turn.sender.person.role === 'careers_leader';

/** Whose diaries the sender runs: their own, or (the careers leader) every adviser's. */
async function adviserChoices(turn: Turn): Promise<AdviserChoice[]> {
  const self = { id: turn.sender.person.id, name: fullName(turn.sender.person) };
  if (!isLeader(turn)) return [self];
  const advisers = await advisersOf(turn.services, turn.sender.schoolId);
  return advisers.map((adviser) => ({ id: adviser.id, name: fullName(adviser) }));
}

export async function slotForm(turn: Turn): Promise<AdaptiveCard> {
  return slotFormCard({ advisers: await adviserChoices(turn), values: {}, today: schoolNow(turn.services).slice(0, 10) });
}

/** “add slots”, “add slots thursday afternoon”, “I'm free next tuesday 2-4”: the form on the day and times named. */
export async function slotFormFromMessage(turn: Turn): Promise<AdaptiveCard> {
  const today = schoolNow(turn.services).slice(0, 10);
  const { date, times } = messageDetails(turn.context.activity.text ?? '', { now: turn.services.now() });
  const values = {
    ...(date && date >= today ? { date } : {}),
    // A start alone ("free at 2") offers the hour from it.
    ...(times ? { start: times.start, end: times.end ?? timeOf(Math.min(minutesOf(times.start) + 60, minutesOf(LATEST_TIME))) } : {}),
  };
  return slotFormCard({ advisers: await adviserChoices(turn), values, today });
}

export async function addSlots(turn: Turn, data: z.output<typeof slotFormData>): Promise<AdaptiveCard> {
  const { services, sender } = turn;
  const advisers = await adviserChoices(turn);
  const now = schoolNow(services);
  const today = now.slice(0, 10);
  const values = { ...data, adviserId: data.adviserId || (advisers.length === 1 ? advisers[0]!.id : '') };
  const anchor = isRealIsoDate(values.date) && values.date > today ? values.date : today;
  // A term is at most about four months long: cover the term the date falls in.
  const terms = await termDatesUntil(services, sender.schoolId, addDays(anchor, 150), today);
  const validation = validateSlotForm(values, { adviserIds: advisers.map((adviser) => adviser.id), now, terms });
  if (!validation.ok) return slotFormCard({ advisers, values, errors: validation.errors, today });

  const { plan } = validation;
  const { slots } = services.meetingTables;
  const first = datePart(plan.starts[0]!);
  const last = datePart(plan.starts.at(-1)!);
  const existing = await slotsIn(services, sender.schoolId, { adviserId: plan.adviserId, from: first, before: addDays(last, 1) });
  const existingKeys = new Set(existing.map((slot) => slotKeyOf(slot.adviserId, slot.startsAt)));
  const created: string[] = [];
  let alreadyThere = 0;
  let clashes = 0;
  for (const startsAt of plan.starts) {
    const slot: Slot = { adviserId: plan.adviserId, startsAt, minutes: plan.minutes, place: plan.place, createdBy: sender.person.id };
    if (existingKeys.has(slotKeyOf(slot.adviserId, startsAt))) alreadyThere++;
    else if (existing.some((other) => overlaps(other, slot))) clashes++;
    else if ((await slots.createOnce(sender.schoolId, slot)) === 'created') created.push(startsAt);
    else alreadyThere++;
  }
  if (created.length > 0) await audit(turn, 'slots.add', `${plan.adviserId}:${created.length}`);
  services.log.info('slots.added', {
    schoolId: sender.schoolId,
    adviserId: plan.adviserId,
    created: created.length,
    alreadyThere,
    clashes,
  });
  return slotsAddedCard({
    adviserName: advisers.find((adviser) => adviser.id === plan.adviserId)?.name ?? '',
    created,
    alreadyThere,
    clashes,
    pastCount: plan.pastCount,
    skippedDates: plan.skippedDates,
    minutes: plan.minutes,
    place: plan.place,
  });
}

/** The sender's slots (the careers leader: everyone's) in a school-local range, as card rows. */
async function slotRows(turn: Turn, range: SlotRange, afterNowOnly: boolean): Promise<SlotRow[]> {
  const { services, sender } = turn;
  const own = isLeader(turn) ? {} : { adviserId: sender.person.id };
  const now = schoolNow(services);
  const slots = (await slotsIn(services, sender.schoolId, { ...range, ...own }))
    .filter((slot) => !afterNowOnly || slot.startsAt > now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.adviserId.localeCompare(b.adviserId));
  const people = await peopleById(
    services,
    sender.schoolId,
    slots.flatMap((slot) => [slot.adviserId, slot.pupilId ?? slot.offeredTo ?? slot.adviserId]),
  );
  return slots.map((slot) => {
    const pupilId = slot.pupilId ?? slot.offeredTo;
    const pupil = pupilId ? people.get(pupilId) : undefined;
    const name = pupil ? pupilLabel(pupil) : 'a pupil';
    const held = slot.meetingId === undefined && heldForSomeoneElse(slot, undefined, services.now());
    const state = slot.meetingId !== undefined ? `Booked: ${name}` : held ? `Offered: ${name}` : 'Free';
    const adviser = people.get(slot.adviserId);
    return {
      slotKey: slotKeyOf(slot.adviserId, slot.startsAt),
      startsAt: slot.startsAt,
      minutes: slot.minutes,
      place: slot.place,
      ...(isLeader(turn) && adviser ? { adviserName: fullName(adviser) } : {}),
      state,
      removable: state === 'Free' && slot.startsAt > now,
    };
  });
}

export async function availability(turn: Turn, data: z.output<typeof availabilityData> = {}, notice?: string): Promise<AdaptiveCard> {
  const now = schoolNow(turn.services);
  const from = data.from && data.from > now ? data.from : now;
  const rows = await slotRows(turn, { after: from }, true);
  const byDay = new Map<IsoDate, SlotRow[]>();
  for (const row of rows) byDay.set(datePart(row.startsAt), [...(byDay.get(datePart(row.startsAt)) ?? []), row]);
  const days = [...byDay].map(([date, dayRows]) => ({ date, rows: dayRows }));
  const next = days[DAYS_PER_PAGE];
  return availabilityCard(days.slice(0, DAYS_PER_PAGE), {
    whose: isLeader(turn) ? 'all advisers' : fullName(turn.sender.person),
    ...(next ? { laterFrom: next.date } : {}),
    ...(notice ? { notice } : {}),
  });
}

export async function slotsOnDay(turn: Turn, data: z.output<typeof dayData>, notice?: string): Promise<AdaptiveCard> {
  const rows = await slotRows(turn, { from: data.date, before: addDays(data.date, 1) }, false);
  return dayCard(data.date, rows, notice);
}

export async function removeSlot(turn: Turn, data: z.output<typeof removeSlotData>): Promise<AdaptiveCard | string> {
  const { services, sender } = turn;
  const [adviserId, startsAt] = splitCompoundKey(data.slotKey);
  if (!adviserId || !startsAt || !isRealIsoDate(startsAt.slice(0, 10))) return 'I can’t find that slot. Type “my slots” to see yours.';
  if (!isLeader(turn) && adviserId !== sender.person.id) return 'Sorry, you can only change your own slots.';
  const date = datePart(startsAt);
  const { slots } = services.meetingTables;
  const stored = await slots.get(sender.schoolId, data.slotKey);
  if (!stored) return slotsOnDay(turn, { date }, 'That slot was already removed.');
  if (stored.item.meetingId !== undefined)
    return 'That slot is booked by a pupil, so I kept it. The pupil can move or cancel their meeting.';
  if (heldForSomeoneElse(stored.item, undefined, services.now()))
    return 'That slot is offered to a pupil who asked for a meeting, so I kept it for now.';
  if (stored.item.startsAt <= schoolNow(services)) return 'That slot has already started, so there is nothing to remove.';
  try {
    await slots.delete(sender.schoolId, data.slotKey, stored.etag);
  } catch (error) {
    if (error instanceof ChangedUnderUsError) return 'That slot changed at the same moment (it may have just been booked), so I kept it.';
    throw error;
  }
  await audit(turn, 'slots.remove', data.slotKey);
  services.log.info('slots.removed', { schoolId: sender.schoolId, adviserId });
  return slotsOnDay(turn, { date }, `Removed ${startsAt.slice(11, 16)}.`);
}
