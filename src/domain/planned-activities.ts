// Planned activities (docs/benchmark-rules.md, "The plan and the forecast"): an activity dated after today,
// with the year groups and/or forms it is for. It never counts as an encounter until it is held
// and its attendance taken; until then the forecast counts it as attended by everyone invited.

import type { Activity, IsoDate, Person } from './school';

/** Planned, not held: its day is still to come. */
export function isPlanned(activity: Pick<Activity, 'date'>, today: IsoDate): boolean {
  return activity.date > today;
}

export function hasInvitation(activity: Pick<Activity, 'invitedYearGroups' | 'invitedForms'>): boolean {
  return (activity.invitedYearGroups?.length ?? 0) > 0 || (activity.invitedForms?.length ?? 0) > 0;
}

/** Forms match ignoring case and surrounding spaces ("10b" is 10B). */
export function formKey(form: string): string {
  return form.trim().toUpperCase();
}

/** Whether the activity is for this pupil: their year group or their form is invited. */
export function invites(
  activity: Pick<Activity, 'invitedYearGroups' | 'invitedForms'>,
  pupil: Pick<Person, 'yearGroup' | 'form'>,
): boolean {
  if (pupil.yearGroup !== undefined && activity.invitedYearGroups?.includes(pupil.yearGroup)) return true;
  if (pupil.form === undefined || activity.invitedForms === undefined) return false;
  const form = formKey(pupil.form);
  return activity.invitedForms.some((invited) => formKey(invited) === form);
}

/**
 * A plan whose day has passed and whose attendance is still to be taken: it was for someone, and
 * nobody has taken its attendance (from its card, or any other way).
 */
export function waitsForAttendance(
  activity: Pick<Activity, 'date' | 'invitedYearGroups' | 'invitedForms' | 'attendanceTakenBy'>,
  today: IsoDate,
  hasAttendance: boolean,
): boolean {
  return activity.date < today && hasInvitation(activity) && activity.attendanceTakenBy === undefined && !hasAttendance;
}
