import type { AdaptiveCard } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import type { Turn } from '../../bot/route';
import { academicYearOf } from '../../domain/calendar';
import { isPlanned } from '../../domain/planned-activities';
import type { Activity, Person } from '../../domain/school';
import { schoolDateOf } from '../../domain/school-time';
import { splitList } from '../../domain/typed-text';
import {
  attendanceCard,
  attendancePartlySavedCard,
  attendanceSavedCard,
  pickInputId,
  recentActivitiesCard,
  type PupilToggle,
} from './attendance-cards';
import { queueFanOut } from './attendance-fan-out-store';
import {
  auditAttendance,
  rosterPupils,
  saveAttendance,
  storedAttendance,
  type AttendanceChange,
  type StoredAttendance,
} from './attendance-store';
import {
  applyAttendanceEdits,
  applyPicks,
  attendanceFingerprint,
  attendeesOf,
  compareByName,
  compareForms,
  describePupil,
  parseAttendanceEdits,
  selectionFromAttendees,
  type AttendanceSelection,
  type PupilPick,
} from './attendance-selection';
import { executeAction, isOn, type CardAction } from '../../cards/adaptive-card';
import { asksForFeedback } from '../../domain/pupil-feedback';
import { describeError } from '../../observability/log';
import { activitiesSince, loadActivity, mayChange } from './encounter-store';
import { GONE } from './encounter-journey';
import { ATTENDANCE_VERBS, openData, formData } from './encounter-verbs';

// Attendance for an activity: open (from storage), update (apply ticks and typed names, recount),
// save (only the count that was shown, only if nobody else saved in between). The work per pupil
// after a save (feedback asks) is queued as one record and done in the background
// (attendance-fan-out-job.ts), so the turn costs the same for a form as for the whole school.

const NOT_YOURS = 'Sorry, you can only take attendance for activities you recorded yourself. Ask the careers leader to add it.';
const CHECK_AND_SAVE = 'I’ve applied what you typed. Check the list, then press Save.';
const COUNT_CHANGED = (count: number) =>
  `The list changed after the count was shown: it is now ${count} pupil${count === 1 ? '' : 's'}. Check it, then press Save.`;
const SOMEONE_ELSE =
  'Someone else saved attendance for this activity after you opened it, so I didn’t save yours. Here it is now: make your changes again.';

/** Toggles shown per list; pupils beyond it stay in the card's data, untouched. */
const MAX_TOGGLES_PER_LIST = 60;

type FormData = z.output<typeof formData>;

interface Context {
  activity: Activity;
  pupils: Person[];
  stored: string[];
  fanOutPending: boolean;
}

type Loaded = { ok: true; context: Context } | { ok: false; message: string };

async function load(turn: Turn, activityId: string): Promise<Loaded> {
  const stored = await loadActivity(turn, activityId);
  if (!stored) return { ok: false, message: GONE };
  if (!mayChange(turn, stored.item)) return { ok: false, message: NOT_YOURS };
  const [pupils, attendance] = await Promise.all([rosterPupils(turn, stored.item.date), storedAttendance(turn, activityId)]);
  return { ok: true, context: { activity: stored.item, pupils, stored: attendance.pupilIds, fanOutPending: attendance.fanOutPending } };
}

export async function recentActivities(turn: Turn): Promise<AdaptiveCard> {
  const today = schoolDateOf(turn.services.now());
  // A plan still to come has no attendance to take yet: listing it would push yesterday's off the card.
  const activities = (await activitiesSince(turn, academicYearOf(today).start)).filter((activity) => !isPlanned(activity, today));
  const own = turn.sender.person.role === 'teacher' ? activities.filter((activity) => mayChange(turn, activity)) : activities;
  return recentActivitiesCard(own);
}

export async function openAttendance(turn: Turn, data: z.output<typeof openData>): Promise<AdaptiveCard | string> {
  const loaded = await load(turn, data.activityId);
  if (!loaded.ok) return loaded.message;
  return cardFromStorage(loaded.context);
}

