import type { AdaptiveCard } from '@microsoft/teams-ai';
import { actionSet, adaptiveCard, container, executeAction, heading, textBlock, type CardElement } from '../../cards/adaptive-card';
import { ROLE_LABELS } from '../../domain/roles';
import type { Person, Role } from '../../domain/school';
import type { CommandOffer, HelpEntry } from '../../bot/route';
import { HELP_VERBS, HelpView } from './help-verbs';

/** Teams shows six card buttons before hiding the rest behind "…"; "More" takes the sixth place when needed. */
export const MOST_BUTTONS = 6;

/** The entries the help card leads with: all of them when they fit in six buttons, else five and "More". */
export function topEntries(entries: readonly HelpEntry[]): { shown: readonly HelpEntry[]; more: boolean } {
  const runnable = entries.filter((entry) => entry.command !== 'help');
  return runnable.length <= MOST_BUTTONS ? { shown: runnable, more: false } : { shown: runnable.slice(0, MOST_BUTTONS - 1), more: true };
}

function runButton(entry: CommandOffer, view: HelpView) {
  return executeAction(entry.title, HELP_VERBS.run, { command: entry.command, view, ...(entry.typed ? { typed: entry.typed } : {}) });
}

function entryBlock(entry: HelpEntry, withButton?: HelpView): CardElement {
  const lines = [
    textBlock(entry.title, { weight: 'Bolder' }),
    textBlock(`${entry.description} Type “${entry.command}”.`, { subtle: true }),
  ];
  return container(withButton ? [...lines, actionSet([runButton(entry, withButton)])] : lines, { separator: true });
}

/**
 * What this person can do, their own work first, with a button into each journey. In a channel or
 * group chat the card names nobody and lists only what answers there. The "all" view lists every
 * entry with its button beside it (no card-level limit applies to buttons in the body).
 */
export function helpCard(person: Person, entries: readonly HelpEntry[], options: { view?: HelpView; shared?: boolean } = {}): AdaptiveCard {
  const view = options.view ?? 'help';
  if (view === 'not-understood') return notUnderstoodCard(entries);
  const greeting = view === 'welcome' ? `Welcome to Waypoint, ${person.givenName}` : `Hi ${person.givenName}`;
  const whoYouAre = options.shared
    ? [
        heading('Waypoint'),
        textBlock(
          'Others can read this conversation, so here I only do what shows nobody’s personal data. Message me personally ' +
            'for everything else.',
          { subtle: true },
        ),
      ]
    : [
        heading(greeting),
        textBlock(`${ROLE_LABELS[person.role]}${person.role === 'pupil' && person.yearGroup ? `, Year ${person.yearGroup}` : ''}`, {
          subtle: true,
        }),
      ];
  const intro = textBlock(
    entries.length > 0
      ? 'Waypoint keeps your school’s careers programme in Teams. Here is what you can do:'
      : 'Waypoint keeps your school’s careers programme in Teams.',
  );
  const ownWords = options.shared ? [] : [ownWordsLine(person.role)];
  if (view === 'all') {
    const runnable = entries.filter((entry) => entry.command !== 'help');
    return adaptiveCard([...whoYouAre, intro, ...ownWords, ...runnable.map((entry) => entryBlock(entry, 'all'))]);
  }
  const { shown, more } = topEntries(entries);
  return adaptiveCard(
    [...whoYouAre, intro, ...ownWords, ...shown.map((entry) => entryBlock(entry))],
    [...shown.map((entry) => runButton(entry, view)), ...(more ? [moreButton()] : [])],
  );
}

function moreButton() {
  return executeAction('More', HELP_VERBS.more);
}

/**
 * The answer when nothing matched what someone typed: the same top actions as their help card,
 * so the next tap is one of their own jobs rather than a dead end.
 */
export function notUnderstoodCard(entries: readonly HelpEntry[]): AdaptiveCard {
  const { shown, more } = topEntries(entries);
  return adaptiveCard(
    [
      textBlock(
        shown.length > 0 ? 'Here is what you can do. Tap one, or type “help” for more.' : 'Type “help” to see what you can do in Waypoint.',
      ),
    ],
    [...shown.map((entry) => runButton(entry, 'not-understood')), ...(more ? [moreButton()] : [])],
  );
}

export function notUnderstoodMessage(): string {
  return 'Sorry, I didn’t understand that. Type “help” to see what you can do in Waypoint.';
}

/** Two things each role might type in its own words, for the welcome and help cards. */
export const OWN_WORDS_EXAMPLES: Record<Role, readonly [string, string]> = {
  pupil: ['i need some careers advice', 'when is my meeting'],
  teacher: ['what have i logged so far', 'which year groups haven’t i covered yet'],
  careers_adviser: ['who am i seeing today', 'any pupils waiting to see me'],
  careers_leader: ['what should i focus on this week', 'how is year 11 doing on guidance meetings'],
  senco: ['how are pupils with SEND doing', 'who has left this year'],
  admin: ['what are our gaps', 'change the term dates'],
};

/** The line that says people need not learn the commands: "You can ask in your own words, e.g. …". */
export function ownWordsLine(role: Role) {
  const [first, second] = OWN_WORDS_EXAMPLES[role];
  return textBlock(`You can ask in your own words, for example “${first}” or “${second}”.`, { subtle: true });
}

/**
 * A message that could mean any of a few commands: a button for each (at most three), each running
 * its command exactly as if typed. Nothing runs until one is tapped.
 */
export function didYouMeanCard(offers: readonly CommandOffer[]): AdaptiveCard {
  return adaptiveCard(
    [heading('Did you mean…?'), textBlock('I’m not sure which of these you meant. Tap one, or type “help” to see everything.')],
    offers.slice(0, 3).map((offer) => runButton(offer, 'did-you-mean')),
  );
}

/** The "Did you mean…?" card once a button on it was tapped: what was chosen, and no buttons to tap twice. */
export function didYouMeanChosenCard(command: string): AdaptiveCard {
  return adaptiveCard([heading('Did you mean…?'), textBlock(`You chose “${command}”.`, { subtle: true })]);
}
