import { odata } from '@azure/data-tables';
import type { Turn } from '../../bot/route';
import type { Activity } from '../../domain/school';
import { encodeKey } from '../../storage/keys';
import type { Stored } from '../../storage/school-collection';
import type { ActivityDraft } from './encounter-submission';

function activitiesTable(turn: Turn) {
  return turn.services.school.collections.activities;
}

/** The activity id a card creates: its own key, so a second delivery finds it taken. */
export function activityIdFor(draftId: string): string {
  return `A-${draftId}`;
}

/** `recordedBy` is undefined only when editing an imported activity: nobody in Teams recorded it. */
export function activityFromDraft(id: string, draft: ActivityDraft, recordedBy: string | undefined): Activity {
  return {
    id,
    date: draft.date,
    kind: draft.kind,
    title: draft.title,
    ...(draft.providerType ? { providerType: draft.providerType } : {}),
    providerAccess: draft.providerAccess,
    meaningful: draft.meaningful,
    ...(draft.organisation ? { organisation: draft.organisation } : {}),
    checklist: draft.checklist,
    ...(recordedBy ? { recordedBy } : {}),
    ...(draft.partTimeJob ? { partTimeJob: true } : {}),
  };
}

/** Creates the activity once; a repeated delivery of the same card changes nothing. */
export async function createActivity(turn: Turn, activity: Activity): Promise<'created' | 'existed'> {
  const outcome = await activitiesTable(turn).createOnce(turn.sender.schoolId, activity);
  if (outcome === 'created') await auditChange(turn, 'activity.create', activity.id);
  return outcome;
}

export async function loadActivity(turn: Turn, id: string): Promise<Stored<Activity> | undefined> {
  return activitiesTable(turn).get(turn.sender.schoolId, encodeKey(id));
}

/** Replaces the activity only if nobody changed it since it was read (ChangedUnderUsError otherwise). */
export async function replaceActivity(turn: Turn, activity: Activity, etag: string): Promise<void> {
  await activitiesTable(turn).replace(turn.sender.schoolId, activity, etag);
  await auditChange(turn, 'activity.edit', activity.id);
}

/** The careers team may change any activity; a teacher only those they recorded. */
export function mayChange(turn: Turn, activity: Activity): boolean {
  const { role, id } = turn.sender.person;
  return role === 'careers_leader' || role === 'careers_adviser' || activity.recordedBy === id;
}

/** Activities dated from `from` on, newest first. */
export async function activitiesSince(turn: Turn, from: string): Promise<Activity[]> {
  const activities = await activitiesTable(turn).list(turn.sender.schoolId, odata`date ge ${from}`);
  return activities.sort((a, b) => (a.date === b.date ? b.id.localeCompare(a.id) : b.date.localeCompare(a.date)));
}

/** Who did what, ids only; the turn's own activity id keys it so a redelivery records it once. */
export async function auditChange(turn: Turn, action: string, subject: string): Promise<void> {
  await turn.services.audit.record(
    turn.sender.schoolId,
    { actorId: turn.sender.person.id, action, subject, at: turn.occurredAt },
    turn.context.activity.id ?? subject,
  );
}
