import { Application, type AdaptiveCard, type TeamsAdapter } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { adaptiveCard, cardAttachment, heading, textBlock } from '../cards/adaptive-card';
import { ROLE_GROUP_NAMES } from '../domain/roles';
import type { Role } from '../domain/school';
import { listInEnglish } from '../domain/typed-text';
import type { Services } from '../services';
import { answerPrivately, answerVerbPrivately } from './private-answer';
import { answerCardAction, isCardAction } from './invoke-answer';
import { leftRosterMessage, notOnRosterMessage, onRollInSeveralSchoolsMessage, otherChannelMessage, otherTenantMessage } from './refusals';
import { conversationKindOf, type CardVerb, type CommandOffer, type JourneyRegistry, type MessageCommand, type Turn } from './route';
import { isFromTeams, resolveSender } from './sender';
import { prepareTypedMessage, tooLongMessage } from './typed-message';
import { clearlyMeantInstead, understandCommands, understandMessage, type CommandUnderstanding } from './understanding';

/**
 * The teams-ai Application with every route the journeys register (src/journeys/index.ts). No
 * turn-state storage: each journey keeps its own entities with etags, so concurrent turns in one
 * busy channel never fight over a shared blob.
 */
export function createBotApplication(adapter: TeamsAdapter, services: Services, journeys: JourneyRegistry): Application {
  // Trained once, at start, from the examples each command declares beside its route.
  const bot: Bot = { services, journeys, understanding: understandCommands(journeys.commands, journeys.notACommandExamples) };
  const app = new Application({ adapter, removeRecipientMention: true, startTypingTimer: false, longRunningMessages: false });

  // Before any route's pattern sees the text (after the @mention is removed).
  app.turn('beforeTurn', async (context) => {
    if (!isFromTeams(context)) {
      await refuseOtherChannel(context, services);
      return false;
    }
    const typed = prepareTypedMessage(context.activity);
    if (typed.kind !== 'too-long') return true;
    services.log.warn('message.too_long', { activityId: context.activity.id, characters: typed.characters });
    await context.sendActivity(tooLongMessage(typed.characters));
    return false;
  });

  for (const command of journeys.commands) app.message(command.pattern, (context) => runCommand(command, context, bot));
  app.activity(ActivityTypes.Message, (context) => answerUnknownMessage(context, bot));
  app.adaptiveCards.actionExecute(journeys.commandButton.verb, (context, _state, data) => runCommandButton(context, data, bot));
  for (const verb of journeys.cardVerbs)
    app.adaptiveCards.actionExecute(verb.verb, (context, _state, data) => runCardVerb(verb, context, data, bot));
  // Any other verb (an old card, a forged one): a clear answer instead of an error on the card.
  app.adaptiveCards.actionExecute(/.*/, (context) => answerUnknownVerb(context, bot));
  app.conversationUpdate('membersAdded', (context) => welcome(context, bot));
  for (const { event, handle } of journeys.conversationEvents) app.conversationUpdate(event, (context) => handle(context, services));

  return app;
}

/** What every route needs: the services, and the journeys' registry. */
interface Bot {
  services: Services;
  journeys: JourneyRegistry;
  understanding: CommandUnderstanding;
}

/** Resolves the sender and either builds their Turn or says (politely) why not. */
async function startTurn(context: TurnContext, bot: Bot): Promise<Turn | string> {
  const { services, journeys } = bot;
  const resolution = await resolveSender(context, services);
  if (resolution.kind === 'other-channel') return otherChannelMessage();
  if (resolution.kind === 'other-tenant') return otherTenantMessage();
  if (resolution.kind === 'not-on-roster') return notOnRosterMessage();
  if (resolution.kind === 'left') return leftRosterMessage();
  if (resolution.kind === 'several-schools') return onRollInSeveralSchoolsMessage();
  const { sender } = resolution;
  const stamped = context.activity.timestamp ? new Date(context.activity.timestamp) : services.now();
  const occurredAt = Number.isNaN(stamped.getTime()) ? services.now().toISOString() : stamped.toISOString();
  const conversationKind = conversationKindOf(context);
  const turn: Turn = {
    context,
    sender,
    services,
    occurredAt,
    conversationKind,
    helpEntries: journeys.helpEntriesFor(sender.person.role, conversationKind),
    answerNotUnderstood: () => readFreeText(turn, bot),
  };
  return turn;
}

