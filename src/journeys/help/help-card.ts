import type { AdaptiveCard } from '@microsoft/teams-ai';
import { adaptiveCard, container, heading, sendTextAction, textBlock } from '../../cards/adaptive-card';
import { ROLE_LABELS } from '../../domain/roles';
import type { Person } from '../../domain/school';
import type { HelpEntry } from '../../bot/route';

/**
 * What this person can do, with a button into each journey. In a channel or group chat the card
 * names nobody and lists only what answers there.
 */
export function helpCard(person: Person, entries: readonly HelpEntry[], options: { welcome?: boolean; shared?: boolean } = {}): AdaptiveCard {
  const greeting = options.welcome ? `Welcome to Waypoint, ${person.givenName}` : `Hi ${person.givenName}`;
  const whoYouAre = options.shared
    ? [heading('Waypoint'), textBlock('Others can read this conversation, so here I only do what shows nobody’s personal data. Message me personally for everything else.', { subtle: true })]
    : [heading(greeting), textBlock(`${ROLE_LABELS[person.role]}${person.role === 'pupil' && person.yearGroup ? `, Year ${person.yearGroup}` : ''}`, { subtle: true })];
  return adaptiveCard(
    [
      ...whoYouAre,
      textBlock(entries.length > 0 ? 'Waypoint keeps your school’s careers programme in Teams. Here is what you can do:' : 'Waypoint keeps your school’s careers programme in Teams.'),
      ...entries.map((entry) =>
        container([textBlock(entry.title, { weight: 'Bolder' }), textBlock(`${entry.description} Type “${entry.command}”.`, { subtle: true })], {
          separator: true,
        }),
      ),
    ],
    entries.filter((entry) => entry.command !== 'help').map((entry) => sendTextAction(entry.title, entry.command)),
  );
}

export function notOnRosterMessage(): string {
  return (
    'Hello! I can’t find you on your school’s roster in Waypoint, so I can’t show you anything yet. ' +
    'If you think you should be on it, please ask your careers leader or the school office to check your school email address.'
  );
}

export function leftRosterMessage(): string {
  return (
    'Hello! You’re no longer on your school’s roster in Waypoint, so I can’t show you anything or change anything for you. ' +
    'If you think that’s a mistake, please contact the school office.'
  );
}

export function onRollInSeveralSchoolsMessage(): string {
  return (
    'Sorry, your sign-in is on the roster of more than one school in Waypoint, so I can’t tell which school you belong to and can’t show you anything. ' +
    'Please contact your school so they can correct the roster.'
  );
}

export function otherTenantMessage(): string {
  return 'Sorry, Waypoint here is set up for another organisation, so it can’t help you. Please use your own school’s Waypoint.';
}

export function notUnderstoodMessage(): string {
  return 'Sorry, I didn’t understand that. Type “help” to see what you can do in Waypoint.';
}
