import type { AdaptiveCard } from '@microsoft/teams-ai';
import {
  actionSet,
  adaptiveCard,
  type CardElement,
  choiceSet,
  container,
  executeAction,
  heading,
  plainText,
  textBlock,
  textInput,
  type CardAction,
  toggleInput,
} from '../../cards/adaptive-card';
import { formatUkDate } from '../../domain/calendar';
import { listOf } from '../../domain/benchmarks/gap-wording';
import { verdictOf } from '../../domain/meaningful-checklist';
import type { Activity } from '../../domain/school';
import type { AttendanceSelection, PupilPick } from './attendance-selection';
import { KIND_LABELS } from './encounter-cards';
import { ACTIVITY_VERBS, ATTENDANCE_VERBS } from './encounter-verbs';

/** A toggle the card shows: a pupil taken off or added (ticked), or a search match to choose (unticked). */
export interface PupilToggle extends PupilPick {
  on: boolean;
  label: string;
}

export interface AttendanceCardInput {
  activity: Activity;
  yearGroups: ReadonlyArray<{ yearGroup: number; pupils: number }>;
  forms: ReadonlyArray<{ form: string; pupils: number }>;
  selection: AttendanceSelection;
  toggles: readonly PupilToggle[];
  /** Pupils the selection means now: the number on the Save button. */
  count: number;
  /** True when the activity already had attendance when the card was first opened. */
  editing: boolean;
  /** Fingerprint of the stored attendance the card was drawn from. */
  basedOn: string;
  notices: readonly string[];
  /** Why the card came back instead of saving. */
  attention?: string;
}

/** The toggles' input ids: by position, because pupil ids are the school's own and may hold anything. */
export function pickInputId(index: number): string {
  return `pick_${index}`;
}

/**
 * Year groups and forms in two taps, absentees by typing their names, the count on the Save
 * button. Everything the card needs to come back is in its buttons' data, so no draft is stored.
 */
export function attendanceCard(input: AttendanceCardInput): AdaptiveCard {
  const { activity, selection, toggles } = input;
  const data = {
    activityId: activity.id,
    removed: selection.removed,
    added: selection.added,
    picks: toggles.map(({ id, list }) => ({ id, list })),
    shownCount: input.count,
    basedOn: input.basedOn,
    editing: input.editing,
  };
  const section = (title: string, list: PupilToggle[]): CardElement[] =>
    list.length === 0
      ? []
      : [
          textBlock(title, { weight: 'Bolder' }),
          ...list.map((toggle) => toggleInput(pickInputId(toggles.indexOf(toggle)), toggle.label, toggle.on)),
        ];
  const takenOff = toggles.filter((toggle) => toggle.list === 'removed' && toggle.on);
  const extras = toggles.filter((toggle) => toggle.list === 'added' && toggle.on);
  const choices = toggles.filter((toggle) => !toggle.on);
  const canSave = input.count > 0 || input.editing;
  return adaptiveCard(
    [
      heading(input.editing ? 'Edit attendance' : 'Take attendance'),
      plainText(`${activity.title}, ${formatUkDate(activity.date)}`, { subtle: true }),
      ...(input.attention ? [plainText(input.attention, { color: 'Attention' })] : []),
      choiceSet(
        'yearGroups',
        'Whole year groups',
        input.yearGroups.map(({ yearGroup, pupils }) => ({ title: `Year ${yearGroup} (${pupils})`, value: String(yearGroup) })),
        { value: selection.yearGroups.join(','), multiSelect: true, expanded: true },
      ),
      ...(input.forms.length > 0
        ? [
            choiceSet(
              'forms',
              'Forms',
              input.forms.map(({ form, pupils }) => ({ title: `${form} (${pupils})`, value: form })),
              {
                value: selection.forms.join(','),
                multiSelect: true,
                placeholder: 'Choose forms',
              },
            ),
          ]
        : []),
      container(
        [
          textInput('find', 'Who wasn’t there? Type their names', {
            placeholder: 'e.g. Ava Patel, Noah W  (or “add: Zoë O’Brien” for someone extra)',
            multiline: true,
            maxLength: 2000,
          }),
          actionSet([executeAction('Find names and update count', ATTENDANCE_VERBS.update, data)]),
          ...input.notices.map((notice) => textBlock(notice, { color: 'Warning' })),
          ...section('Did you mean?', choices),
          ...section(`Not there (${selection.removed.length}): untick anyone who was there after all`, takenOff),
          ...section(`Extra pupils (${selection.added.length})`, extras),
        ],
        { separator: true },
      ),
      textBlock(summaryOf(input), { weight: 'Bolder', spacing: 'Medium' }),
    ],
    canSave
      ? [executeAction(`Save attendance for ${input.count} pupil${input.count === 1 ? '' : 's'}`, ATTENDANCE_VERBS.save, data, 'positive')]
      : [],
  );
}

