import { odata } from '@azure/data-tables';
import { z } from 'zod/v4';
import { ACTION_OWNERS, actionIdOf, type FollowedAction } from '../../domain/agreed-actions';
import type { IsoDate, Meeting } from '../../domain/school';
import type { Services } from '../../services';
import { encodeKey } from '../../storage/keys';
import { SchoolCollection, type CollectionCodec } from '../../storage/school-collection';
import { parseActions } from './outcome-submission';

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

const cache = new WeakMap<Services, SchoolCollection<FollowedAction>>();

export function followedActions(services: Services): SchoolCollection<FollowedAction> {
  let collection = cache.get(services);
  if (!collection) {
    collection = new SchoolCollection(services.storage, followedActionCodec);
    cache.set(services, collection);
  }
  return collection;
}

/**
 * Brings the meeting's stored actions in line with what its record now says: an action written
 * the same again keeps its status, a changed one starts open again, and rows no longer there go.
 * Safe to run again (a redelivered card, or a follow-up step retried).
 */
export async function syncActionsOfMeeting(services: Services, schoolId: string, meeting: Meeting): Promise<void> {
  const collection = followedActions(services);
  const agreed = meeting.status === 'completed' ? (parseActions(meeting.agreedActions) ?? []) : [];
  const stored = new Map((await collection.list(schoolId, odata`meetingId eq ${meeting.id}`)).map((action) => [action.id, action]));
  const wanted = agreed.map((action, index): FollowedAction => ({
    id: actionIdOf(meeting.id, index + 1),
    meetingId: meeting.id,
    pupilId: meeting.pupilId,
    adviserId: meeting.adviserId,
    who: action.who,
    what: action.what,
    by: action.by,
    status: 'open',
  }));
  const unchanged = (a: FollowedAction, b: FollowedAction) =>
    a.who === b.who && a.what === b.what && a.by === b.by && a.adviserId === b.adviserId;
  const writes = wanted.filter((action) => {
    const existing = stored.get(action.id);
    return !existing || !unchanged(existing, action);
  });
  await Promise.all(
    writes.map((action) =>
      services.storage.table('agreedActions', schoolId).upsertEntity(collection.toEntity(schoolId, action), 'Replace'),
    ),
  );
  const gone = [...stored.values()].filter((action) => !wanted.some((kept) => kept.id === action.id));
  await Promise.all(gone.map((action) => collection.delete(schoolId, encodeKey(action.id))));
}

export async function actionsOfPupil(services: Services, schoolId: string, pupilId: string): Promise<FollowedAction[]> {
  return followedActions(services).list(schoolId, odata`pupilId eq ${pupilId}`);
}

/** Open actions falling due between two dates (inclusive): what the hourly reminders look for. */
export function openActionsDueFilter(from: IsoDate, to: IsoDate): string {
  return odata`status eq ${'open'} and by ge ${from} and by le ${to}`;
}

/** The open actions an adviser follows up (every adviser's for the careers leader: `adviserId` undefined). */
export async function openActionsOf(services: Services, schoolId: string, adviserId: string | undefined): Promise<FollowedAction[]> {
  const own = adviserId === undefined ? '' : odata` and adviserId eq ${adviserId}`;
  return followedActions(services).list(schoolId, `${odata`status eq ${'open'}`}${own}`);
}