export async function updateAttendance(turn: Turn, data: FormData): Promise<AdaptiveCard | string> {
  const loaded = await load(turn, data.activityId);
  if (!loaded.ok) return loaded.message;
  return draw(loaded.context, readForm(loaded.context.pupils, data), data);
}

export async function saveAttendanceCard(turn: Turn, data: FormData): Promise<AdaptiveCard | string> {
  const loaded = await load(turn, data.activityId);
  if (!loaded.ok) return loaded.message;
  const { context } = loaded;
  const form = readForm(context.pupils, data);
  // Save only what the leader saw counted: anything typed or changed since is shown first.
  if (data.find.trim() !== '' || form.ambiguous.length > 0) return draw(context, form, data, CHECK_AND_SAVE);
  const attendees = attendeesOf(context.pupils, form.selection);
  if (data.shownCount !== attendees.length) return draw(context, form, data, COUNT_CHANGED(attendees.length));

  // Rows for pupils who have since left the roster are history, not something this card shows: keep them.
  const onRoster = new Set(context.pupils.map((pupil) => pupil.id));
  const wanted = new Set([...attendees, ...context.stored.filter((id) => !onRoster.has(id))]);
  const alreadySaved = wanted.size === context.stored.length && context.stored.every((id) => wanted.has(id));
  if (!alreadySaved && attendanceFingerprint(context.stored) !== data.basedOn) return cardFromStorage(context, SOMEONE_ELSE);
  return saveAndFanOut(turn, {
    activity: context.activity,
    stored: { pupilIds: context.stored, fanOutPending: context.fanOutPending },
    wanted,
    shown: attendees.length,
    updated: data.editing,
    // The same tap finds the rows saved and queues what is missing; a part-saved list no longer
    // matches the card it was drawn from, so it is opened again to be checked.
    retry: executeAction('Save again', ATTENDANCE_VERBS.save, data),
    retryPartSaved: executeAction('Open attendance', ATTENDANCE_VERBS.open, { activityId: context.activity.id }),
  });
}

export interface AttendanceSave {
  activity: Activity;
  stored: StoredAttendance;
  wanted: ReadonlySet<string>;
  /** The count the saved card says. */
  shown: number;
  updated: boolean;
  /** The same tap again: once the rows are saved, it queues the fan-out a failed turn did not. */
  retry: CardAction;
  /** What to press when storage failed part-way through the rows. */
  retryPartSaved: CardAction;
}

/**
 * Both attendance cards' save: the rows (each new one marked for the fan-out), then one fan-out
 * record, then the audit entry. Saved rows with no record queued (a turn that failed in between)
 * get it on the next save or the same tap delivered again. A failure after the first write says
 * what was saved and what was not, never that nothing was changed.
 */
export async function saveAndFanOut(turn: Turn, save: AttendanceSave): Promise<AdaptiveCard> {
  const { activity, stored, wanted } = save;
  const { schoolId } = turn.sender;
  const ids = { schoolId, activityId: activity.id };
  const today = schoolDateOf(turn.services.now());
  const fanOutOn = asksForFeedback(activity.date, today) ? today : undefined;
  const same = wanted.size === stored.pupilIds.length && stored.pupilIds.every((id) => wanted.has(id));
  let change: AttendanceChange = { added: 0, removed: 0 };
  if (!same) {
    try {
      change = await saveAttendance(turn, activity.id, stored.pupilIds, wanted, fanOutOn);
    } catch (error) {
      turn.services.log.warn('attendance.save_failed', { ...ids, ...describeError(error) });
      return attendancePartlySavedCard(activity, save.retryPartSaved);
    }
  }
  if (stored.fanOutPending || (fanOutOn !== undefined && change.added > 0)) {
    try {
      await queueFanOut(turn.services, schoolId, activity.id);
    } catch (error) {
      turn.services.log.warn('attendance.fan_out_not_queued', { ...ids, ...describeError(error) });
      return attendanceSavedCard(activity, save.shown, save.updated, { retry: save.retry });
    }
  }
  // The leader sees nothing of the audit entry: its failure is logged, not told.
  await auditAttendance(turn, activity.id, stored.pupilIds, change).catch((error: unknown) =>
    turn.services.log.warn('attendance.audit_failed', { ...ids, ...describeError(error) }),
  );
  return attendanceSavedCard(activity, save.shown, save.updated);
}

