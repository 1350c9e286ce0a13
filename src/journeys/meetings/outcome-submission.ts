import { ACTION_OWNERS } from '../../domain/agreed-actions';
import { addDays, formatUkDate, isRealIsoDate } from '../../domain/calendar';
import type { IsoDate } from '../../domain/school';
import { characterCount, oneLine, tidyLines } from '../../domain/typed-text';

// What an adviser records after a guidance meeting (Benchmark 3 wants advice and agreed actions
// after every one). Limits sit inside meetings.csv's 4,000 characters per cell.

export const OUTCOME_LIMITS = { advice: 2000, action: 200, actions: 3 } as const;
export { ACTION_OWNERS };
export const ACTION_ROWS = [1, 2, 3] as const;

export type ActionRow = (typeof ACTION_ROWS)[number];
type ActionField = `who${ActionRow}` | `what${ActionRow}` | `by${ActionRow}`;

export type OutcomeFormValues = { outcome: string; advice: string } & Record<ActionField, string>;
export type OutcomeFieldErrors = Partial<Record<keyof OutcomeFormValues, string>>;

export interface AgreedAction {
  who: (typeof ACTION_OWNERS)[number];
  what: string;
  by: IsoDate;
}

export type OutcomeValidation =
  | { ok: true; outcome: { status: 'completed'; advice: string; agreedActions: string } | { status: 'missed' } }
  | { ok: false; errors: OutcomeFieldErrors };

/** "Pupil: visit two college open days, by Fri 20 Mar 2026", one action a line. */
export function formatActions(actions: readonly AgreedAction[]): string {
  return actions.map((action) => `${action.who}: ${action.what}, by ${formatUkDate(action.by)}`).join('\n');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ACTION_LINE = new RegExp(`^(${ACTION_OWNERS.join('|')}): (.+), by \\w{3} (\\d{1,2}) (\\w{3}) (\\d{4})$`);

/** Reads back what formatActions wrote, to prefill the card; undefined for text written elsewhere (an import). */
export function parseActions(text: string): AgreedAction[] | undefined {
  if (text.trim() === '') return [];
  const actions: AgreedAction[] = [];
  for (const line of text.split('\n')) {
    const match = ACTION_LINE.exec(line.trim());
    const month = match ? MONTHS.indexOf(match[4]!) + 1 : 0;
    if (!match || month === 0) return undefined;
    actions.push({
      who: match[1] as AgreedAction['who'],
      what: match[2]!,
      by: `${match[5]}-${String(month).padStart(2, '0')}-${match[3]!.padStart(2, '0')}`,
    });
  }
  return actions.length <= OUTCOME_LIMITS.actions ? actions : undefined;
}

/** Checks the record card; `meetingDate` bounds the action dates (on or after it, within two years). */
export function validateOutcomeForm(values: OutcomeFormValues, meetingDate: IsoDate): OutcomeValidation {
  const errors: OutcomeFieldErrors = {};
  if (values.outcome === 'missed') return { ok: true, outcome: { status: 'missed' } };
  if (values.outcome !== 'attended') return { ok: false, errors: { outcome: 'Say whether the pupil came to the meeting.' } };

  const advice = tidyLines(values.advice);
  if (advice === '') errors.advice = 'Write the advice you gave: Benchmark 3 needs it after every meeting.';
  else if (characterCount(advice) > OUTCOME_LIMITS.advice)
    errors.advice = `Keep the advice to ${OUTCOME_LIMITS.advice} characters (it has ${characterCount(advice)}).`;

  const latest = addDays(meetingDate, 730);
  const actions: AgreedAction[] = [];
  for (const row of ACTION_ROWS) {
    const what = oneLine(values[`what${row}`]);
    const by = values[`by${row}`].trim();
    const who = values[`who${row}`];
    if (what === '' && by === '') continue;
    if (what === '') {
      errors[`what${row}`] = 'Say what will be done, or clear the date.';
      continue;
    }
    if (characterCount(what) > OUTCOME_LIMITS.action)
      errors[`what${row}`] = `Keep each action to ${OUTCOME_LIMITS.action} characters (it has ${characterCount(what)}).`;
    if (!(ACTION_OWNERS as readonly string[]).includes(who)) errors[`who${row}`] = 'Choose who will do it.';
    if (by === '') errors[`by${row}`] = 'Choose the date it should be done by.';
    else if (!isRealIsoDate(by)) errors[`by${row}`] = 'Choose a date from the calendar.';
    else if (by < meetingDate) errors[`by${row}`] = `That date is before the meeting: choose ${formatUkDate(meetingDate)} or later.`;
    else if (by > latest) errors[`by${row}`] = 'Choose a date within two years of the meeting.';
    if (!errors[`what${row}`] && !errors[`who${row}`] && !errors[`by${row}`]) actions.push({ who: who as AgreedAction['who'], what, by });
  }
  const rowErrors = ACTION_ROWS.some((row) => errors[`what${row}`] || errors[`who${row}`] || errors[`by${row}`]);
  if (actions.length === 0 && !rowErrors) errors.what1 = 'Add at least one agreed action: who does what, by when.';

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, outcome: { status: 'completed', advice, agreedActions: formatActions(actions) } };
}
