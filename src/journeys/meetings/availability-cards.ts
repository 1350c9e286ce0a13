import type { AdaptiveCard } from '@microsoft/teams-ai';
import {
  actionSet,
  adaptiveCard,
  type CardElement,
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
} from '../../cards/adaptive-card';
import { formatUkDate } from '../../domain/calendar';
import type { IsoDate, IsoDateTime } from '../../domain/school';
import { timeInput, toggleInput } from './meeting-card-parts';
import { MEETING_VERBS } from './meeting-verbs';
import { MEETING_LENGTHS, timePart, endOf } from './slot-times';
import { SLOT_LIMITS, type SlotFieldErrors, type SlotFormValues } from './slot-submission';

export interface AdviserChoice {
  id: string;
  name: string;
}

/** Date, times, length, place and weekly repeat; the careers leader also chooses whose diary. */
export function slotFormCard(input: {
  advisers: readonly AdviserChoice[];
  values: Partial<SlotFormValues>;
  errors?: SlotFieldErrors;
  today: IsoDate;
}): AdaptiveCard {
  const { values, errors = {} } = input;
  const chooseAdviser = input.advisers.length > 1;
  return adaptiveCard(
    [
      heading('Add meeting slots'),
      textBlock('Pupils can book these times for a careers guidance meeting. Weekends, holidays and closure days are never offered.', {
        subtle: true,
      }),
      ...(Object.keys(errors).length > 0
        ? [textBlock('Please check the highlighted answers. Nothing has been saved yet.', { color: 'Attention' })]
        : []),
      ...(chooseAdviser
        ? [
            choiceSet(
              'adviserId',
              'Whose diary',
              input.advisers.map((adviser) => ({ title: adviser.name, value: adviser.id })),
              { value: values.adviserId ?? input.advisers[0]?.id },
            ),
          ]
        : []),
      ...fieldError(errors.adviserId),
      dateInput('date', 'Date', { value: values.date || input.today }),
      ...fieldError(errors.date),
      timeInput('start', 'From', values.start || '09:00'),
      ...fieldError(errors.start),
      timeInput('end', 'Until', values.end || '12:00'),
      ...fieldError(errors.end),
      choiceSet(
        'length',
        'Each meeting lasts',
        MEETING_LENGTHS.map((minutes) => ({ title: `${minutes} minutes`, value: String(minutes) })),
        { value: values.length || '30' },
      ),
      ...fieldError(errors.length),
      choiceSet(
        'placeKind',
        'Where',
        [
          { title: 'In a room', value: 'room' },
          { title: 'Online (Microsoft Teams)', value: 'online' },
        ],
        { value: values.placeKind || 'room', expanded: true },
      ),
      ...fieldError(errors.placeKind),
      textInput('room', 'Room (if in a room)', { value: values.room, placeholder: 'e.g. Careers office', maxLength: SLOT_LIMITS.room }),
      ...fieldError(errors.room),
      toggleInput('repeat', 'Repeat every week until the end of term', {
        value: values.repeat === 'weekly' ? 'weekly' : 'once',
        valueOn: 'weekly',
        valueOff: 'once',
      }),
      ...fieldError(errors.repeat),
    ],
    [
      executeAction('Add slots', MEETING_VERBS.addSlots, chooseAdviser ? {} : { adviserId: input.advisers[0]?.id ?? '' }, 'positive'),
      executeAction('My slots', MEETING_VERBS.availability, {}),
    ],
  );
}

export interface SlotsAddedSummary {
  adviserName: string;
  created: IsoDateTime[];
  alreadyThere: number;
  clashes: number;
  pastCount: number;
  skippedDates: IsoDate[];
  minutes: number;
  place: string;
}

