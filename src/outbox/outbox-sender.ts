import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { cardAttachment } from '../cards/adaptive-card';
import { describeError, type Logger } from '../observability/log';
import { personalChatKey, type ConversationStore } from '../storage/conversation-store';
import type { Outbox, OutboxEntry } from './outbox';
import { SendRateLimiter } from './rate-limiter';

const MAX_ATTEMPTS = 8;
const BATCH = 50;

export interface SendResult {
  sent: number;
  retrying: number;
  failed: number;
  deferred: number;
  /** Kept for someone the Playground is not signed in as (holdForAbsent only): not a failure. */
  held: number;
}

/** How long a held message waits before the sender looks again for its recipient's chat. */
const HOLD_MS = 5_000;

/**
 * Delivers due outbox messages with the Bot Framework's proactive API. Each message is claimed
 * with an etag first, so two instances never send the same one; the claim is renewed while the
 * send is under way, however long Teams takes, and it is marked sent (with the claim's latest
 * etag) right after Teams accepts it. Teams takes no idempotency key for a proactive message, so
 * what is left is an instance dying while Teams accepts a send, or stalling for two thirds of a
 * claim: then another instance sends it again once the claim lapses.
 */
export class OutboxSender {
  private readonly limiter: SendRateLimiter;
  private flushing: Promise<SendResult> | undefined;

  constructor(
    private readonly outbox: Outbox,
    private readonly conversations: ConversationStore,
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly log: Logger,
    now: () => Date,
    limits = { perConversationMs: 1000, perTenantPerSecond: 20 },
    /** How long a claim keeps other instances off a message; after a crash it is sent once this lapses. */
    private readonly claimMs = 60_000,
    /**
     * Development with the Agents Playground only (its launcher switches this on): the Playground
     * has one signed-in person, so everyone else has no chat yet, or one from an earlier run (see
     * isEarlierPlaygroundChat). Their messages wait, pending and unfailed, and go to them once the
     * Playground is started as them. Any other refusal is a failure as in Teams.
     */
    private readonly holdForAbsent = false,
  ) {
    this.limiter = new SendRateLimiter(limits.perConversationMs, limits.perTenantPerSecond, () => now().getTime());
  }

  /** Sends what is due now; concurrent calls share one run. */
  flush(): Promise<SendResult> {
    this.flushing ??= this.sendDue().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async sendDue(): Promise<SendResult> {
    const result: SendResult = { sent: 0, retrying: 0, failed: 0, deferred: 0, held: 0 };
    for (const due of await this.outbox.due(BATCH)) {
      const reference = await this.referenceFor(due);
      if (!reference?.conversation?.id && this.holdForAbsent) {
        await this.outbox.hold(due, HOLD_MS);
        result.held++;
        continue;
      }
      if (!reference?.conversation?.id) {
        // Nobody to send to yet (the person has never opened a chat with the bot): try again later.
        await this.outbox.markFailed(due, 'no-conversation', due.attempts + 1 < MAX_ATTEMPTS ? 6 * 3600_000 : undefined);
        result.failed++;
        continue;
      }
      const wait = this.limiter.reserve(reference.conversation.id, reference.conversation.tenantId ?? '');
      if (wait > 0) {
        result.deferred++;
        continue;
      }
      const claimed = await this.outbox.claim(due, this.claimMs);
      if (!claimed) continue;
      const claim = this.keepClaimed(claimed);
      try {
        // The adapter would hand an error inside the callback to onTurnError (which answers the
        // user); catching it here keeps the failure ours to retry.
        let sendError: unknown;
        await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
          try {
            await context.sendActivity({
              ...(claimed.message.text ? { text: claimed.message.text } : {}),
              ...(claimed.message.card ? { attachments: [cardAttachment(claimed.message.card)] } : {}),
            });
          } catch (error) {
            sendError = error ?? new Error('send failed');
          }
        });
        const held = await claim.release();
        if (sendError !== undefined) throw sendError;
        if (held) await this.outbox.markSent(held);
        result.sent++;
      } catch (error) {
        const held = await claim.release();
        if (this.holdForAbsent && isEarlierPlaygroundChat(error)) {
          // Its person's chat is renewed on their first turn once the Playground is them again.
          if (held) await this.outbox.hold(held, HOLD_MS);
          result.held++;
          continue;
        }
        const retryIn = retryDelay(error, claimed);
        if (held) await this.outbox.markFailed(held, describeError(error).error?.toString() ?? 'error', retryIn);
        this.log.warn('outbox.send_failed', {
          key: claimed.message.key,
          attempts: claimed.attempts + 1,
          retrying: retryIn !== undefined,
          ...describeError(error),
        });
        if (retryIn === undefined) result.failed++;
        else result.retrying++;
      }
    }
    return result;
  }

  /**
   * Renews the claim every third of its length until released; release gives the claim as last
   * renewed, or undefined if another instance took the message over (this one stalled).
   */
  private keepClaimed(entry: OutboxEntry): { release(): Promise<OutboxEntry | undefined> } {
    let held: OutboxEntry | undefined = entry;
    let renewing = Promise.resolve();
    const renew = async () => {
      if (!held) return;
      try {
        held = await this.outbox.claim(held, this.claimMs);
        if (!held) this.log.warn('outbox.claim_lost', { key: entry.message.key });
      } catch (error) {
        // Storage faltered: the claim stands until it lapses; the next renewal tries again.
        this.log.warn('outbox.claim_renewal_failed', { key: entry.message.key, ...describeError(error) });
      }
    };
    const timer = setInterval(() => (renewing = renewing.then(renew)), Math.max(100, this.claimMs / 3));
    timer.unref();
    let released: Promise<OutboxEntry | undefined> | undefined;
    return {
      release: () =>
        (released ??= (async () => {
          clearInterval(timer);
          await renewing;
          return held;
        })()),
    };
  }

  private async referenceFor(entry: OutboxEntry): Promise<Partial<ConversationReference> | undefined> {
    const { to, schoolId } = entry.message;
    return this.conversations.find(schoolId, to.kind === 'person' ? personalChatKey(to.personId) : to.conversationKey);
  }
}

/**
 * A chat from an earlier Playground run: the Playground, now signed in as someone else, does not
 * know it (404 ConversationNotFound), or it ran on another port and nothing answers there.
 */
function isEarlierPlaygroundChat(error: unknown): boolean {
  const { statusCode, code } = (error ?? {}) as { statusCode?: number; code?: string };
  return statusCode === 404 || code === 'ECONNREFUSED';
}

/** Throttling and service faults are retried with exponential back-off; other refusals are final. */
function retryDelay(error: unknown, entry: OutboxEntry): number | undefined {
  const status = (error as { statusCode?: number })?.statusCode;
  const transient = status === undefined || status === 429 || status >= 500;
  if (!transient || entry.attempts + 1 >= MAX_ATTEMPTS) return undefined;
  const retryAfterSeconds = Number(
    (error as { response?: { headers?: { get?(name: string): string | undefined } } })?.response?.headers?.get?.('retry-after'),
  );
  const backOff = Math.min(600_000, 1000 * 2 ** entry.attempts);
  return Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0 ? Math.max(backOff, retryAfterSeconds * 1000) : backOff;
}
