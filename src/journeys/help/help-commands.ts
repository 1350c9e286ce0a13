import type { AdaptiveCard } from '@microsoft/teams-ai';
import { ALL_ROLES, ROLE_LABELS } from '../../domain/roles';
import { cardVerb, type CardVerb, type CommandButton, type CommandOffer, type MessageCommand, type Turn } from '../../bot/route';
import { adaptiveCard, cardAttachment, factSet, heading } from '../../cards/adaptive-card';
import { fullName } from '../../domain/school';
import { didYouMeanCard, didYouMeanChosenCard, helpCard, notUnderstoodCard, notUnderstoodMessage } from './help-card';
import { HELP_VERBS } from './help-verbs';
import { HELP, MY_DETAILS } from './help-examples';

export const helpCommand: MessageCommand = {
  name: 'help',
  understood: HELP,
  pattern: /^\s*(help|menu|hi|hello|start|\?)\s*[.!?]*\s*$/i,
  roles: ALL_ROLES,
  async handle({ context, sender, helpEntries, conversationKind }) {
    await context.sendActivity({
      attachments: [cardAttachment(helpCard(sender.person, helpEntries, { shared: conversationKind === 'shared' }))],
    });
  },
};

export const myDetailsCommand: MessageCommand = {
  name: 'my details',
  understood: MY_DETAILS,
  pattern: /^\s*(my details|who am i)\s*[.!?]*\s*$/i,
  roles: ALL_ROLES,
  help: { title: 'My details', description: 'See how Waypoint knows you: your name, role and school details.', command: 'my details' },
  async handle({ context, sender }) {
    const { person } = sender;
    const facts: Array<[string, string]> = [
      ['Name', fullName(person)],
      ['Role', ROLE_LABELS[person.role]],
    ];
    if (person.role === 'pupil') {
      if (person.yearGroup !== undefined) facts.push(['Year group', `Year ${person.yearGroup}`]);
      if (person.form) facts.push(['Form', person.form]);
    }
    if (person.subjects.length > 0) facts.push(['Subjects', person.subjects.join(', ')]);
    facts.push(['School sign-in', person.email]);
    await context.sendActivity({ attachments: [cardAttachment(adaptiveCard([heading('Your details in Waypoint'), factSet(facts)]))] });
  },
};

/** "More" on a help card: every entry this person has here, each with its button. */
export const moreHelpVerb: CardVerb = cardVerb({
  verb: HELP_VERBS.more,
  roles: ALL_ROLES,
  handle: async ({ sender, helpEntries, conversationKind }) =>
    helpCard(sender.person, helpEntries, { view: 'all', shared: conversationKind === 'shared' }),
});

/**
 * The one answer to a message nothing understood: the same sentence as ever, then the person's
 * top actions as buttons. Anything that recognises more phrasings runs before this.
 */
export async function answerNotUnderstood(turn: Turn): Promise<void> {
  await turn.context.sendActivity({ text: notUnderstoodMessage(), attachments: [cardAttachment(notUnderstoodCard(turn.helpEntries))] });
}

/** A message that could mean any of a few commands: one card, a button for each. */
export async function answerDidYouMean(turn: Turn, offers: readonly CommandOffer[]): Promise<void> {
  await turn.context.sendActivity({ attachments: [cardAttachment(didYouMeanCard(offers))] });
}

/**
 * A help, welcome, not-understood or "did you mean" card's button: the application runs its command exactly as if
 * typed (its answer arrives as a new message), and the card it was pressed on stays as it was. The
 * Playground ignores imBack buttons, so these are Action.Execute everywhere.
 */
export const helpCommandButton: CommandButton<typeof HELP_VERBS.run.data> = {
  verb: HELP_VERBS.run.name,
  data: HELP_VERBS.run.data,
  cardAfter: ({ sender, helpEntries, conversationKind }, data) =>
    data.view === 'did-you-mean'
      ? didYouMeanChosenCard(data.command)
      : helpCard(sender.person, helpEntries, { view: data.view, shared: conversationKind === 'shared' }),
};

/** The card a person gets when they install the app or first open a personal chat. */
export function welcomeCard({ sender, helpEntries }: Turn): AdaptiveCard {
  return helpCard(sender.person, helpEntries, { view: 'welcome' });
}
