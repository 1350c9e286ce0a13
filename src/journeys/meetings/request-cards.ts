import type { AdaptiveCard } from '@microsoft/teams-ai';
import {
  actionSet,
  adaptiveCard,
  choiceSet,
  container,
  executeAction,
  factSet,
  fieldError,
  heading,
  plainText,
  textBlock,
  textInput,
  type CardElement,
} from '../../cards/adaptive-card';
import { formatUkDate, formatUkDateTime } from '../../domain/calendar';
import type { IsoDate } from '../../domain/school';
import type { FinishAction, SlotChoice } from './booking-cards';
import { BOOKING_LIMITS, type RequestFieldErrors, type RequestFormValues } from './booking-submission';
import { MEETING_VERBS } from './meeting-verbs';
import { formatSlotTime } from './slot-times';

export function requestFormCard(values: Partial<RequestFormValues> = {}, errors: RequestFieldErrors = {}): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Ask for a careers meeting'),
      textBlock(
        'If none of the free times suit you, tell us what you’d like help with and when suits you. A careers adviser will ' +
          'offer you a time.',
        { subtle: true },
      ),
      ...(Object.keys(errors).length > 0
        ? [textBlock('Please check the highlighted answers. Nothing has been sent yet.', { color: 'Attention' })]
        : []),
      textInput('reason', 'What would you like help with?', {
        value: values.reason,
        placeholder: 'e.g. choosing between sixth form and college',
        maxLength: BOOKING_LIMITS.reason,
        multiline: true,
      }),
      ...fieldError(errors.reason),
      textInput('preferredTimes', 'When suits you? (optional)', {
        value: values.preferredTimes,
        placeholder: 'e.g. Tuesday afternoons, not Period 1',
        maxLength: BOOKING_LIMITS.preferredTimes,
      }),
      ...fieldError(errors.preferredTimes),
    ],
    [executeAction('Send request', MEETING_VERBS.request, {}, 'positive'), executeAction('See free times', MEETING_VERBS.slots, {})],
  );
}

export function requestSentCard(request: RequestFormValues, requestedOn: IsoDate): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Request sent'),
      textBlock('Your adviser will see it in their requests and offer you a time, which I’ll send you here.'),
      factSet([
        ['Asked on', formatUkDate(requestedOn)],
        ['Help with', request.reason],
        ...(request.preferredTimes ? ([['Times that suit', request.preferredTimes]] as Array<[string, string]>) : []),
      ]),
    ],
    [executeAction('See free times', MEETING_VERBS.slots, {})],
  );
}

export interface QueueEntry {
  requestId: string;
  pupilName: string;
  reason: string;
  preferredTimes: string;
  /** "waiting 3 school days". */
  age: string;
  offered?: string;
  /** The adviser it was routed to (any adviser may still offer a time). */
  waitingWith?: string;
}

/** Open requests, oldest first, each with its age and an Offer button; `finish` finishes an offer storage stopped part-way. */
export function requestQueueCard(entries: readonly QueueEntry[], notice?: string, finish?: FinishAction): AdaptiveCard {
  const body: CardElement[] = [
    heading('Meeting requests'),
    textBlock(
      entries.length === 0
        ? 'No pupil is waiting for a meeting. Well done!'
        : `${entries.length} waiting, oldest first. Any adviser can offer a time.`,
      { subtle: true },
    ),
  ];
  if (notice) body.push(textBlock(notice, { color: 'Good' }));
  for (const entry of entries) {
    body.push(
      container(
        [
          textBlock(`${entry.pupilName}: ${entry.age}`, { weight: 'Bolder' }),
          plainText(entry.reason),
          ...(entry.preferredTimes ? [plainText(`Times that suit: ${entry.preferredTimes}`, { subtle: true })] : []),
          ...(entry.waitingWith && !entry.offered ? [textBlock(`Waiting with ${entry.waitingWith}`, { subtle: true })] : []),
          ...(entry.offered ? [textBlock(`Offered ${entry.offered}; waiting for the pupil to accept.`, { color: 'Good' })] : []),
          actionSet([
            executeAction(entry.offered ? 'Offer another time' : 'Offer a time', MEETING_VERBS.offerForm, { requestId: entry.requestId }),
          ]),
        ],
        { separator: true },
      ),
    );
  }
  return adaptiveCard(body, [
    ...(finish ? [finish] : []),
    executeAction('My diary', MEETING_VERBS.diary, {}),
    executeAction('Add slots', MEETING_VERBS.slotForm, {}),
  ]);
}

export function offerFormCard(entry: QueueEntry, slots: readonly SlotChoice[], error?: string): AdaptiveCard {
  if (slots.length === 0) {
    return adaptiveCard(
      [
        heading(`Offer a time to ${entry.pupilName}`),
        textBlock('There are no free slots to offer. Add some slots first, then come back to the request.'),
      ],
      [executeAction('Add slots', MEETING_VERBS.slotForm, {}), executeAction('Requests', MEETING_VERBS.requests, {})],
    );
  }
  return adaptiveCard(
    [
      heading(`Offer a time to ${entry.pupilName}`),
      plainText(entry.reason),
      ...(entry.preferredTimes ? [plainText(`Times that suit: ${entry.preferredTimes}`, { subtle: true })] : []),
      choiceSet(
        'slotKey',
        'Free slot',
        slots.map((slot) => ({
          title: `${formatSlotTime(slot.startsAt, slot.minutes)} · ${slot.place} · ${slot.adviserName}`,
          value: slot.slotKey,
        })),
        { value: slots[0]!.slotKey },
      ),
      ...fieldError(error),
      textBlock('The slot is held for the pupil for two days while they decide.', { subtle: true }),
    ],
    [
      executeAction('Send offer', MEETING_VERBS.offer, { requestId: entry.requestId }, 'positive'),
      executeAction('Requests', MEETING_VERBS.requests, {}),
    ],
  );
}

export function offeredTimeText(slot: SlotChoice): string {
  return `${formatUkDateTime(slot.startsAt)} with ${slot.adviserName}`;
}