interface FormState {
  selection: AttendanceSelection;
  ambiguous: PupilPick[];
  notices: string[];
}

/** The card's selection after its toggles and typed names are applied. */
function readForm(pupils: readonly Person[], data: FormData): FormState {
  const selection: AttendanceSelection = {
    yearGroups: splitList(data.yearGroups)
      .map(Number)
      .filter((year) => Number.isInteger(year) && year >= 7 && year <= 13),
    forms: splitList(data.forms),
    removed: data.removed,
    added: data.added,
  };
  const picks = data.picks.map((pick, index) => ({ ...pick, on: isOn(data[pickInputId(index)]) }));
  const ticked = applyPicks(pupils, selection, picks);
  return applyAttendanceEdits(pupils, ticked, parseAttendanceEdits(data.find));
}

function cardFromStorage(context: Context, attention?: string): AdaptiveCard {
  const selection = selectionFromAttendees(context.pupils, context.stored);
  return draw(
    context,
    { selection, ambiguous: [], notices: [] },
    { editing: context.stored.length > 0, basedOn: attendanceFingerprint(context.stored) },
    attention,
  );
}

/** `card` is what the card being answered carried: its mode and the stored list it was drawn from. */
function draw(context: Context, form: FormState, card: Pick<FormData, 'editing' | 'basedOn'>, attention?: string): AdaptiveCard {
  const { pupils } = context;
  const byId = new Map(pupils.map((pupil) => [pupil.id, pupil]));
  const toggleFor = (id: string, list: PupilPick['list'], on: boolean): PupilToggle[] => {
    const pupil = byId.get(id);
    return pupil ? [{ id, list, on, label: describePupil(pupil) }] : [];
  };
  const byName = (ids: readonly string[]) =>
    ids
      .map((id) => byId.get(id))
      .filter((pupil) => pupil !== undefined)
      .sort(compareByName)
      .map((pupil) => pupil.id);
  const toggles: PupilToggle[] = [
    ...form.ambiguous.flatMap((pick) => toggleFor(pick.id, pick.list, false)),
    ...byName(form.selection.removed)
      .slice(0, MAX_TOGGLES_PER_LIST)
      .flatMap((id) => toggleFor(id, 'removed', true)),
    ...byName(form.selection.added)
      .slice(0, MAX_TOGGLES_PER_LIST)
      .flatMap((id) => toggleFor(id, 'added', true)),
  ];
  return attendanceCard({
    activity: context.activity,
    yearGroups: tally(pupils, (pupil) => pupil.yearGroup)
      .sort((a, b) => a.key - b.key)
      .map(({ key, pupils: count }) => ({ yearGroup: key, pupils: count })),
    forms: tally(pupils, (pupil) => pupil.form?.trim() || undefined)
      .sort((a, b) => compareForms(a.key, b.key))
      .map(({ key, pupils: count }) => ({ form: key, pupils: count })),
    selection: form.selection,
    toggles,
    count: attendeesOf(pupils, form.selection).length,
    editing: card.editing,
    basedOn: card.basedOn,
    notices: form.notices,
    attention,
  });
}

function tally<K>(pupils: readonly Person[], keyOf: (pupil: Person) => K | undefined): Array<{ key: K; pupils: number }> {
  const counts = new Map<K, number>();
  for (const pupil of pupils) {
    const key = keyOf(pupil);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ key, pupils: count }));
}
