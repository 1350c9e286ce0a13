import type { AdaptiveCard } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { z } from 'zod/v4';
import type { Role } from '../domain/school';
import type { Services } from '../services';
import type { Sender } from './sender';
import { cardAttachment } from '../cards/adaptive-card';
import type { VerbDefinition } from '../cards/card-verb';

/** What every journey handler gets: the turn, who sent it, and the services. */
export interface Turn {
  context: TurnContext;
  sender: Sender;
  services: Services;
  /** When the user acted (the activity's own timestamp, so a redelivery agrees), ISO 8601. */
  occurredAt: string;
  /** The commands this sender's role may use here, for help and welcome cards. */
  helpEntries: HelpEntry[];
  /** Where the turn happened: a shared conversation never sees anyone's personal data. */
  conversationKind: ConversationKind;
  /**
   * For a handler that finds the text is not for it after all: the message is read as free text
   * (the intent model), and answered as not understood if that finds nothing either.
   */
  answerNotUnderstood(): Promise<void>;
}

/** A personal chat with the bot, or a conversation others read too (a team channel, a group chat). */
export type ConversationKind = 'personal' | 'shared';

/** Where a command or card verb may answer (decided for each in src/journeys/index.ts). */
export type Audience = 'any conversation' | 'personal chat';

/**
 * Channels and group chats are read by others, pupils included. Teams always names the type; the
 * Agents Playground leaves it out of some one-to-one conversations, which are not groups.
 */
export function conversationKindOf(context: TurnContext): ConversationKind {
  const conversation = context.activity.conversation;
  const shared =
    conversation?.isGroup === true || (conversation?.conversationType !== undefined && conversation.conversationType !== 'personal');
  return shared ? 'shared' : 'personal';
}

/** How a command shows on the help card. */
export interface HelpEntry {
  title: string;
  description: string;
  /** The command the help card's button runs, exactly as if typed. */
  command: string;
  /** Only these roles see the entry (when a shared command means different things per role). */
  roles?: readonly Role[];
}

/** A typed command, e.g. "help". */
export interface MessageCommand {
  name: string;
  pattern: RegExp;
  roles: readonly Role[];
  help?: HelpEntry;
  /** What someone whose role may not use it is told, when a plainer answer than "only … can" helps (undefined: the usual one). */
  refusal?(role: Role): string | undefined;
  /** How people ask for it in their own words, for messages no pattern takes (src/domain/understanding). */
  understood?: Understanding;
  /**
   * Its pattern's first group takes any words after its keyword (a pupil's name), so a message the
   * intent model clearly reads as another command ("record meeting outcome") runs that one instead.
   */
  takesAnyWords?: boolean;
  handle(turn: Turn): Promise<void>;
}

/** A command's example phrasings, which the intent model learns it from. */
export interface Understanding {
  /** As its people type them: pupils informal and lower case, with slips; staff terse. */
  examples: readonly string[];
  /** Phrasings only some roles mean this way (the report's "what are the gaps?" from those who have no gaps command). */
  examplesFor?: ReadonlyArray<{ roles: readonly Role[]; examples: readonly string[] }>;
  /** Who reaches it from free text, when fewer than may type it (default: all its roles). */
  roles?: readonly Role[];
  /** It changes something at once: free text only offers it as a button to tap, never runs it. */
  offerOnly?: boolean;
  /** The button that offers it, for a command without a help entry. */
  button?: CommandOffer;
}

/** An Action.Execute verb: its data is validated before the handler sees it. */
export interface CardVerb<Schema extends z.ZodType = z.ZodType> {
  verb: string;
  roles: readonly Role[];
  data: Schema;
  handle(turn: Turn, data: z.output<Schema>): Promise<AdaptiveCard | string>;
}

/** Sends the answer to a typed command: a card, or a plain message. */
export async function replyWith(turn: Turn, answer: AdaptiveCard | string): Promise<void> {
  if (typeof answer === 'string') await turn.context.sendActivity(answer);
  else await turn.context.sendActivity({ attachments: [cardAttachment(answer)] });
}

/** A command whose whole job is to answer with one card (or message). */
export function cardCommand(
  command: Omit<MessageCommand, 'handle'> & { answer(turn: Turn): Promise<AdaptiveCard | string> },
): MessageCommand {
  const { answer, ...rest } = command;
  return { ...rest, handle: async (turn) => replyWith(turn, await answer(turn)) };
}

/** A verb's route: the verb's own definition (name and data schema, as its cards use it), who may use it, and its handler. */
export function cardVerb<Schema extends z.ZodType>(route: {
  verb: VerbDefinition<Schema>;
  roles: readonly Role[];
  handle(turn: Turn, data: z.output<Schema>): Promise<AdaptiveCard | string>;
}): CardVerb<Schema> {
  return { verb: route.verb.name, data: route.verb.data, roles: route.roles, handle: route.handle };
}

/** A conversation update a journey reacts to (e.g. the bot removed from a team). */
export interface ConversationEvent {
  event: 'membersRemoved' | 'teamDeleted';
  handle(context: TurnContext, services: Services): Promise<void>;
}

/**
 * A help card's button: runs the command it names exactly as if typed, then shows the card it was
 * pressed on as it was.
 */
export interface CommandButton<
  Schema extends z.ZodType<{ command: string; typed?: string }> = z.ZodType<{ command: string; typed?: string }>,
> {
  verb: string;
  data: Schema;
  cardAfter(turn: Turn, data: z.output<Schema>): AdaptiveCard;
}

/**
 * Everything the application routes, handed to it from above (src/journeys/index.ts), so that the
 * bot imports no journey.
 */
export interface JourneyRegistry {
  /** In order: the first matching pattern wins. */
  commands: readonly MessageCommand[];
  cardVerbs: readonly CardVerb[];
  conversationEvents: readonly ConversationEvent[];
  /** Where a command or verb may answer: in the conversation it came from, or only in a personal chat. */
  audienceOf(entry: MessageCommand | CardVerb): Audience;
  /** The help card's entries for this role; in a shared conversation, only what answers there. */
  helpEntriesFor(role: Role, where: ConversationKind): HelpEntry[];
  commandButton: CommandButton;
  /** What a person sees when they first open a personal chat with the bot. */
  welcomeCard(turn: Turn): AdaptiveCard;
  /** The answer to a message that nothing understood. */
  answerNotUnderstood(turn: Turn): Promise<void>;
  /** What people say that asks for no command, for the intent model ("thanks!", "i hate school"). */
  notACommandExamples: readonly string[];
  /** The answer to a message that could mean any of a few commands: one button for each (at most three). */
  answerDidYouMean(turn: Turn, offers: readonly CommandOffer[]): Promise<void>;
}

/** A button that runs a command exactly as if typed. */
export interface CommandOffer {
  title: string;
  command: string;
  /** What the person typed, for the command to read its details from once chosen. */
  typed?: string;
}
