import type { Role } from '../domain/school';
import type { Audience, CardVerb, ConversationEvent, ConversationKind, HelpEntry, JourneyRegistry, MessageCommand } from '../bot/route';
import {
  answerDidYouMean,
  answerNotUnderstood,
  helpCommand,
  helpCommandButton,
  moreHelpVerb,
  myDetailsCommand,
  welcomeCard,
} from './help/help-commands';
import { NOT_A_COMMAND_EXAMPLES } from './help/help-examples';
import { forgetTeam } from './digest/digest-journey';
import { DIGEST_CARD_VERBS, DIGEST_COMMANDS } from './digest/digest-routes';
import { DIGEST_VERBS } from './digest/digest-verbs';
import { ENCOUNTER_CARD_VERBS, ENCOUNTER_COMMANDS } from './encounters/encounter-routes';
import { PLANNING_CARD_VERBS, PLANNING_COMMANDS } from './planning/planning-routes';
import { FEEDBACK_CARD_VERBS, FEEDBACK_COMMANDS } from './feedback/feedback-routes';
import { NUDGE_CARD_VERBS, stopNudgesCommand } from './nudges/nudge-routes';
import { leaversCommand } from './leavers/leavers-routes';
import { LINK_CARD_VERBS, LINK_COMMANDS, LINK_SHORTCUT } from './links/link-routes';
import { MEETING_CARD_VERBS, MEETING_COMMANDS } from './meetings/meeting-routes';
import { RECORD_CARD_VERBS, RECORD_COMMANDS } from './record/record-routes';
import { REPORT_CARD_VERBS, REPORT_COMMANDS } from './report/report-routes';
import { ACTIONS_CARD_VERBS, ACTIONS_COMMANDS } from './meetings/actions-routes';
import { SETTINGS_CARD_VERBS, SETTINGS_COMMANDS } from './settings/settings-routes';

// Every command and card verb, registered in one place and handed to the bot application
// (src/waypoint.ts), which imports no journey. The first matching pattern wins, so the loose
// one-line link shortcut comes last.
export const MESSAGE_COMMANDS: readonly MessageCommand[] = [
  helpCommand,
  myDetailsCommand,
  ...LINK_COMMANDS,
  ...ENCOUNTER_COMMANDS,
  ...PLANNING_COMMANDS,
  ...FEEDBACK_COMMANDS,
  ...SETTINGS_COMMANDS,
  ...REPORT_COMMANDS,
  leaversCommand,
  ...DIGEST_COMMANDS,
  stopNudgesCommand,
  ...MEETING_COMMANDS,
  ...RECORD_COMMANDS,
  ...ACTIONS_COMMANDS,
  LINK_SHORTCUT,
];

export const CARD_VERBS: readonly CardVerb[] = [
  moreHelpVerb,
  ...LINK_CARD_VERBS,
  ...ENCOUNTER_CARD_VERBS,
  ...PLANNING_CARD_VERBS,
  ...FEEDBACK_CARD_VERBS,
  ...SETTINGS_CARD_VERBS,
  ...REPORT_CARD_VERBS,
  ...DIGEST_CARD_VERBS,
  ...NUDGE_CARD_VERBS,
  ...MEETING_CARD_VERBS,
  ...RECORD_CARD_VERBS,
  ...ACTIONS_CARD_VERBS,
];

export const CONVERSATION_EVENTS: readonly ConversationEvent[] = [{ event: 'membersRemoved', handle: forgetTeam }];

// Team channels and group chats include pupils. Only these answer there, because they show no
// pupil's personal data; every other command and verb answers the person in their personal chat.
// The decision for every command and verb is this one list: anything new is private until added.
const ANSWER_IN_SHARED_CONVERSATIONS: ReadonlySet<MessageCommand | CardVerb> = new Set<MessageCommand | CardVerb>([
  helpCommand,
  moreHelpVerb,
  ...DIGEST_COMMANDS,
  ...DIGEST_CARD_VERBS.filter((verb) => verb.verb === DIGEST_VERBS.allGaps.name),
]);

/** Where a command or verb may answer: in the conversation it came from, or only in a personal chat. */
export function audienceOf(entry: MessageCommand | CardVerb): Audience {
  return ANSWER_IN_SHARED_CONVERSATIONS.has(entry) ? 'any conversation' : 'personal chat';
}

// Each role's own work leads its help card (the commands, as the help entries name them); the rest follow in registration order.
const OWN_WORK_FIRST: Record<Role, readonly string[]> = {
  pupil: ['book a meeting', 'my meeting', 'my record'],
  teacher: ['log link', 'my links', 'my coverage'],
  careers_adviser: ['my diary', 'my slots', 'requests', 'add slots', 'record'],
  careers_leader: ['report', 'gaps', 'record activity', 'attendance', 'record'],
  senco: ['report', 'record', 'leavers'],
  admin: ['school settings', 'report', 'gaps', 'leavers'],
};

/** The help card's entries for this role, its own work first; in a channel or group chat, only what answers there. */
export function helpEntriesFor(role: Role, where: ConversationKind = 'personal'): HelpEntry[] {
  const entries = MESSAGE_COMMANDS.filter(
    (command) =>
      command.help &&
      command.roles.includes(role) &&
      (command.help.roles ?? command.roles).includes(role) &&
      (where === 'personal' || audienceOf(command) === 'any conversation'),
  ).map((command) => command.help!);
  const rank = (entry: HelpEntry) => {
    const place = OWN_WORK_FIRST[role].indexOf(entry.command);
    return place === -1 ? OWN_WORK_FIRST[role].length : place;
  };
  return entries.sort((a, b) => rank(a) - rank(b));
}

/** What the bot application routes (src/bot/application.ts). */
export const JOURNEYS: JourneyRegistry = {
  commands: MESSAGE_COMMANDS,
  cardVerbs: CARD_VERBS,
  conversationEvents: CONVERSATION_EVENTS,
  audienceOf,
  helpEntriesFor,
  commandButton: helpCommandButton,
  welcomeCard,
  answerNotUnderstood,
  notACommandExamples: NOT_A_COMMAND_EXAMPLES,
  answerDidYouMean,
};
