import type { AdaptiveCard } from '@microsoft/teams-ai';
import {
  actionSet,
  adaptiveCard,
  choiceSet,
  container,
  dateInput,
  executeAction,
  factSet,
  fieldError,
  heading,
  plainText,
  textBlock,
  textInput,
  type CardElement,
} from '../../cards/adaptive-card';
import type { VerbData } from '../../cards/card-verb';
import { datePart, formatUkDate, formatUkDateTime } from '../../domain/calendar';
import type { IsoDate, IsoDateTime, MeetingStatus } from '../../domain/school';
import { unfinished } from './follow-up-steps';
import { MEETING_VERBS } from './meeting-verbs';
import { ACTION_OWNERS, ACTION_ROWS, OUTCOME_LIMITS, type OutcomeFieldErrors, type OutcomeFormValues } from './outcome-submission';
import { endOf, timePart } from './slot-times';

export interface DiaryRow {
  meetingId: string;
  startsAt: IsoDateTime;
  minutes: number;
  place: string;
  pupilName: string;
  adviserName?: string;
  topic?: string;
  /** Why it is waiting to be recorded, if it is. */
  toRecord?: 'outcome' | 'notes';
  started: boolean;
  /** Whose calendar is still waiting for the event (Graph failed, or is being retried). */
  notInCalendar?: 'your' | 'the adviser’s';
}

export interface DiaryCardInput {
  whose: string;
  today: IsoDate;
  toRecord: readonly DiaryRow[];
  todays: readonly DiaryRow[];
  upcoming: readonly DiaryRow[];
  freeSlots: number;
  openRequests: number;
  notice?: string;
  /** Meeting notices that have not reached their recipient: the adviser's own, or everyone's for the careers leader. */
  undelivered?: { forLeader: boolean; lines: readonly string[] };
  /** Open and overdue agreed actions (src/journeys/meetings/action-cards.ts). */
  agreedActions?: readonly CardElement[];
}

function row(entry: DiaryRow, options: { withDate: boolean }): CardElement {
  const when = options.withDate
    ? `${formatUkDate(datePart(entry.startsAt))}, ${timePart(entry.startsAt)}`
    : `${timePart(entry.startsAt)}–${endOf(entry.startsAt, entry.minutes)}`;
  const details = [entry.place, entry.adviserName ? `with ${entry.adviserName}` : undefined].filter(Boolean).join(' · ');
  const items: CardElement[] = [textBlock(`${when}: ${entry.pupilName}`, { weight: 'Bolder' }), plainText(details, { subtle: true })];
  if (entry.topic) items.push(plainText(`To talk about: ${entry.topic}`, { subtle: true }));
  if (entry.toRecord === 'notes') items.push(textBlock('Advice and agreed actions still to record.', { color: 'Attention' }));
  if (entry.toRecord === 'outcome') items.push(textBlock('Not recorded yet: did they come?', { color: 'Attention' }));
  if (entry.notInCalendar) items.push(textBlock(`Not in ${entry.notInCalendar} calendar yet.`, { color: 'Warning' }));
  if (entry.started)
    items.push(actionSet([executeAction(`Record: ${entry.pupilName}`, MEETING_VERBS.recordForm, { meetingId: entry.meetingId })]));
  return container(items, { separator: true });
}

/** Meetings to record, today's, and the next two weeks', with the free slots and waiting requests. */
export function diaryCard(input: DiaryCardInput): AdaptiveCard {
  const body: CardElement[] = [
    heading(`Diary: ${input.whose}`),
    textBlock(
      `${input.freeSlots} free slot${input.freeSlots === 1 ? '' : 's'} in the next two weeks · ${input.openRequests} ` +
        `pupil${input.openRequests === 1 ? '' : 's'} waiting for a meeting`,
      { subtle: true },
    ),
  ];
  if (input.notice) body.push(textBlock(input.notice, { color: 'Good' }));
  if (input.toRecord.length > 0) {
    body.push(textBlock(`To record (${input.toRecord.length})`, { weight: 'Bolder', spacing: 'Large', color: 'Attention' }));
    body.push(...input.toRecord.map((entry) => row(entry, { withDate: true })));
  }
  if (input.undelivered && input.undelivered.lines.length > 0) body.push(...undeliveredSection(input.undelivered));
  body.push(...(input.agreedActions ?? []));
  body.push(textBlock(`Today, ${formatUkDate(input.today)}`, { weight: 'Bolder', spacing: 'Large' }));
  if (input.todays.length === 0) body.push(textBlock('No meetings today.', { subtle: true }));
  body.push(...input.todays.map((entry) => row(entry, { withDate: false })));
  body.push(textBlock('Coming up', { weight: 'Bolder', spacing: 'Large' }));
  if (input.upcoming.length === 0) body.push(textBlock('No meetings booked in the next two weeks.', { subtle: true }));
  body.push(...input.upcoming.map((entry) => row(entry, { withDate: true })));
  return adaptiveCard(body, [
    executeAction('Add slots', MEETING_VERBS.slotForm, {}),
    executeAction('My slots', MEETING_VERBS.availability, {}),
    executeAction(`Requests (${input.openRequests})`, MEETING_VERBS.requests, {}),
  ]);
}