async function runCommand(command: MessageCommand, context: TurnContext, bot: Bot): Promise<void> {
  const turn = await startTurn(context, bot);
  if (typeof turn === 'string') {
    await context.sendActivity(turn);
    return;
  }
  // "record meeting outcome" fits "record <a pupil's name>", but plainly means another command.
  const instead = clearlyMeantInstead(bot.understanding, command, context.activity.text ?? '', turn.sender.person.role);
  if (instead) {
    read.add(turn);
    await runUnderstood(instead, turn, bot);
    return;
  }
  await dispatchCommand(command, turn, bot.journeys);
}

/** A typed command or a help button: the same role check, and the same place the answer goes. */
async function dispatchCommand(command: MessageCommand, turn: Turn, journeys: JourneyRegistry): Promise<void> {
  const { context, services } = turn;
  if (!command.roles.includes(turn.sender.person.role)) {
    await context.sendActivity(command.refusal?.(turn.sender.person.role) ?? notForYourRole(command.roles));
    return;
  }
  services.log.info('command', { command: command.name, schoolId: turn.sender.schoolId, personId: turn.sender.person.id });
  if (turn.conversationKind === 'personal' || journeys.audienceOf(command) === 'any conversation') {
    await command.handle(turn);
    return;
  }
  const whereItWent = await answerPrivately(turn, () => command.handle(turn));
  if (whereItWent) await context.sendActivity(whereItWent);
}

/**
 * A help card's button: runs its command exactly as if typed (its answer arrives as a new message)
 * and leaves the card it was pressed on as it was. Only commands with a help entry can be pressed.
 */
async function runCommandButton(context: TurnContext, rawData: unknown, bot: Bot): Promise<AdaptiveCard | string> {
  const { services, journeys } = bot;
  const turn = await startTurn(context, bot);
  if (typeof turn === 'string') return turn;
  const button = journeys.commandButton;
  const data = button.data.safeParse(rawData);
  const command = data.success
    ? journeys.commands.find(
        (candidate) => candidate.help?.command === data.data.command || candidate.understood?.button?.command === data.data.command,
      )
    : undefined;
  if (!data.success || !command) {
    services.log.warn('card.invalid_data', { verb: button.verb, personId: turn.sender.person.id });
    return nothingChangedCard();
  }
  // Handlers that read arguments read the typed text: a button's is its command, or what the
  // person had typed when the button offered the command they may have meant.
  context.activity.text = data.data.typed ?? data.data.command;
  await dispatchCommand(command, turn, journeys);
  return button.cardAfter(turn, data.data);
}

async function runCardVerb(verb: CardVerb, context: TurnContext, rawData: unknown, bot: Bot): Promise<AdaptiveCard | string> {
  const { services, journeys } = bot;
  const turn = await startTurn(context, bot);
  if (typeof turn === 'string') return turn;
  if (!verb.roles.includes(turn.sender.person.role)) return notForYourRole(verb.roles);
  const data = verb.data.safeParse(rawData);
  if (!data.success) {
    services.log.warn('card.invalid_data', { verb: verb.verb, personId: turn.sender.person.id, issues: data.error.issues.length });
    return nothingChangedCard();
  }
  services.log.info('card', { verb: verb.verb, schoolId: turn.sender.schoolId, personId: turn.sender.person.id });
  // An invoke's card replaces the card everyone in the conversation sees.
  if (turn.conversationKind === 'shared' && journeys.audienceOf(verb) === 'personal chat')
    return answerVerbPrivately(turn, () => verb.handle(turn, data.data));
  return verb.handle(turn, data.data);
}

async function answerUnknownVerb(context: TurnContext, bot: Bot): Promise<AdaptiveCard | string> {
  const turn = await startTurn(context, bot);
  if (typeof turn === 'string') return turn;
  bot.services.log.warn('card.unknown_verb', { personId: turn.sender.person.id });
  return nothingChangedCard();
}

async function answerUnknownMessage(context: TurnContext, bot: Bot): Promise<void> {
  const turn = await startTurn(context, bot);
  if (typeof turn === 'string') {
    await context.sendActivity(turn);
    return;
  }
  await readFreeText(turn, bot);
}

/** The turns whose text the intent model has read: a handler that hands it back is answered as not understood. */
const read = new WeakSet<Turn>();

/**
 * A message no pattern took, read by the intent model among the commands the sender's role may
 * use: one clearly meant runs exactly as if typed; a few close ones are offered as buttons;
 * otherwise the one not-understood answer.
 */
