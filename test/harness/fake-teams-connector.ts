import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

/** A Teams user as the Bot Framework connector and roster API describe them. */
export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
  userPrincipalName: string;
  tenantId: string;
}

export interface CapturedActivity {
  conversationId: string;
  replyToId?: string;
  activity: Record<string, unknown> & { type: string; text?: string; attachments?: Array<{ contentType: string; content: any }> };
}

/**
 * Stands in for the Teams service the bot talks back to: it captures every reply and answers the
 * roster API (GET members) from the users it was told about. Real HTTP on loopback.
 */
export class FakeTeamsConnector {
  readonly sent: CapturedActivity[] = [];
  private readonly members = new Map<string, TeamsUser>();
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
  private server?: Server;
  url = '';

  addMember(user: TeamsUser): void {
    this.members.set(user.id, user);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ([status, body]) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Replies captured so far in one conversation (or all). */
  repliesIn(conversationId?: string): CapturedActivity['activity'][] {
    return this.sent.filter((entry) => conversationId === undefined || entry.conversationId === conversationId).map((entry) => entry.activity);
  }

  private async handle(req: IncomingMessage): Promise<[number, unknown]> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const body = await readBody(req);
    // v3/conversations/{id}/activities[/{replyToId}]
    if (req.method === 'POST' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities') {
      const failure = this.failures.shift();
      if (failure !== undefined) return [failure, { error: { code: failure === 429 ? 'Throttled' : 'ServiceError', message: 'try later' } }];
      if (this.holdAfter !== undefined && this.sent.length >= this.holdAfter) {
        await new Promise<void>((resolve) => this.held.push(resolve));
        return [503, { error: { code: 'ServiceError', message: 'held' } }];
      }
      this.sent.push({ conversationId: parts[2]!, replyToId: parts[4], activity: body as CapturedActivity['activity'] });
      return [200, { id: randomUUID() }];
    }
    // v3/conversations/{id}/members/{userId}
    if (req.method === 'GET' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'members' && parts[4]) {
      const member = this.members.get(parts[4]);
      if (!member) return [404, { error: { code: 'MemberNotFoundInConversation', message: 'Member not found' } }];
      return [200, { ...member, email: member.userPrincipalName, givenName: member.name.split(' ')[0], surname: member.name.split(' ').slice(1).join(' ') }];
    }
    return [404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } }];
  }
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}
