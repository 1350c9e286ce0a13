import type { Role } from '../domain/school';
import { helpCommand, myDetailsCommand } from '../journeys/help/help-commands';
import { DIGEST_CARD_VERBS, DIGEST_COMMANDS, forgetTeam } from '../journeys/digest/digest-routes';
import { ENCOUNTER_CARD_VERBS, ENCOUNTER_COMMANDS } from '../journeys/encounters/encounter-routes';
import { stopNudgesCommand } from '../journeys/nudges/nudge-routes';
import { leaversCommand } from '../journeys/leavers/leavers-routes';
import { LINK_CARD_VERBS, LINK_COMMANDS, LINK_SHORTCUT } from '../journeys/links/link-routes';
import { MEETING_CARD_VERBS, MEETING_COMMANDS } from '../journeys/meetings/meeting-routes';
import { RECORD_CARD_VERBS, RECORD_COMMANDS } from '../journeys/record/record-routes';
import { REPORT_CARD_VERBS, REPORT_COMMANDS } from '../journeys/report/report-routes';
import { SETTINGS_CARD_VERBS, SETTINGS_COMMANDS } from '../journeys/settings/settings-routes';
import type { CardVerb, ConversationEvent, HelpEntry, MessageCommand } from './route';

// Every command and card verb, registered in one place. The first matching pattern wins, so the
// loose one-line link shortcut comes last.
export const MESSAGE_COMMANDS: readonly MessageCommand[] = [
  helpCommand,
  myDetailsCommand,
  ...LINK_COMMANDS,
  ...ENCOUNTER_COMMANDS,
  ...SETTINGS_COMMANDS,
  ...REPORT_COMMANDS,
  leaversCommand,
  ...DIGEST_COMMANDS,
  stopNudgesCommand,
  ...MEETING_COMMANDS,
  ...RECORD_COMMANDS,
  LINK_SHORTCUT,
];

export const CARD_VERBS: readonly CardVerb[] = [...LINK_CARD_VERBS, ...ENCOUNTER_CARD_VERBS, ...SETTINGS_CARD_VERBS, ...REPORT_CARD_VERBS, ...DIGEST_CARD_VERBS, ...MEETING_CARD_VERBS, ...RECORD_CARD_VERBS];

export const CONVERSATION_EVENTS: readonly ConversationEvent[] = [{ event: 'membersRemoved', handle: forgetTeam }];

export function helpEntriesFor(role: Role): HelpEntry[] {
  return MESSAGE_COMMANDS.filter((command) => command.help && command.roles.includes(role)).map((command) => command.help!);
}
