import type { AdaptiveCard } from '@microsoft/teams-ai';
import { adaptiveCard, choiceSet, executeAction, formAction, heading, plainText, textBlock } from '../../cards/adaptive-card';
import { formatUkDate } from '../../domain/calendar';
import type { Activity, Person } from '../../domain/school';
import { describePupil } from './attendance-selection';
import { ATTENDANCE_VERBS } from './encounter-verbs';
import { PLAN_ATTENDANCE_VERBS } from './plan-attendance-verbs';

/** Up to this many pupils show as tick boxes; a longer list is a drop-down that filters as you type. */
const TICK_BOXES_UP_TO = 40;

/** Who the plan invited, as the card says it: "Year 10 and forms 9A, 9B". */
export function invitedLabel(activity: Pick<Activity, 'invitedYearGroups' | 'invitedForms'>): string {
  const years = activity.invitedYearGroups ?? [];
  const forms = activity.invitedForms ?? [];
  return [
    ...(years.length > 0 ? [`${years.length === 1 ? 'Year' : 'Years'} ${years.join(', ')}`] : []),
    ...(forms.length > 0 ? [`${forms.length === 1 ? 'form' : 'forms'} ${forms.join(', ')}`] : []),
  ].join(' and ');
}

/**
 * Sent to whoever planned the activity once its day has passed: the invited pupils on roll that
 * day, "Who was absent?", Save. With nobody absent, Save is all it takes.
 */
export function planAttendanceCard(activity: Activity, pupils: readonly Person[], attention?: string): AdaptiveCard {
  const count = pupils.length;
  return adaptiveCard(
    [
      heading('Take attendance from the plan'),
      plainText(`${activity.title}, ${formatUkDate(activity.date)}`, { weight: 'Bolder' }),
      textBlock(`Planned for ${invitedLabel(activity)}: ${count} pupil${count === 1 ? '' : 's'} invited.`, { subtle: true }),
      ...(attention ? [textBlock(attention, { color: 'Attention' })] : []),
      choiceSet(
        'absent',
        'Who was absent? Tick them; everyone else attended.',
        pupils.map((pupil, index) => ({ title: describePupil(pupil), value: String(index) })),
        { multiSelect: true, expanded: count <= TICK_BOXES_UP_TO, placeholder: 'Choose who was absent' },
      ),
    ],
    [
      formAction(
        'Save attendance',
        PLAN_ATTENDANCE_VERBS.save,
        { activityId: activity.id, pupils: pupils.map((pupil) => pupil.id) },
        'positive',
      ),
    ],
  );
}

/** The activity's attendance was taken first, from another plan card or the "attendance" card: that stands, and can be opened. */
export function alreadyTakenCard(activity: Activity, bySomeoneElse: boolean): AdaptiveCard {
  const what = `${activity.title}, ${formatUkDate(activity.date)}`;
  return adaptiveCard(
    [
      heading('Attendance already taken'),
      textBlock(
        bySomeoneElse
          ? `Someone else has already taken attendance for ${what}, so I didn’t save yours.`
          : `Attendance for ${what} has already been taken with the “attendance” card, so I didn’t save this one.`,
      ),
      textBlock('Open it to check it, or change it if you may.', { subtle: true }),
    ],
    [executeAction('Open attendance', ATTENDANCE_VERBS.open, { activityId: activity.id })],
  );
}
