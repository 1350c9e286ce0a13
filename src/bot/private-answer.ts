import type { AdaptiveCard } from '@microsoft/teams-ai';
import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { cardAttachment } from '../cards/adaptive-card';
import { describeError } from '../observability/log';
import { personalChatKey } from '../storage/conversation-store';
import type { Turn } from './route';

// A command that may show personal data, asked for in a team channel or group chat, answers the
// person in their personal chat with the bot; the shared conversation only hears where it went.

export const SENT_PRIVATELY = 'I’ve sent you that in our private chat.';
export const ASK_IN_PERSONAL_CHAT =
  'I can only answer that in a personal chat, because others can read this conversation. Ask me in a personal chat with Waypoint.';

/**
 * Runs a command handler with everything it would send held back from the shared conversation,
 * then delivers it to the sender's personal chat. Returns what the shared conversation may hear
 * (nothing when the handler had nothing to say). Without a personal chat on record the handler
 * does not run at all.
 */
export async function answerPrivately(turn: Turn, run: () => Promise<void>): Promise<string | undefined> {
  const reference = await personalChat(turn);
  if (!reference) return ASK_IN_PERSONAL_CHAT;
  const held: Array<Partial<Activity>> = [];
  let holding = true;
  turn.context.onSendActivities(async (_context, activities, next) => {
    if (!holding) return next();
    held.push(...activities.map(withoutAddress));
    return activities.map(() => ({ id: '' }));
  });
  try {
    await run();
  } finally {
    holding = false;
  }
  if (held.length === 0) return undefined;
  return (await sendToPersonalChat(turn, reference, held)) ? SENT_PRIVATELY : ASK_IN_PERSONAL_CHAT;
}

/** The same for a card verb: its answer (a card or a message) goes to the personal chat. */
export async function answerVerbPrivately(turn: Turn, run: () => Promise<AdaptiveCard | string>): Promise<string> {
  const reference = await personalChat(turn);
  if (!reference) return ASK_IN_PERSONAL_CHAT;
  const answer = await run();
  const activity: Partial<Activity> =
    typeof answer === 'string' ? { type: 'message', text: answer } : { type: 'message', attachments: [cardAttachment(answer)] };
  return (await sendToPersonalChat(turn, reference, [activity])) ? SENT_PRIVATELY : ASK_IN_PERSONAL_CHAT;
}

async function personalChat(turn: Turn): Promise<Partial<ConversationReference> | undefined> {
  const reference = await turn.services.conversations.find(turn.sender.schoolId, personalChatKey(turn.sender.person.id));
  return reference?.conversation?.id ? reference : undefined;
}

/** Only what the message says: where it goes comes from the personal chat's reference. */
function withoutAddress({ type, text, textFormat, attachments, attachmentLayout, summary }: Partial<Activity>): Partial<Activity> {
  return { type, text, textFormat, attachments, attachmentLayout, summary };
}

/** A proactive message, as the outbox sends them; false when Teams refused it. */
async function sendToPersonalChat(
  turn: Turn,
  reference: Partial<ConversationReference>,
  activities: Array<Partial<Activity>>,
): Promise<boolean> {
  const adapter = turn.context.adapter as CloudAdapter;
  // Caught inside the callback too: the adapter would otherwise hand the error to onTurnError.
  let failure: unknown;
  try {
    await adapter.continueConversationAsync(turn.services.config.bot.appId ?? '', reference, async (privateContext: TurnContext) => {
      try {
        await privateContext.sendActivities(activities);
      } catch (error) {
        failure = error ?? new Error('send failed');
      }
    });
  } catch (error) {
    failure = error ?? new Error('send failed');
  }
  if (failure !== undefined)
    turn.services.log.warn('private_answer.failed', { personId: turn.sender.person.id, ...describeError(failure) });
  return failure === undefined;
}
