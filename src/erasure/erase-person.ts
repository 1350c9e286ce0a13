// Erasure (docs/school-data-format.md, "Erasure"): every stored record that names a
// person goes, in every table; curriculum links and pupils' meetings stay as evidence with the
// member of staff shown as "a former member of staff"; one audit entry without personal data; a
// tombstone without it (storage/erased-people.ts) keeps running instances from writing them back.
// Planned first (a dry run prints the plan), then applied step by step. The roster row goes last,
// so an erasure stopped part-way can simply be run again.
import { randomUUID } from 'node:crypto';
import { odata, type TableEntityResult } from '@azure/data-tables';
import { FORMER_STAFF_ID, type Person } from '../domain/school';
import { feedbackOfPupil } from '../journeys/feedback/feedback-store';
import { markerPartition, slotKeyOf } from '../journeys/meetings/meeting-codecs';
import type { Services } from '../services';
import { personalChatKey } from '../storage/conversation-store';
import { encodeKey } from '../storage/keys';
import type { SchoolCollection } from '../storage/school-collection';
import { partitionFilter, type TableName } from '../storage/table-storage';
import { personMentions, withoutId } from './person-mentions';

/** What replaces an erased person's id where a record about someone else keeps a trace of them (the audit trail). */
export const ERASED_PERSON_ID = 'erased-person';

export interface ErasureStep {
  table: TableName;
  /** Records removed, or kept with the person taken out of them. */
  effect: 'removed' | 'kept without them';
  count: number;
  apply(): Promise<void>;
}

export interface ErasurePlan {
  schoolId: string;
  person: Person;
  steps: ErasureStep[];
}

type Entity = TableEntityResult<Record<string, unknown>>;

