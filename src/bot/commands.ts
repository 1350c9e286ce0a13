import type { Role } from '../domain/school';
import { helpCommand, myDetailsCommand } from '../journeys/help/help-commands';
import { LINK_CARD_VERBS, LINK_COMMANDS, LINK_SHORTCUT } from '../journeys/links/link-routes';
import type { CardVerb, HelpEntry, MessageCommand } from './route';

// Every command and card verb, registered in one place. The first matching pattern wins, so the
// loose one-line link shortcut comes last.
export const MESSAGE_COMMANDS: readonly MessageCommand[] = [helpCommand, myDetailsCommand, ...LINK_COMMANDS, LINK_SHORTCUT];

export const CARD_VERBS: readonly CardVerb[] = [...LINK_CARD_VERBS];

export function helpEntriesFor(role: Role): HelpEntry[] {
  return MESSAGE_COMMANDS.filter((command) => command.help && command.roles.includes(role)).map((command) => command.help!);
}
