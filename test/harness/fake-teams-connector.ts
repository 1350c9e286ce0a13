import { randomUUID } from 'node:crypto';
import { LoopbackTeamsService, type ServiceAnswer, type TeamsUser } from '../../testing/loopback-teams-service';

export type { TeamsUser };

export interface CapturedActivity {
  conversationId: string;
  replyToId?: string;
  activity: Record<string, unknown> & { type: string; text?: string; attachments?: Array<{ contentType: string; content: any }> };
}

/**
 * Stands in for the Teams service the bot talks back to: it captures every reply and answers the
 * roster API (GET members) from the users it was told about. Real HTTP on loopback.
 */
export class FakeTeamsConnector extends LoopbackTeamsService {
  /** Every reply but typing indicators: what a user reads. */
  readonly sent: CapturedActivity[] = [];
  /**
   * Typing indicators, kept apart: teams-ai sends one whenever a turn takes over a second, whatever
   * its options say, so a reply awaited in `sent` must never be one of these.
   */
  readonly typing: CapturedActivity[] = [];
  private failures: number[] = [];

  /** The next sends answer with these HTTP statuses (e.g. 429, 503), one each, before succeeding again. */
  failNextSends(...statuses: number[]): void {
    this.failures.push(...statuses);
  }

  private holdAfter: number | undefined;
  private held: Array<() => void> = [];

  /**
   * After `count` more sends are accepted, the next ones get no answer until released: a send in
   * flight when the bot dies. Teams counts a message as delivered when it answers, so held
   * sends are not recorded.
   */
  holdSendsAfter(count: number): void {
    this.holdAfter = this.sent.length + count;
  }

  heldSends(): number {
    return this.held.length;
  }

  releaseHeldSends(): void {
    this.holdAfter = undefined;
    for (const release of this.held.splice(0)) release();
  }

  pendingFailures(): number {
    return this.failures.length;
  }

  /** Replies captured so far in one conversation (or all). */
  repliesIn(conversationId?: string): CapturedActivity['activity'][] {
    return this.sent
      .filter((entry) => conversationId === undefined || entry.conversationId === conversationId)
      .map((entry) => entry.activity);
  }

  protected async answerReply(conversationId: string, replyToId: string | undefined, body: string): Promise<ServiceAnswer> {
    const activity = JSON.parse(body) as CapturedActivity['activity'];
    if (activity.type === 'typing') {
      // Injected faults are meant for replies: a typing indicator neither uses nor waits for one.
      this.typing.push({ conversationId, replyToId, activity });
      return [200, { id: randomUUID() }];
    }
    const failure = this.failures.shift();
    if (failure !== undefined) return [failure, { error: { code: failure === 429 ? 'Throttled' : 'ServiceError', message: 'try later' } }];
    if (this.holdAfter !== undefined && this.sent.length >= this.holdAfter) {
      await new Promise<void>((resolve) => this.held.push(resolve));
      return [503, { error: { code: 'ServiceError', message: 'held' } }];
    }
    this.sent.push({ conversationId, replyToId, activity });
    return [200, { id: randomUUID() }];
  }
}