/** Everything erasing the person would do, changing nothing yet; undefined when the school has no such person. */
export async function planErasure(services: Services, schoolId: string, personId: string): Promise<ErasurePlan | undefined> {
  const stored = await services.school.people.get(schoolId, encodeKey(personId));
  if (!stored) return undefined;
  const person = stored.item;
  const mentions = personMentions(person);
  const { storage } = services;
  const collections = services.school.collections;
  const { slots, requests, markers } = services.meetingTables;
  const id = person.id;
  const steps: ErasureStep[] = [];
  const add = (table: TableName, effect: ErasureStep['effect'], items: readonly unknown[], apply: () => Promise<unknown>) => {
    if (items.length > 0) steps.push({ table, effect, count: items.length, apply: async () => void (await apply()) });
  };
  const rewrite = <T extends object>(collection: SchoolCollection<T>, items: readonly T[]) =>
    Promise.all(items.map((item) => collection.upsert(schoolId, item)));

  const attendance = await collections.attendance.list(schoolId, odata`pupilId eq ${id}`);
  add('attendance', 'removed', attendance, () => Promise.all(attendance.map((row) => collections.attendance.deleteItem(schoolId, row))));

  const meetings = await collections.meetings.list(schoolId, odata`pupilId eq ${id} or adviserId eq ${id} or outcomeRecordedBy eq ${id}`);
  const ownMeetings = meetings.filter((meeting) => meeting.pupilId === id);
  const staffedMeetings = meetings
    .filter((meeting) => meeting.pupilId !== id)
    .map(({ outcomeRecordedBy, ...meeting }) => ({
      ...meeting,
      adviserId: meeting.adviserId === id ? FORMER_STAFF_ID : meeting.adviserId,
      ...(outcomeRecordedBy !== undefined && outcomeRecordedBy !== id ? { outcomeRecordedBy } : {}),
    }));
  add('meetings', 'removed', ownMeetings, () =>
    Promise.all(ownMeetings.map((meeting) => collections.meetings.delete(schoolId, encodeKey(meeting.id)))),
  );
  add('meetings', 'kept without them', staffedMeetings, () => rewrite(collections.meetings, staffedMeetings));
  // Their meetings' calendar events as Waypoint knows them (ids, the adviser's mailbox, a join link); the events stay in Exchange.
  const calendarRows =
    (await services.calendar?.heldFor(
      schoolId,
      meetings.map((meeting) => meeting.id),
    )) ?? [];
  add('calendarEvents', 'removed', calendarRows, () => services.calendar!.forget(schoolId, calendarRows));

  // Their own diary goes; a slot they held (booked or offered) is freed for someone else.
  const touchedSlots = await slots.list(
    schoolId,
    odata`adviserId eq ${id} or pupilId eq ${id} or offeredTo eq ${id} or createdBy eq ${id}`,
  );
  const ownSlots = touchedSlots.filter((slot) => slot.adviserId === id);
  const freedSlots = touchedSlots
    .filter((slot) => slot.adviserId !== id)
    .map(({ meetingId, pupilId, offeredTo, offeredUntil, ...slot }) => ({
      ...slot,
      createdBy: slot.createdBy === id ? FORMER_STAFF_ID : slot.createdBy,
      ...(pupilId !== undefined && pupilId !== id ? { pupilId, ...(meetingId !== undefined ? { meetingId } : {}) } : {}),
      ...(offeredTo !== undefined && offeredTo !== id ? { offeredTo, ...(offeredUntil !== undefined ? { offeredUntil } : {}) } : {}),
    }));
  add('slots', 'removed', ownSlots, () =>
    Promise.all(ownSlots.map((slot) => slots.delete(schoolId, slotKeyOf(slot.adviserId, slot.startsAt)))),
  );
  add('slots', 'kept without them', freedSlots, () => rewrite(slots, freedSlots));
  const marker = await markers.get(markerPartition(schoolId), encodeKey(id));
  add('slots', 'removed', marker ? [marker] : [], () => markers.delete(markerPartition(schoolId), encodeKey(id)));

  const touchedRequests = await requests.list(schoolId, odata`pupilId eq ${id} or offeredBy eq ${id}`);
  const ownRequests = touchedRequests.filter((request) => request.pupilId === id);
  const offeredRequests = touchedRequests
    .filter((request) => request.pupilId !== id)
    .map(({ offeredBy: _offeredBy, ...request }) => request);
  add('meetingRequests', 'removed', ownRequests, () =>
    Promise.all(ownRequests.map((request) => requests.delete(schoolId, encodeKey(request.id)))),
  );
  add('meetingRequests', 'kept without them', offeredRequests, () => rewrite(requests, offeredRequests));

  const destinations = await collections.destinations.list(schoolId, odata`pupilId eq ${id}`);
  add('destinations', 'removed', destinations, () =>
    Promise.all(destinations.map((destination) => collections.destinations.deleteItem(schoolId, destination))),
  );

  // Their agreed actions go with their meetings; an adviser's stay with the pupil, the adviser unnamed.
  const actionRows = services.meetingTables.actions;
  const touchedActions = await actionRows.list(schoolId, odata`pupilId eq ${id} or adviserId eq ${id} or doneBy eq ${id}`);
  const ownActions = touchedActions.filter((action) => action.pupilId === id);
  const staffedActions = touchedActions
    .filter((action) => action.pupilId !== id)
    .map(({ doneBy, ...action }) => ({
      ...action,
      adviserId: action.adviserId === id ? FORMER_STAFF_ID : action.adviserId,
      ...(doneBy !== undefined && doneBy !== id ? { doneBy } : {}),
    }));
  add('agreedActions', 'removed', ownActions, () => Promise.all(ownActions.map((action) => actionRows.deleteItem(schoolId, action))));
  add('agreedActions', 'kept without them', staffedActions, () => rewrite(actionRows, staffedActions));

  const feedback = await feedbackOfPupil(services, schoolId, id);
  add('pupilFeedback', 'removed', feedback, () =>
    Promise.all(feedback.map((answer) => services.pupilFeedback.deleteItem(schoolId, answer))),
  );

  const links = (await collections.links.list(schoolId, odata`teacherId eq ${id}`)).map((link) => ({
    ...link,
    teacherId: FORMER_STAFF_ID,
  }));
  add('links', 'kept without them', links, () => rewrite(collections.links, links));

  // Who took a plan's attendance becomes a former member of staff: the plan stays taken.
  const activities = (await collections.activities.list(schoolId, odata`recordedBy eq ${id} or attendanceTakenBy eq ${id}`)).map(
    ({ recordedBy, ...activity }) => ({
      ...activity,
      ...(recordedBy !== undefined && recordedBy !== id ? { recordedBy } : {}),
      ...(activity.attendanceTakenBy === id ? { attendanceTakenBy: FORMER_STAFF_ID } : {}),
    }),
  );
  add('activities', 'kept without them', activities, () => rewrite(collections.activities, activities));

  const linkedIdentities = () => entities(services, schoolId, 'identities', odata`schoolId eq ${schoolId} and personId eq ${id}`);
  // Found again when applied: an instance may have linked them since the plan (before the tombstone).
  add('identities', 'removed', await linkedIdentities(), async () => deleteAll(services, schoolId, 'identities', await linkedIdentities()));

  const chat = await services.conversations.find(schoolId, personalChatKey(id));
  add('conversations', 'removed', chat ? [chat] : [], () => services.conversations.remove(schoolId, personalChatKey(id)));

  // Proactive messages to them, or naming them in their cards (e.g. an adviser told of their request).
  const messages = (await entities(services, schoolId, 'outbox', partitionFilter(schoolId))).filter((entity) =>
    mentions(`${entity.rowKey} ${String(entity['message'])}`),
  );
  add('outbox', 'removed', messages, () => Promise.all(messages.map((entity) => services.outbox.remove(schoolId, entity.rowKey!))));

  const optOut = (await entities(services, schoolId, 'settings', partitionFilter(schoolId))).filter(
    (entity) => entity.rowKey === `nudge-opt-out|${encodeKey(id)}`,
  );
  add('settings', 'removed', optOut, () => deleteAll(services, schoolId, 'settings', optOut));
  const { settings, etag } = await services.settings.get(schoolId);
  const leader = settings.careersLeader;
  if (mentions(`${leader.name ?? ''} ${leader.email ?? ''}`)) {
    add('settings', 'kept without them', [leader], () => services.settings.save(schoolId, { ...settings, careersLeader: {} }, etag));
  }

  const channels = (await entities(services, schoolId, 'channels', partitionFilter(schoolId))).filter(
    (entity) => entity['registeredBy'] === id,
  );
  add('channels', 'kept without them', channels, () =>
    Promise.all(
      channels.map((entity) => storage.table('channels').upsertEntity({ ...ownFields(entity), registeredBy: FORMER_STAFF_ID }, 'Replace')),
    ),
  );

  const audit = (await entities(services, schoolId, 'audit', partitionFilter(schoolId))).filter(
    (entity) => entity['actorId'] === id || mentions(String(entity['subject'] ?? '')),
  );
  add('audit', 'kept without them', audit, () =>
    Promise.all(
      audit.map((entity) =>
        storage.table('audit', schoolId).upsertEntity(
          {
            ...ownFields(entity),
            actorId: entity['actorId'] === id ? ERASED_PERSON_ID : entity['actorId'],
            subject: withoutId(String(entity['subject'] ?? ''), id, ERASED_PERSON_ID),
          },
          'Replace',
        ),
      ),
    ),
  );

  // Last: until this runs, the person can be found and the erasure run again.
  add('people', 'removed', [person], () => services.school.eraseFromRoster(schoolId, person));
  return { schoolId, person, steps };
}

