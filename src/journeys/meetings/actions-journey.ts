import type { AdaptiveCard } from '@microsoft/teams-ai';
import type { z } from 'zod/v4';
import type { Turn } from '../../bot/route';
import { addDays } from '../../domain/calendar';
import { inFollowUpOrder, isOverdue, PUPILS_SIDE, type FollowedAction } from '../../domain/agreed-actions';
import type { CardElement } from '../../cards/adaptive-card';
import { onRollOn, type Person } from '../../domain/school';
import { ChangedUnderUsError } from '../../storage/school-collection';
import { encodeKey } from '../../storage/keys';
import { pupilLabel } from './meeting-notices';
import { audit, peopleById, schoolNow } from './meeting-store';
import { diaryActionsSection, myActionsCard, recordActionsSection } from './action-cards';
import { actionsOfPupil, openActionsOf } from './action-store';
import type { ACTIONS_VERBS } from './actions-verbs';

// Agreed actions followed through: the pupil's list, marking one done, and what the careers record
// and the adviser's diary show. Only the pupil concerned (their own side's actions), the meeting's
// adviser and the careers leader may mark one done; nobody else learns that it exists.

const NOT_FOUND = 'Sorry, I can’t find that action.';
const DIARY_DAYS_AHEAD = 14;
const DIARY_ROWS = 10;

/** Whether this person may mark the action done. */
export function mayMarkDone(person: Person, action: FollowedAction): boolean {
  if (person.role === 'pupil') return action.pupilId === person.id && PUPILS_SIDE.includes(action.who);
  if (person.role === 'careers_leader') return true;
  return person.role === 'careers_adviser' && action.adviserId === person.id;
}

function mayView(person: Person, action: FollowedAction): boolean {
  return person.role === 'pupil' ? action.pupilId === person.id : mayMarkDone(person, action);
}

const today = (turn: Turn) => schoolNow(turn.services).slice(0, 10);

export async function myActions(turn: Turn, notice?: string): Promise<AdaptiveCard> {
  const actions = (await actionsOfPupil(turn.services, turn.sender.schoolId, turn.sender.person.id)).sort(inFollowUpOrder);
  return myActionsCard(actions, {
    today: today(turn),
    canMarkDone: (action) => mayMarkDone(turn.sender.person, action),
    ...(notice ? { notice } : {}),
  });
}

/** The careers record's section: the pupil's own view, or staff's (who may mark done as their role allows). */
export async function recordActions(turn: Turn, pupil: Person): Promise<CardElement> {
  const actions = (await actionsOfPupil(turn.services, turn.sender.schoolId, pupil.id)).sort(inFollowUpOrder);
  const ownView = turn.sender.person.id === pupil.id;
  return recordActionsSection(actions, { ownView, today: today(turn), canMarkDone: (action) => mayMarkDone(turn.sender.person, action) });
}

/** The diary's section: the adviser's own pupils' open actions (every adviser's for the careers leader). */
export async function diaryActions(turn: Turn): Promise<CardElement[]> {
  const { sender, services } = turn;
  const day = today(turn);
  const stored = await openActionsOf(services, sender.schoolId, sender.person.role === 'careers_leader' ? undefined : sender.person.id);
  const pupils = await peopleById(
    services,
    sender.schoolId,
    stored.map((action) => action.pupilId),
  );
  // A leaver's actions are nobody's to chase any more.
  const open = stored.filter((action) => pupils.has(action.pupilId) && onRollOn(pupils.get(action.pupilId)!, day)).sort(inFollowUpOrder);
  const overdue = open.filter((action) => isOverdue(action, day)).slice(0, DIARY_ROWS);
  const dueSoon = open.filter((action) => !isOverdue(action, day) && action.by <= addDays(day, DIARY_DAYS_AHEAD)).slice(0, DIARY_ROWS);
  return diaryActionsSection({
    overdue,
    dueSoon,
    open: open.length,
    today: day,
    about: (action) => pupilLabel(pupils.get(action.pupilId)!),
    canMarkDone: (action) => mayMarkDone(sender.person, action),
  });
}

/** Marks the action done once; a second tap (or a redelivery) finds it done and changes nothing. */
export async function markDone(
  turn: Turn,
  data: z.output<(typeof ACTIONS_VERBS)['markDone']['data']>,
  after: (turn: Turn, notice: string) => Promise<AdaptiveCard>,
): Promise<AdaptiveCard | string> {
  const { services, sender } = turn;
  const collection = services.meetingTables.actions;
  for (let attempt = 0; attempt < 3; attempt++) {
    const stored = await collection.get(sender.schoolId, encodeKey(data.actionId));
    if (!stored || !mayView(sender.person, stored.item)) return NOT_FOUND;
    const action = stored.item;
    if (!mayMarkDone(sender.person, action)) return 'That action is for your adviser or the school to mark done.';
    if (action.status === 'done') return after(turn, `Already done: ${action.what}`);
    try {
      await collection.replace(
        sender.schoolId,
        { ...action, status: 'done', doneAt: services.now().toISOString(), doneBy: sender.person.id },
        stored.etag,
      );
    } catch (error) {
      if (error instanceof ChangedUnderUsError) continue;
      throw error;
    }
    await audit(turn, 'action.done', action.id);
    services.log.info('action.done', { schoolId: sender.schoolId, actionId: action.id, by: sender.person.role });
    return after(turn, `Marked done: ${action.what}`);
  }
  return 'Someone changed that action at the same moment. Please try again.';
}
