import { type VerbData, type VerbDefinition } from './card-verb';
import type { AdaptiveCard } from '@microsoft/teams-ai';
import { CardFactory, type Attachment } from 'botbuilder';

// Small typed builders: cards stay data, and every card is Adaptive Cards 1.5 as Teams renders it.
export type CardElement = Record<string, unknown> & { type: string };
export type CardAction = Record<string, unknown> & { type: string; title: string };

export function adaptiveCard(body: CardElement[], actions: CardAction[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

export function heading(text: string): CardElement {
  return { type: 'TextBlock', text, size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' };
}

export function textBlock(
  text: string,
  options: { subtle?: boolean; weight?: 'Bolder'; color?: 'Attention' | 'Good' | 'Warning'; spacing?: 'Medium' | 'Large' } = {},
): CardElement {
  return {
    type: 'TextBlock',
    text,
    wrap: true,
    ...(options.subtle ? { isSubtle: true } : {}),
    ...(options.weight ? { weight: options.weight } : {}),
    ...(options.color ? { color: options.color } : {}),
    ...(options.spacing ? { spacing: options.spacing } : {}),
  };
}

/**
 * Text with anything someone typed in it (a pupil's reason, an activity's title, a school's name):
 * the one way a card shows typed text. A TextRun is never read as markdown, where a TextBlock's
 * text and a FactSet's values are, so no link, image or formatting in it comes alive on screen.
 * Several texts are runs of one block (a bold label, then the typed value).
 */
export function plainText(text: string | readonly TextRun[], options: PlainTextOptions = {}): CardElement {
  const { spacing, ...run } = options;
  const runs = typeof text === 'string' ? [{ text, ...run }] : text;
  return { type: 'RichTextBlock', inlines: runs.map(textRun), ...(spacing ? { spacing } : {}) };
}

export interface TextRun {
  text: string;
  subtle?: boolean;
  weight?: 'Bolder';
  color?: 'Attention' | 'Good' | 'Warning';
  size?: 'Small' | 'Large';
}
type PlainTextOptions = Omit<TextRun, 'text'> & { spacing?: 'None' | 'Small' | 'Medium' | 'Large' };

function textRun(run: TextRun): CardElement {
  return {
    type: 'TextRun',
    text: run.text,
    ...(run.subtle ? { isSubtle: true } : {}),
    ...(run.weight ? { weight: run.weight } : {}),
    ...(run.color ? { color: run.color } : {}),
    ...(run.size ? { size: run.size } : {}),
  };
}

/**
 * Titled facts ("When", "Help with"), each on its line as "Title: value" in TextRuns (plainText),
 * not a FactSet: Teams reads a FactSet's values as markdown, and the values are often typed.
 */
export function factSet(facts: ReadonlyArray<readonly [string, string]>): CardElement {
  return container(
    facts.map(([title, value], index) =>
      plainText([{ text: `${title}: `, weight: 'Bolder' }, { text: value }], index > 0 ? { spacing: 'Small' } : {}),
    ),
  );
}

export function container(
  items: CardElement[],
  options: { separator?: boolean; style?: 'emphasis' | 'good' | 'attention' | 'warning' } = {},
): CardElement {
  return {
    type: 'Container',
    items,
    ...(options.separator ? { separator: true, spacing: 'Medium' } : {}),
    ...(options.style ? { style: options.style } : {}),
  };
}

type ButtonStyle = 'positive' | 'destructive';
/** The data is optional only when the verb's schema accepts none. */
type ActionArguments<Verb extends VerbDefinition> =
  Record<never, never> extends VerbData<Verb> ? [data?: VerbData<Verb>, style?: ButtonStyle] : [data: VerbData<Verb>, style?: ButtonStyle];

/**
 * A button handled as an Action.Execute invoke; the reply replaces the card in place. Its data is
 * all its verb needs: a card whose inputs supply some of it uses formAction.
 */
export function executeAction<Verb extends VerbDefinition>(title: string, verb: Verb, ...[data, style]: ActionArguments<Verb>): CardAction {
  return { type: 'Action.Execute', title, verb: verb.name, data: data ?? {}, ...(style ? { style } : {}) };
}

/** A card's submit button: its data and the card's inputs (by their ids) together make the verb's data. */
export function formAction<Verb extends VerbDefinition>(
  title: string,
  verb: Verb,
  data: Partial<VerbData<Verb>>,
  style?: ButtonStyle,
): CardAction {
  return { type: 'Action.Execute', title, verb: verb.name, data, ...(style ? { style } : {}) };
}

/** A button that opens a link (a Teams meeting's join link): no verb, nothing sent to the bot. */
export function openUrlAction(title: string, url: string): CardAction {
  return { type: 'Action.OpenUrl', title, url };
}

export function cardAttachment(card: AdaptiveCard): Attachment {
  return CardFactory.adaptiveCard(card);
}

export interface Choice {
  title: string;
  value: string;
}

export function choiceSet(
  id: string,
  label: string,
  choices: readonly Choice[],
  options: { value?: string; multiSelect?: boolean; expanded?: boolean; placeholder?: string } = {},
): CardElement {
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    choices,
    ...(options.value !== undefined ? { value: options.value } : {}),
    ...(options.multiSelect ? { isMultiSelect: true } : {}),
    style: options.expanded ? 'expanded' : 'compact',
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
  };
}

export function textInput(
  id: string,
  label: string,
  options: { value?: string; placeholder?: string; maxLength?: number; multiline?: boolean; style?: 'Url' | 'Email' | 'Tel' | 'Text' } = {},
): CardElement {
  return {
    type: 'Input.Text',
    id,
    label,
    // The style picks the phone keyboard that suits the content.
    ...(options.style ? { style: options.style } : {}),
    ...(options.value ? { value: options.value } : {}),
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
    ...(options.maxLength ? { maxLength: options.maxLength } : {}),
    ...(options.multiline ? { isMultiline: true } : {}),
  };
}

/**
 * No min, max or isRequired on inputs: a client refuses to send a card whose value is outside them, so
 * Save looks stuck. The bot checks every submission and answers on the card with the reason.
 */
export function dateInput(id: string, label: string, options: { value?: string } = {}): CardElement {
  return { type: 'Input.Date', id, label, ...(options.value ? { value: options.value } : {}) };
}

/** A red line under an input saying what to fix (it may quote what was typed); nothing when the field is fine. */
export function fieldError(message: string | undefined): CardElement[] {
  return message ? [plainText(message, { color: 'Attention', size: 'Small', spacing: 'None' })] : [];
}

export function columnSet(columns: Array<{ items: CardElement[]; width?: 'auto' | 'stretch' | string }>): CardElement {
  return {
    type: 'ColumnSet',
    columns: columns.map((column) => ({ type: 'Column', width: column.width ?? 'stretch', items: column.items })),
  };
}

/** Buttons inside the body, e.g. one per row of a list. */
export function actionSet(actions: CardAction[]): CardElement {
  return { type: 'ActionSet', actions };
}

/** A tick box. Teams sends "true" or "false" for it. */
export function toggleInput(id: string, title: string, on: boolean): CardElement {
  return { type: 'Input.Toggle', id, title, value: on ? 'true' : 'false', valueOn: 'true', valueOff: 'false', wrap: true };
}

/** How a toggle's value arrives: a string from Teams, sometimes a boolean from other clients. */
export function isOn(value: unknown): boolean {
  return value === true || value === 'true';
}

export function numberInput(id: string, label: string, options: { value?: number; placeholder?: string } = {}): CardElement {
  // No min or max, as for dates: the submission's check says what range is allowed.
  return {
    type: 'Input.Number',
    id,
    label,
    ...(options.value !== undefined ? { value: options.value } : {}),
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
  };
}

/** Makes a Container, ColumnSet or Column tappable (a report row opens its list); TextBlocks cannot be. */
export function tappable(element: CardElement, action: CardAction): CardElement {
  return { ...element, selectAction: action };
}