/** Every item named, never "and 3 more": the leader checks exactly what they chose. */
function everyOne(items: readonly string[]): string {
  return listOf(items, Number.POSITIVE_INFINITY);
}

function summaryOf(input: AttendanceCardInput): string {
  const { selection, count } = input;
  const groups = [
    ...(selection.yearGroups.length > 0
      ? [`${selection.yearGroups.length === 1 ? 'Year' : 'Years'} ${everyOne(selection.yearGroups.map(String))}`]
      : []),
    ...(selection.forms.length > 0 ? [`${selection.forms.length === 1 ? 'form' : 'forms'} ${everyOne(selection.forms)}`] : []),
  ];
  if (count === 0 && groups.length === 0 && selection.added.length === 0)
    return 'Choose year groups or forms, or type “add:” and pupils’ names.';
  const parts = [
    ...(groups.length > 0 ? [everyOne(groups)] : []),
    ...(selection.removed.length > 0 ? [`less ${selection.removed.length} not there`] : []),
    ...(selection.added.length > 0 ? [`plus ${selection.added.length} extra`] : []),
  ];
  return `${count} pupil${count === 1 ? '' : 's'} on the list: ${parts.join(', ')}.`;
}

/** Said on the saved card when the save could not queue the feedback asks: the same tap again (`retry`) queues them. */
export interface FanOutNotQueued {
  retry: CardAction;
}

export function attendanceSavedCard(activity: Activity, attendees: number, updated: boolean, notQueued?: FanOutNotQueued): AdaptiveCard {
  const verdict = verdictOf(activity);
  return adaptiveCard(
    [
      heading(updated ? 'Attendance updated' : 'Attendance saved'),
      plainText(`${attendees} pupil${attendees === 1 ? '' : 's'} at ${activity.title}, ${formatUkDate(activity.date)}.`),
      ...(notQueued
        ? [
            textBlock(
              `The attendance is saved, but I couldn’t make sure the pupils will be asked for feedback: storage failed just after. ` +
                `Press “${notQueued.retry.title}” in a minute and I’ll queue the questions.`,
              { color: 'Attention', weight: 'Bolder' },
            ),
          ]
        : []),
      textBlock(verdict.startsWith('Counts') ? `${verdict} for each of them.` : `${verdict}.`, { subtle: true }),
    ],
    [
      ...(notQueued ? [notQueued.retry] : []),
      executeAction('Edit attendance', ATTENDANCE_VERBS.open, { activityId: activity.id }),
      executeAction('Record another activity', ACTIVITY_VERBS.start, {}),
    ],
  );
}

/**
 * Storage failed while the attendance rows were being written: some may be saved, some not, and
 * nobody is asked for feedback until it is finished. `retry` saves it again (or opens it to check).
 */
export function attendancePartlySavedCard(activity: Activity, retry: CardAction): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Attendance not fully saved'),
      textBlock(
        `Storage failed while I was saving the attendance for ${activity.title}, ${formatUkDate(activity.date)}, so only part of ` +
          `it may be saved, and no pupil has been asked for feedback yet. Press “${retry.title}” in a minute to check it and finish it.`,
        { color: 'Attention', weight: 'Bolder' },
      ),
    ],
    [retry],
  );
}

export const RECENT_ACTIVITIES_SHOWN = 10;

/** Recent activities with a button each, for "attendance" typed on its own. */
export function recentActivitiesCard(activities: readonly Activity[]): AdaptiveCard {
  const shown = activities.slice(0, RECENT_ACTIVITIES_SHOWN);
  return adaptiveCard(
    [
      heading('Attendance'),
      textBlock(
        shown.length === 0 ? 'There are no activities this academic year yet. Record one first.' : 'Which activity? The newest are first.',
        { subtle: true },
      ),
      ...shown.map((activity) =>
        container(
          [
            plainText(activity.title, { weight: 'Bolder' }),
            textBlock(`${formatUkDate(activity.date)} · ${KIND_LABELS[activity.kind]}`, { subtle: true }),
            actionSet([executeAction('Attendance', ATTENDANCE_VERBS.open, { activityId: activity.id })]),
          ],
          { separator: true },
        ),
      ),
    ],
    [executeAction('Record an activity', ACTIVITY_VERBS.start, {})],
  );
}
