import type { AdaptiveCard } from '@microsoft/teams-ai';
import {
  actionSet,
  adaptiveCard,
  type CardAction,
  type CardElement,
  container,
  executeAction,
  fieldError,
  heading,
  openUrlAction,
  plainText,
  textBlock,
  textInput,
} from '../../cards/adaptive-card';
import { datePart, formatUkDate, formatUkDateTime } from '../../domain/calendar';
import type { IsoDateTime } from '../../domain/school';
import { meetingFacts, type MeetingView } from './meeting-card-parts';
import { MEETING_VERBS } from './meeting-verbs';
import { timePart } from './slot-times';
import { BOOKING_LIMITS } from './booking-submission';
import { unfinished } from './follow-up-steps';

// The pupil's cards: free times grouped by day, confirm, booked, their meeting, cancel.

export interface SlotChoice extends MeetingView {
  slotKey: string;
}

export type SlotListMode = { kind: 'book' } | { kind: 'move'; meetingId: string; current: MeetingView };

export interface FreeSlotsCardInput {
  slots: readonly SlotChoice[];
  mode: SlotListMode;
  /** School-local start of the first slot not shown, when there are more. */
  laterFrom?: IsoDateTime;
  notice?: string;
}

/** The next free times, one block per day with a button per time. */
export function freeSlotsCard(input: FreeSlotsCardInput): AdaptiveCard {
  const moving = input.mode.kind === 'move';
  const body: CardElement[] = [heading(moving ? 'Move your careers meeting' : 'Book a careers guidance meeting')];
  if (input.notice) body.push(textBlock(input.notice, { color: 'Attention', weight: 'Bolder' }));
  if (input.mode.kind === 'move')
    body.push(textBlock(`Your meeting is now on ${formatUkDateTime(input.mode.current.startsAt)}. Choose a new time:`));
  else if (input.slots.length > 0)
    body.push(textBlock('A careers adviser can help you think about what you might do next. Choose a time:', { subtle: true }));
  if (input.slots.length === 0) {
    body.push(textBlock(input.laterFrom ? 'There are no more free times.' : 'There are no free times at the moment.'));
    if (!moving) body.push(textBlock('Ask for a meeting instead and an adviser will offer you a time.', { subtle: true }));
  }
  const byDay = new Map<string, SlotChoice[]>();
  for (const slot of input.slots) {
    const day = datePart(slot.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), slot]);
  }
  const moveData = input.mode.kind === 'move' ? { meetingId: input.mode.meetingId } : {};
  for (const [day, slots] of byDay) {
    const sameTime = (slot: SlotChoice) => slots.filter((other) => timePart(other.startsAt) === timePart(slot.startsAt)).length > 1;
    const places = [...new Set(slots.map((slot) => `${slot.place} with ${slot.adviserName}`))];
    body.push(
      container(
        [
          textBlock(formatUkDate(day), { weight: 'Bolder' }),
          // Rows of four: Teams folds longer button rows into an overflow menu pupils miss.
          ...chunks(slots, 4).map((row) =>
            actionSet(
              row.map((slot) =>
                executeAction(
                  sameTime(slot) ? `${timePart(slot.startsAt)} (${slot.adviserName})` : timePart(slot.startsAt),
                  MEETING_VERBS.pick,
                  { slotKey: slot.slotKey, ...moveData },
                ),
              ),
            ),
          ),
          plainText(places.join('; '), { subtle: true }),
        ],
        { separator: true },
      ),
    );
  }
  const actions: CardAction[] = [];
  if (input.laterFrom) actions.push(executeAction('Later times', MEETING_VERBS.slots, { from: input.laterFrom, ...moveData }));
  if (input.mode.kind === 'move') actions.push(executeAction('Keep my time', MEETING_VERBS.mine, {}));
  // With no times listed, "None of these" points at nothing: the button says what it does.
  else actions.push(executeAction(input.slots.length === 0 ? 'Ask for a meeting' : 'None of these suit me', MEETING_VERBS.requestForm, {}));
  return adaptiveCard(body, actions);
}

/** Step 2: the chosen time in full, an optional topic, and confirm. */
export function confirmBookingCard(slot: SlotChoice, values: { topic?: string } = {}, error?: string): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Confirm your meeting'),
      meetingFacts(slot),
      textInput('topic', 'What would you like to talk about? (optional)', {
        value: values.topic,
        placeholder: 'e.g. apprenticeships in engineering',
        maxLength: BOOKING_LIMITS.topic,
      }),
      ...fieldError(error),
    ],
    [
      executeAction('Confirm booking', MEETING_VERBS.book, { slotKey: slot.slotKey }, 'positive'),
      executeAction('Choose another time', MEETING_VERBS.slots, {}),
    ],
  );
}

export function confirmMoveCard(meetingId: string, current: MeetingView, slot: SlotChoice): AdaptiveCard {
  return adaptiveCard(
    [heading('Move your meeting?'), textBlock(`From ${formatUkDateTime(current.startsAt)} to:`, { subtle: true }), meetingFacts(slot)],
    [
      executeAction('Move to this time', MEETING_VERBS.moveTo, { meetingId, slotKey: slot.slotKey }, 'positive'),
      executeAction('Choose another time', MEETING_VERBS.slots, { meetingId }),
    ],
  );
}

