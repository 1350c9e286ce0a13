import { addDays } from './calendar';
import type { IsoDate } from './school';

// The actions an adviser and pupil agree at a guidance meeting, followed through: each is open
// until someone marks it done. Pure rules; storage and cards live in the meetings journey (src/journeys/meetings/action-*.ts).

export const ACTION_OWNERS = ['Pupil', 'Adviser', 'Parent or carer', 'School'] as const;
export type ActionOwner = (typeof ACTION_OWNERS)[number];

/** Actions the pupil's side carries out: they are reminded of these and may mark them done. */
export const PUPILS_SIDE: readonly ActionOwner[] = ['Pupil', 'Parent or carer'];

/** The pupil is reminded this many days before an action falls due. */
export const REMIND_DAYS_BEFORE = 3;

export interface FollowedAction {
  /** `<meeting id>.<row>`: the meeting's action rows are numbered from 1. */
  id: string;
  meetingId: string;
  pupilId: string;
  adviserId: string;
  who: ActionOwner;
  what: string;
  by: IsoDate;
  status: 'open' | 'done';
  /** ISO instant and person id, once done. */
  doneAt?: string;
  doneBy?: string;
}

export function actionIdOf(meetingId: string, row: number): string {
  return `${meetingId}.${row}`;
}

export function isOverdue(action: Pick<FollowedAction, 'status' | 'by'>, today: IsoDate): boolean {
  return action.status === 'open' && action.by < today;
}

/** The window in which the pupil's reminder goes: from REMIND_DAYS_BEFORE days before the date to the date itself. */
export function reminderWindow(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: today, to: addDays(today, REMIND_DAYS_BEFORE) };
}

export function remindsPupil(action: Pick<FollowedAction, 'status' | 'who' | 'by'>, today: IsoDate): boolean {
  const window = reminderWindow(today);
  return action.status === 'open' && PUPILS_SIDE.includes(action.who) && action.by >= window.from && action.by <= window.to;
}

/** Open first (soonest due first), then done (most recently done first). */
export function inFollowUpOrder(a: FollowedAction, b: FollowedAction): number {
  if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
  if (a.status === 'open') return a.by.localeCompare(b.by) || a.id.localeCompare(b.id);
  return (b.doneAt ?? '').localeCompare(a.doneAt ?? '') || a.id.localeCompare(b.id);
}

/** "Parent or carer: book the open evening"; on the pupil's own cards their own actions need no "Pupil:". */
export function actionLine(action: Pick<FollowedAction, 'who' | 'what'>, ownView: boolean): string {
  return ownView && action.who === 'Pupil' ? action.what : `${action.who}: ${action.what}`;
}

/** A line of a meeting's written actions ("Pupil: visit two open days, by …") as the pupil reads it. */
export function ownActionText(line: string): string {
  return line.replace(/^Pupil:\s*(.)/, (_match, first: string) => first.toUpperCase());
}