export function slotsAddedCard(summary: SlotsAddedSummary): AdaptiveCard {
  const dates = [...new Set(summary.created.map((startsAt) => startsAt.slice(0, 10)))];
  const times = [...new Set(summary.created.map(timePart))].sort();
  const notes: string[] = [];
  if (summary.alreadyThere > 0)
    notes.push(
      `${summary.alreadyThere} ${plural(summary.alreadyThere, 'was', 'were')} already in the diary, so I ` +
        `left ${plural(summary.alreadyThere, 'it', 'them')} as ${plural(summary.alreadyThere, 'it was', 'they were')}.`,
    );
  if (summary.clashes > 0)
    notes.push(
      `${summary.clashes} would have overlapped a slot already in the diary, so I didn’t add ${plural(summary.clashes, 'it', 'them')}.`,
    );
  if (summary.pastCount > 0)
    notes.push(`${summary.pastCount} had already started, so I left ${plural(summary.pastCount, 'it', 'them')} out.`);
  if (summary.skippedDates.length > 0) notes.push(`Not on ${summary.skippedDates.map(formatUkDate).join(', ')}: not a school day.`);
  return adaptiveCard(
    [
      heading(
        summary.created.length === 0
          ? 'No new slots added'
          : `Added ${summary.created.length} slot${summary.created.length === 1 ? '' : 's'}`,
      ),
      ...(summary.created.length > 0
        ? [
            factSet([
              ['Diary', summary.adviserName],
              [dates.length === 1 ? 'Date' : 'Dates', dates.map(formatUkDate).join(', ')],
              ['Times', times.join(', ')],
              ['Length', `${summary.minutes} minutes`],
              ['Where', summary.place],
            ]),
          ]
        : []),
      ...notes.map((note) => textBlock(note, { subtle: true })),
    ],
    [
      executeAction('My slots', MEETING_VERBS.availability, {}),
      executeAction('Add more', MEETING_VERBS.slotForm, {}),
      executeAction('My diary', MEETING_VERBS.diary, {}),
    ],
  );
}

export interface SlotRow {
  slotKey: string;
  startsAt: IsoDateTime;
  minutes: number;
  place: string;
  adviserName?: string;
  /** "Free", "Booked: Ava Patel (Year 11)", "Offered to Ava Patel". */
  state: string;
  removable: boolean;
}

/** Upcoming slots by day, each day one line with a button to manage it. */
export function availabilityCard(
  days: ReadonlyArray<{ date: IsoDate; rows: readonly SlotRow[] }>,
  options: { laterFrom?: IsoDate; notice?: string; whose: string },
): AdaptiveCard {
  const body: CardElement[] = [heading(`Meeting slots: ${options.whose}`)];
  if (options.notice) body.push(textBlock(options.notice, { color: 'Good' }));
  if (days.length === 0) body.push(textBlock('No upcoming slots. Add some so pupils can book.'));
  for (const day of days) {
    const free = day.rows.filter((row) => row.state === 'Free').length;
    body.push(
      container(
        [
          textBlock(`${formatUkDate(day.date)}: ${day.rows.length} slot${day.rows.length === 1 ? '' : 's'}, ${free} free`, {
            weight: 'Bolder',
          }),
          textBlock(
            day.rows
              .map((row) => `${timePart(row.startsAt)}${row.state === 'Free' ? '' : ` (${row.state.split(':')[0]!.toLowerCase()})`}`)
              .join(' · '),
            { subtle: true },
          ),
          actionSet([executeAction(`Manage ${formatUkDate(day.date)}`, MEETING_VERBS.day, { date: day.date })]),
        ],
        { separator: true },
      ),
    );
  }
  return adaptiveCard(body, [
    ...(options.laterFrom ? [executeAction('Later', MEETING_VERBS.availability, { from: options.laterFrom })] : []),
    executeAction('Add slots', MEETING_VERBS.slotForm, {}),
    executeAction('My diary', MEETING_VERBS.diary, {}),
  ]);
}

/** One day's slots, with Remove on each free one. */
export function dayCard(date: IsoDate, rows: readonly SlotRow[], notice?: string): AdaptiveCard {
  const body: CardElement[] = [heading(`Slots on ${formatUkDate(date)}`)];
  if (notice) body.push(textBlock(notice, { color: 'Good' }));
  if (rows.length === 0) body.push(textBlock('No slots on this day.'));
  for (const row of rows) {
    body.push(
      container(
        [
          plainText(
            `${timePart(row.startsAt)}–${endOf(row.startsAt, row.minutes)} · ${row.place}${row.adviserName ? ` · ${row.adviserName}` : ''}`,
            { weight: 'Bolder' },
          ),
          textBlock(row.state, { subtle: true }),
          ...(row.removable
            ? [
                actionSet([
                  executeAction(`Remove ${timePart(row.startsAt)}`, MEETING_VERBS.removeSlot, { slotKey: row.slotKey }, 'destructive'),
                ]),
              ]
            : []),
        ],
        { separator: true },
      ),
    );
  }
  return adaptiveCard(body, [
    executeAction('My slots', MEETING_VERBS.availability, {}),
    executeAction('Add slots', MEETING_VERBS.slotForm, {}),
  ]);
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