export interface BookedMeetingCardInput {
  meetingId: string;
  view: MeetingView;
  /** School-local last moment the pupil may move or cancel it. */
  changeUntil: IsoDateTime;
  changeable: boolean;
  title: string;
  notice?: string;
  /** A change saved but not finished: the button that finishes it (the same tap again). */
  finish?: FinishAction;
  /** An online meeting's Teams link, once its calendar event exists. */
  joinUrl?: string;
}

/** The button that finishes a change saved but not finished (the same tap again). */
export type FinishAction = CardAction;

/** A booked meeting with Move and Cancel while the school's cut-off allows. */
export function bookedMeetingCard(input: BookedMeetingCardInput): AdaptiveCard {
  const join = input.joinUrl ? [openUrlAction('Join the online meeting', input.joinUrl)] : [];
  return adaptiveCard(
    [
      heading(input.title),
      ...(input.notice ? [textBlock(input.notice, { color: 'Attention', weight: 'Bolder' })] : []),
      meetingFacts(input.view),
      textBlock(
        input.changeable
          ? `You can move or cancel it until ${formatUkDateTime(input.changeUntil)}. I’ll remind you the day before.`
          : 'It’s too late to change it here now. If you can’t make it, please tell your careers adviser or the careers office.',
        { subtle: true },
      ),
    ],
    input.finish
      ? [input.finish]
      : input.changeable
        ? [
            ...join,
            executeAction('Move', MEETING_VERBS.slots, { meetingId: input.meetingId }),
            executeAction('Cancel meeting', MEETING_VERBS.askCancel, { meetingId: input.meetingId }, 'destructive'),
          ]
        : join,
  );
}

export function noMeetingCard(openRequest?: { requestedAt: IsoDateTime; offered?: MeetingView; requestId: string }): AdaptiveCard {
  if (openRequest) {
    const body: CardElement[] = [
      heading('Your careers meeting'),
      textBlock(`You asked for a meeting on ${formatUkDate(datePart(openRequest.requestedAt))}.`),
    ];
    if (openRequest.offered) {
      body.push(textBlock('An adviser has offered you this time:'), meetingFacts(openRequest.offered));
      return adaptiveCard(body, [
        executeAction('Accept', MEETING_VERBS.acceptOffer, { requestId: openRequest.requestId }, 'positive'),
        executeAction('See other times', MEETING_VERBS.slots, {}),
      ]);
    }
    body.push(textBlock('A careers adviser will offer you a time soon. You can also book any free time yourself.', { subtle: true }));
    return adaptiveCard(body, [executeAction('Book a meeting', MEETING_VERBS.slots, {})]);
  }
  return adaptiveCard(
    [heading('Your careers meeting'), textBlock('You haven’t got a careers meeting booked.')],
    [executeAction('Book a meeting', MEETING_VERBS.slots, {}), executeAction('Ask for a meeting', MEETING_VERBS.requestForm, {})],
  );
}

export function askCancelCard(meetingId: string, view: MeetingView): AdaptiveCard {
  return adaptiveCard(
    [heading('Cancel your meeting?'), meetingFacts(view), textBlock('The time goes back to other pupils.', { subtle: true })],
    [executeAction('Yes, cancel it', MEETING_VERBS.cancel, { meetingId }, 'destructive'), executeAction('Keep it', MEETING_VERBS.mine, {})],
  );
}

/** `pending`: what is still to do after the cancellation was saved (then a button to finish it). */
export function cancelledCard(meetingId: string, view: MeetingView, pending: readonly string[] = []): AdaptiveCard {
  const when = `Your meeting on ${formatUkDateTime(view.startsAt)} with ${view.adviserName} is cancelled`;
  if (pending.length > 0) {
    return adaptiveCard(
      [heading('Meeting cancelled'), textBlock(unfinished(when, pending, 'Finish cancelling'), { color: 'Attention', weight: 'Bolder' })],
      [executeAction('Finish cancelling', MEETING_VERBS.cancel, { meetingId }, 'positive')],
    );
  }
  return adaptiveCard(
    [heading('Meeting cancelled'), textBlock(`${when}, and the time is free for other pupils. Your adviser will see it in their diary.`)],
    [executeAction('Book another time', MEETING_VERBS.slots, {})],
  );
}

export function tooLateMessage(startsAt: IsoDateTime, cutoffHours: number): string {
  return (
    `Sorry, it’s too late to change your meeting on ${formatUkDateTime(startsAt)} here: changes close ${cutoffHours} hours ` +
    `before it starts. ` +
    'If you can’t make it, please tell your careers adviser or the careers office.'
  );
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let start = 0; start < items.length; start += size) rows.push(items.slice(start, start + size));
  return rows;
}

export const SLOT_GONE = 'Sorry, that time has just gone. Here are the next free ones.';
