import type { AdaptiveCard } from '@microsoft/teams-ai';
import {
  actionSet,
  adaptiveCard,
  container,
  executeAction,
  heading,
  plainText,
  textBlock,
  type CardElement,
} from '../../cards/adaptive-card';
import { formatUkDate } from '../../domain/calendar';
import { actionLine, isOverdue, type FollowedAction } from '../../domain/agreed-actions';
import type { IsoDate } from '../../domain/school';
import { schoolDateOf } from '../../domain/school-time';
import { RECORD_VERBS } from '../record/record-verbs';
import { ACTIONS_VERBS } from './actions-verbs';

// Cards of the agreed-actions journey: the pupil's list, the reminder, and the parts the careers
// record and the adviser's diary show.

/**
 * "Mark done", short so it never runs off the card's edge: the action's own words sit above it.
 * Where a card holds several, each is numbered so no two buttons share a title.
 */
export function markDoneTitle(number?: number): string {
  return number === undefined ? 'Mark done' : `Mark done (${number})`;
}

function markDoneButton(action: FollowedAction, number?: number) {
  return executeAction(markDoneTitle(number), ACTIONS_VERBS.markDone, { actionId: action.id }, 'positive');
}

/** Where the action stands: due, overdue, or done (and when). */
export function statusText(action: FollowedAction, today: IsoDate): string {
  if (action.status === 'done') return `Done${action.doneAt ? ` on ${formatUkDate(schoolDateOf(new Date(action.doneAt)))}` : ''}`;
  return isOverdue(action, today) ? `Overdue: due by ${formatUkDate(action.by)}` : `Due by ${formatUkDate(action.by)}`;
}

export interface ActionRowOptions {
  today: IsoDate;
  /** Shown before the action, e.g. the pupil's name in an adviser's diary. */
  about?: (action: FollowedAction) => string | undefined;
  canMarkDone: (action: FollowedAction) => boolean;
  /** The pupil's own cards: their own actions read without "Pupil:". */
  ownView?: boolean;
}

function actionRow(action: FollowedAction, options: ActionRowOptions, number?: number): CardElement {
  const about = options.about?.(action);
  const overdue = isOverdue(action, options.today);
  const items: CardElement[] = [
    ...(about ? [textBlock(about, { weight: 'Bolder' })] : []),
    plainText(actionLine(action, options.ownView ?? false), about ? {} : { weight: 'Bolder' }),
    textBlock(
      statusText(action, options.today),
      action.status === 'done' ? { color: 'Good' } : overdue ? { color: 'Attention' } : { subtle: true },
    ),
  ];
  if (markable(action, options)) items.push(actionSet([markDoneButton(action, number)]));
  return container(items, { separator: true });
}

const markable = (action: FollowedAction, options: ActionRowOptions) => action.status === 'open' && options.canMarkDone(action);

/** One row per action; the "Mark done" buttons are numbered only when the card holds more than one. */
function actionRows(actions: readonly FollowedAction[], options: ActionRowOptions): CardElement[] {
  const several = actions.filter((action) => markable(action, options)).length > 1;
  let number = 0;
  return actions.map((action) => actionRow(action, options, several && markable(action, options) ? ++number : undefined));
}

/** The section a careers record shows: every action agreed with the pupil, open first. */
export function recordActionsSection(actions: readonly FollowedAction[], options: ActionRowOptions & { ownView: boolean }): CardElement {
  const title = options.ownView ? 'Actions we agreed' : 'Agreed actions (Benchmark 3)';
  const rows =
    actions.length > 0
      ? actionRows(actions, options)
      : [
          textBlock(
            options.ownView ? 'No actions agreed yet: they appear here after a careers meeting.' : 'No agreed actions recorded yet.',
            { subtle: true },
          ),
        ];
  return container([textBlock(title, { weight: 'Bolder', spacing: 'Medium' }), ...rows], { separator: true });
}

export function myActionsCard(actions: readonly FollowedAction[], options: ActionRowOptions & { notice?: string }): AdaptiveCard {
  const open = actions.filter((action) => action.status === 'open').length;
  return adaptiveCard(
    [
      heading('My agreed actions'),
      textBlock(open === 0 ? 'Nothing open: well done.' : `${open} still to do.`, { subtle: true }),
      ...(options.notice ? [textBlock(options.notice, { color: 'Good' })] : []),
      ...(actions.length > 0
        ? actionRows(actions, { ...options, ownView: true })
        : [textBlock('No actions agreed yet: they appear here after a careers meeting.', { subtle: true })]),
    ],
    [executeAction('My record', RECORD_VERBS.open, {})],
  );
}

/** The pupil's reminder, a few days before the action falls due. */
export function actionReminderCard(action: FollowedAction, today: IsoDate): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Coming up: an action from your careers meeting'),
      plainText(action.what, { weight: 'Bolder' }),
      textBlock(action.by === today ? `Due today, ${formatUkDate(action.by)}` : `Due by ${formatUkDate(action.by)}`),
      textBlock('Done it already? Tap below so your adviser knows.', { subtle: true }),
    ],
    [markDoneButton(action), executeAction('My actions', ACTIONS_VERBS.mine, {})],
  );
}

/** The adviser's diary: overdue actions, then those due in the next two weeks. */
export function diaryActionsSection(
  input: { overdue: readonly FollowedAction[]; dueSoon: readonly FollowedAction[]; open: number } & ActionRowOptions,
): CardElement[] {
  if (input.open === 0) return [];
  const title = `Agreed actions: ${input.open} open${input.overdue.length > 0 ? `, ${input.overdue.length} overdue` : ''}`;
  return [
    textBlock(title, { weight: 'Bolder', spacing: 'Large', ...(input.overdue.length > 0 ? { color: 'Attention' as const } : {}) }),
    ...actionRows([...input.overdue, ...input.dueSoon], input),
  ];
}
