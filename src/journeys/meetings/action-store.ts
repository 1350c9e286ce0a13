import { odata } from '@azure/data-tables';
import { actionIdOf, type FollowedAction } from '../../domain/agreed-actions';
import type { IsoDate, Meeting } from '../../domain/school';
import type { Services } from '../../services';
import { encodeKey } from '../../storage/keys';
import { parseActions } from './outcome-submission';

// Agreed actions with their status (their table is services.meetingTables.actions, codec in
// meeting-codecs.ts): kept in line with the meeting's record, and the queries the journey needs.

/**
 * Brings the meeting's stored actions in line with what its record now says: an action written
 * the same again keeps its status, a changed one starts open again, and rows no longer there go.
 * Safe to run again (a redelivered card, or a follow-up step retried).
 */
export async function syncActionsOfMeeting(services: Services, schoolId: string, meeting: Meeting): Promise<void> {
  const collection = services.meetingTables.actions;
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
  await Promise.all(writes.map((action) => collection.upsert(schoolId, action)));
  const gone = [...stored.values()].filter((action) => !wanted.some((kept) => kept.id === action.id));
  await Promise.all(gone.map((action) => collection.delete(schoolId, encodeKey(action.id))));
}

export async function actionsOfPupil(services: Services, schoolId: string, pupilId: string): Promise<FollowedAction[]> {
  return services.meetingTables.actions.list(schoolId, odata`pupilId eq ${pupilId}`);
}

/** Open actions falling due between two dates (inclusive): what the hourly reminders look for. */
export function openActionsDueFilter(from: IsoDate, to: IsoDate): string {
  return odata`status eq ${'open'} and by ge ${from} and by le ${to}`;
}

/** The open actions an adviser follows up (every adviser's for the careers leader: `adviserId` undefined). */
export async function openActionsOf(services: Services, schoolId: string, adviserId: string | undefined): Promise<FollowedAction[]> {
  const own = adviserId === undefined ? '' : odata` and adviserId eq ${adviserId}`;
  return services.meetingTables.actions.list(schoolId, `${odata`status eq ${'open'}`}${own}`);
}