/**
 * Applies the plan and writes one audit entry that names nobody. The tombstone comes first: from
 * then on no instance, whatever it has cached, writes the person's identity or chat again.
 */
export async function applyErasure(services: Services, plan: ErasurePlan, actorId: string): Promise<void> {
  await services.erasedPeople.record(plan.schoolId, plan.person.id, services.now());
  for (const step of plan.steps) await step.apply();
  const records = plan.steps.reduce((total, step) => total + step.count, 0);
  const at = services.now().toISOString();
  await services.audit.record(
    plan.schoolId,
    { actorId, action: 'erase', subject: `a ${plan.person.role.replace('_', ' ')}: ${records} records`, at },
    randomUUID(),
  );
  services.log.info('erasure.done', { schoolId: plan.schoolId, records });
}

/** One line per table: "attendance: 3 removed". */
export function describeErasure(plan: ErasurePlan): string[] {
  return plan.steps.map((step) => `${step.table}: ${step.count} ${step.effect}`);
}

async function entities(services: Services, schoolId: string, table: TableName, filter: string): Promise<Entity[]> {
  const found: Entity[] = [];
  for await (const entity of services.storage.tableFor(table, schoolId).listEntities<Record<string, unknown>>({ queryOptions: { filter } }))
    found.push(entity);
  return found;
}

async function deleteAll(services: Services, schoolId: string, table: TableName, found: readonly Entity[]): Promise<void> {
  await Promise.all(
    found.map((entity) =>
      services.storage
        .tableFor(table, schoolId)
        .deleteEntity(entity.partitionKey!, entity.rowKey!)
        .catch(() => undefined),
    ),
  );
}

function ownFields(entity: Entity): { partitionKey: string; rowKey: string } & Record<string, unknown> {
  const { etag: _etag, timestamp: _timestamp, ...fields } = entity as Entity & { timestamp?: string };
  return { ...fields, partitionKey: entity.partitionKey!, rowKey: entity.rowKey! };
}
