import { ActivityTypes, type Activity } from 'botbuilder';
import { oneLine, visibleText } from '../domain/typed-text';

// Command patterns and the link shortcut backtrack on long runs of whitespace ("help" and 28,000
// spaces cost 418 ms of one core). So typed text is collapsed to single spaces, once, before any
// of them runs, and a message too long for any command is answered without matching at all.

/** Well beyond any command or one-line link (a topic may have 200 characters), well under Teams' own limit. */
export const MAX_TYPED_CHARACTERS = 12_000;

export type TypedMessage = { kind: 'ready' } | { kind: 'too-long'; characters: number } | { kind: 'not-typed' };

/** Collapses the message's text in place for the matchers; says when it is too long to match. */
export function prepareTypedMessage(activity: Pick<Activity, 'type' | 'text'>): TypedMessage {
  if (activity.type !== ActivityTypes.Message || typeof activity.text !== 'string') return { kind: 'not-typed' };
  const collapsed = oneLine(activity.text);
  if (collapsed.length > MAX_TYPED_CHARACTERS) return { kind: 'too-long', characters: collapsed.length };
  // Invisible characters go once the message is known to be short (a control between spaces leaves two).
  activity.text = oneLine(visibleText(collapsed));
  return { kind: 'ready' };
}

export function tooLongMessage(characters: number): string {
  return (
    `That message has ${characters.toLocaleString('en-GB')} characters, which is more than I can read. Please keep it ` +
    `under ${MAX_TYPED_CHARACTERS.toLocaleString('en-GB')}: type “help” to see what you can do.`
  );
}