async function readFreeText(turn: Turn, bot: Bot): Promise<void> {
  const { journeys, services } = bot;
  if (read.has(turn)) {
    await journeys.answerNotUnderstood(turn);
    return;
  }
  read.add(turn);
  const role = turn.sender.person.role;
  const understood = understandMessage(bot.understanding, turn.context.activity.text ?? '', role);
  if (understood.kind === 'run') {
    await runUnderstood(understood.command, turn, bot);
    return;
  }
  const typed = turn.context.activity.text ?? '';
  const offers = understood.kind === 'did you mean' ? understood.commands.flatMap((command) => offerOf(command, role, typed)) : [];
  if (offers.length === 0) {
    services.log.info('free_text.not_understood', { personId: turn.sender.person.id });
    await journeys.answerNotUnderstood(turn);
    return;
  }
  services.log.info('free_text.offered', { commands: offers.map((offer) => offer.command).join(','), personId: turn.sender.person.id });
  await journeys.answerDidYouMean(turn, offers);
}

/** Runs as if typed: the handler reads the original text for any details it takes. */
async function runUnderstood(command: MessageCommand, turn: Turn, bot: Bot): Promise<void> {
  bot.services.log.info('free_text.understood', { command: command.name, personId: turn.sender.person.id });
  await dispatchCommand(command, turn, bot.journeys);
}

/** The button that runs a command exactly as if typed: its help entry for this role, or its own. */
function offerOf(command: MessageCommand, role: Role, typed: string): CommandOffer[] {
  const entry = command.help && (command.help.roles ?? command.roles).includes(role) ? command.help : command.understood?.button;
  return entry ? [{ title: entry.title, command: entry.command, ...(typed.length <= MAX_OFFERED_TEXT ? { typed } : {}) }] : [];
}

/** What a "did you mean" button carries of the message (longer ones run the bare command). */
const MAX_OFFERED_TEXT = 500;

async function welcome(context: TurnContext, bot: Bot): Promise<void> {
  const botId = context.activity.recipient.id;
  const added = context.activity.membersAdded ?? [];
  const isTeamOrGroup = context.activity.conversation.conversationType !== 'personal';
  if (isTeamOrGroup) {
    // Channels are shared: introduce the bot, never anyone's own details.
    if (added.some((member) => member.id === botId)) {
      await context.sendActivity({
        attachments: [
          cardAttachment(
            adaptiveCard([
              heading('Hello, I’m Waypoint'),
              textBlock('I help your school run its careers programme against the Gatsby Benchmarks.'),
              textBlock(
                'In a channel I only see messages that @mention me: type “@Waypoint” and then the command, for example “@Waypoint help”. ' +
                  'Others can read this conversation, so anything personal (records, meetings, pupil lists) I send to you ' +
                  'in a personal chat with me instead.',
              ),
            ]),
          ),
        ],
      });
    }
    return;
  }
  // Installing the personal app adds the bot; either way the person gets one welcome.
  if (added.length === 0) return;
  const turn = await startTurn(context, bot);
  if (typeof turn === 'string') {
    await context.sendActivity(turn);
    return;
  }
  await context.sendActivity({ attachments: [cardAttachment(bot.journeys.welcomeCard(turn))] });
}

/**
 * Only Teams vouches for who sent an activity, so nothing from another channel runs a route (a
 * message or tap is told so; an event is dropped) and nothing is read or written for it.
 */
async function refuseOtherChannel(context: TurnContext, services: Services): Promise<void> {
  const { channelId, type } = context.activity;
  services.log.warn('activity.other_channel', { channelId: String(channelId ?? '').slice(0, 40), type });
  if (type === ActivityTypes.Message) await context.sendActivity(otherChannelMessage());
  else if (isCardAction(context)) await answerCardAction(context, otherChannelMessage());
}

function nothingChangedCard(): AdaptiveCard {
  return adaptiveCard([
    heading('That didn’t work'),
    textBlock('This card sent something I didn’t expect, so nothing was changed. Type “help” to start again.'),
  ]);
}

function notForYourRole(roles: MessageCommand['roles']): string {
  const who = roles.map((role) => ROLE_GROUP_NAMES[role]);
  return `Sorry, only ${listInEnglish(who, 'or')} can do that in Waypoint. Type “help” to see what you can do.`;
}
