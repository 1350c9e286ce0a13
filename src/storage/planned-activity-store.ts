import { odata } from '@azure/data-tables';
import { hasInvitation, invites, isPlanned } from '../domain/planned-activities';
import type { Activity, IsoDate, Person } from '../domain/school';
import { encodeKey } from './keys';
import { ChangedUnderUsError, type Stored } from './school-collection';
import type { SchoolDataStore } from './school-data-store';

// Planned activities live in the activities collection with every held one (the contract's
// activities.csv carries both): what makes one planned is its date, after today, and the year
// groups and/or forms it is for. These are the reads and writes the planning cards build on.

export type PlanRefusal =
  /** Its date is today or before: it is (or would be) held, not planned. */
  | 'not-planned'
  /** Neither year groups nor forms: nobody would be invited. */
  | 'nobody-invited'
  | 'not-found'
  /** Someone changed or cancelled it since it was read: read it again. */
  | 'changed';

export type PlanOutcome = { ok: true } | { ok: false; refused: PlanRefusal };

function refusalOf(activity: Activity, today: IsoDate): PlanRefusal | undefined {
  if (!isPlanned(activity, today)) return 'not-planned';
  if (!hasInvitation(activity)) return 'nobody-invited';
  return undefined;
}

/** Plans an activity once: a repeated delivery of the same card (same id) changes nothing. */
export async function createPlannedActivity(
  school: SchoolDataStore,
  schoolId: string,
  activity: Activity,
  today: IsoDate,
): Promise<PlanOutcome> {
  const refused = refusalOf(activity, today);
  if (refused) return { ok: false, refused };
  await school.collections.activities.createOnce(schoolId, activity);
  return { ok: true };
}

/**
 * Edits or moves a planned activity, only while it is still planned and only if nobody changed it
 * since `etag` was read. Its new date must be after today too.
 */
export async function updatePlannedActivity(
  school: SchoolDataStore,
  schoolId: string,
  activity: Activity,
  etag: string,
  today: IsoDate,
): Promise<PlanOutcome> {
  const stored = await school.collections.activities.get(schoolId, encodeKey(activity.id));
  if (!stored) return { ok: false, refused: 'not-found' };
  if (stored.etag !== etag) return { ok: false, refused: 'changed' };
  const refused = refusalOf(stored.item, today) === 'not-planned' ? 'not-planned' : refusalOf(activity, today);
  if (refused) return { ok: false, refused };
  try {
    await school.collections.activities.replace(schoolId, activity, etag);
  } catch (error) {
    if (error instanceof ChangedUnderUsError) return { ok: false, refused: 'changed' };
    throw error;
  }
  return { ok: true };
}

/**
 * Cancels a planned activity: it is removed, as a plan that will not happen is no record. An
 * activity whose day has come is held and stays (take its attendance, or edit it, instead).
 * Cancelling what is already gone changes nothing. Given the `etag` a card was drawn from, it
 * cancels only that version.
 */
export async function cancelPlannedActivity(
  school: SchoolDataStore,
  schoolId: string,
  activityId: string,
  today: IsoDate,
  etag?: string,
): Promise<PlanOutcome> {
  const stored = await school.collections.activities.get(schoolId, encodeKey(activityId));
  if (!stored) return { ok: true };
  if (!isPlanned(stored.item, today)) return { ok: false, refused: 'not-planned' };
  if (etag !== undefined && etag !== stored.etag) return { ok: false, refused: 'changed' };
  try {
    await school.collections.activities.delete(schoolId, encodeKey(activityId), etag ?? stored.etag);
  } catch (error) {
    if (error instanceof ChangedUnderUsError) return { ok: false, refused: 'changed' };
    throw error;
  }
  return { ok: true };
}

/** The school's planned activities (dated after today), soonest first. */
export async function plannedActivities(school: SchoolDataStore, schoolId: string, today: IsoDate): Promise<Activity[]> {
  const activities = await school.collections.activities.list(schoolId, odata`date gt ${today}`);
  return activities.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** What is coming up for one pupil: planned activities for their year group or their form, soonest first. */
export async function plannedActivitiesFor(
  school: SchoolDataStore,
  schoolId: string,
  pupil: Pick<Person, 'yearGroup' | 'form'>,
  today: IsoDate,
): Promise<Activity[]> {
  return (await plannedActivities(school, schoolId, today)).filter((activity) => invites(activity, pupil));
}

/** One activity with the version read, for a card that edits, moves or cancels it over that version. */
export async function loadPlannedActivity(
  school: SchoolDataStore,
  schoolId: string,
  activityId: string,
): Promise<Stored<Activity> | undefined> {
  return school.collections.activities.get(schoolId, encodeKey(activityId));
}

/** The forms of the pupils on roll, as the roster spells them: what a plan may invite. */
export async function rosterForms(school: SchoolDataStore, schoolId: string, today: IsoDate): Promise<string[]> {
  const pupils = await school.collections.people.list(schoolId, odata`role eq ${'pupil'}`);
  const onRoll = pupils.filter((pupil) => pupil.leftOn === undefined || pupil.leftOn > today);
  return [...new Set(onRoll.flatMap((pupil) => (pupil.form ? [pupil.form] : [])))].sort();
}