function undeliveredSection({ forLeader, lines }: NonNullable<DiaryCardInput['undelivered']>): CardElement[] {
  const title = forLeader ? `Messages not delivered yet (${lines.length})` : `Messages that haven’t reached you (${lines.length})`;
  const why = forLeader
    ? 'Teams only lets Waypoint message people it is installed for. Ask your Teams administrator to install it for staff and ' +
      'pupils with an app setup policy.'
    : 'I couldn’t deliver these to you in Teams, so here they are.';
  return [
    textBlock(title, { weight: 'Bolder', spacing: 'Large', color: 'Warning' }),
    textBlock(why, { subtle: true }),
    ...lines.map((line) => textBlock(line)),
  ];
}

export interface RecordFormInput {
  meetingId: string;
  pupilName: string;
  startsAt: IsoDateTime;
  topic?: string;
  values: Partial<OutcomeFormValues>;
  errors?: OutcomeFieldErrors;
  /** Notes already stored that the card can't split into rows (e.g. imported). */
  earlierActions?: string;
}

/** Attended or missed; the advice given; up to three agreed actions (who, what, by when). */
export function recordFormCard(input: RecordFormInput): AdaptiveCard {
  const { values, errors = {} } = input;
  const actionInputs = ACTION_ROWS.flatMap((n) => [
    textBlock(`Agreed action ${n}${n === 1 ? '' : ' (optional)'}`, { weight: 'Bolder' }),
    choiceSet(
      `who${n}`,
      'Who',
      ACTION_OWNERS.map((owner) => ({ title: owner, value: owner })),
      { value: values[`who${n}`] || 'Pupil' },
    ),
    ...fieldError(errors[`who${n}`]),
    textInput(`what${n}`, 'Does what', {
      value: values[`what${n}`],
      placeholder: 'e.g. visit two college open days',
      maxLength: OUTCOME_LIMITS.action,
    }),
    ...fieldError(errors[`what${n}`]),
    dateInput(`by${n}`, 'By when', values[`by${n}`] ? { value: values[`by${n}`] } : {}),
    ...fieldError(errors[`by${n}`]),
  ]);
  return adaptiveCard(
    [
      heading('Record the meeting'),
      factSet([
        ['Pupil', input.pupilName],
        ['When', formatUkDateTime(input.startsAt)],
      ]),
      ...(input.topic ? [plainText(`To talk about: ${input.topic}`)] : []),
      ...(Object.keys(errors).length > 0
        ? [textBlock('Please check the highlighted answers. Nothing has been saved yet.', { color: 'Attention' })]
        : []),
      choiceSet(
        'outcome',
        'Did they come?',
        [
          { title: 'Attended', value: 'attended' },
          { title: 'Missed', value: 'missed' },
        ],
        { value: values.outcome || 'attended', expanded: true },
      ),
      ...fieldError(errors.outcome),
      textInput('advice', 'Advice given (if they came)', {
        value: values.advice,
        multiline: true,
        maxLength: OUTCOME_LIMITS.advice,
        placeholder: 'What you discussed and advised',
      }),
      ...fieldError(errors.advice),
      ...(input.earlierActions ? [textBlock(`Recorded before: ${input.earlierActions}`, { subtle: true })] : []),
      ...actionInputs,
    ],
    [
      executeAction('Save record', MEETING_VERBS.recordOutcome, { meetingId: input.meetingId }, 'positive'),
      executeAction('My diary', MEETING_VERBS.diary, {}),
    ],
  );
}

/** `pending`: what is still to do after the outcome was saved (then a button that finishes it, sending `finishData`). */
export function recordedCard(input: {
  pupilName: string;
  startsAt: IsoDateTime;
  status: MeetingStatus;
  advice: string;
  agreedActions: string;
  pending?: readonly string[];
  finishData: VerbData<typeof MEETING_VERBS.recordOutcome>;
}): AdaptiveCard {
  const attended = input.status === 'completed';
  const pending = input.pending ?? [];
  const after =
    pending.length > 0
      ? textBlock(unfinished('The meeting is recorded', pending, 'Finish recording'), { color: 'Attention', weight: 'Bolder' })
      : textBlock(
          attended
            ? 'It is in the pupil’s careers record now (Benchmarks 3 and 8).'
            : 'I’m sending the pupil an offer of another time (if it can’t reach them in Teams, the careers leader’s diary lists it).',
          { subtle: true },
        );
  return adaptiveCard(
    [
      heading('Meeting recorded'),
      factSet([
        ['Pupil', input.pupilName],
        ['When', formatUkDateTime(input.startsAt)],
        ['Outcome', attended ? 'Attended' : 'Missed'],
        ...(attended
          ? ([
              ['Advice', input.advice.split('\n').filter(Boolean).join(' ')],
              ['Agreed actions', input.agreedActions.split('\n').filter(Boolean).join('; ')],
            ] as Array<[string, string]>)
          : []),
      ]),
      after,
    ],
    pending.length > 0
      ? [executeAction('Finish recording', MEETING_VERBS.recordOutcome, input.finishData, 'positive')]
      : [executeAction('My diary', MEETING_VERBS.diary, {})],
  );
}
