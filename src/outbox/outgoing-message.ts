import type { AdaptiveCard } from '@microsoft/teams-ai';

/** Where a proactive message goes. */
export type MessageDestination =
  /** A roster person's personal chat with the bot (known once they have messaged it). */
  | { kind: 'person'; personId: string }
  /** A team channel or group chat the bot has a stored registration for. */
  | { kind: 'conversation'; conversationKey: string };

/** A proactive message, queued durably and sent at most once per key. */
export interface OutgoingMessage {
  schoolId: string;
  /** Idempotency key, e.g. `meeting-booked:M123:adviser`: a second enqueue with it is ignored. */
  key: string;
  to: MessageDestination;
  text?: string;
  card?: AdaptiveCard;
  /** ISO instant before which it must not be sent (e.g. a reminder for tomorrow morning). */
  notBefore?: string;
}

export type EnqueueOutcome = 'queued' | 'already-queued';
