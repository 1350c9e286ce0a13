import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Teams user as the Bot Framework connector and roster API describe them. */
export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
  userPrincipalName: string;
  tenantId: string;
}

export type ServiceAnswer = [status: number, body: unknown];

/**
 * The Teams service a bot talks back to, on loopback, for the test harness and the bench alike:
 * it routes the Bot Framework connector's calls, answers the roster API (GET members) from the
 * users it was told about, and leaves what to do with each reply to `answerReply`.
 */
export abstract class LoopbackTeamsService {
  url = '';
  private readonly members = new Map<string, TeamsUser>();
  private server?: Server;
  /** How long the roster API takes to answer: a slow Teams service makes a slow turn. */
  memberLookupDelayMs = 0;

  /** A reply the bot POSTed to v3/conversations/{conversationId}/activities[/{replyToId}]. */
  protected abstract answerReply(conversationId: string, replyToId: string | undefined, body: string): Promise<ServiceAnswer>;

  addMember(user: TeamsUser): void {
    this.members.set(user.id, user);
  }

  private readonly teams = new Map<string, TeamsUser[] | 'unavailable'>();

  /** Who the roster API says is in a team (a team never set has nobody but the bot), or that it cannot say. */
  setTeamMembers(teamId: string, users: TeamsUser[] | 'unavailable'): void {
    this.teams.set(teamId, users);
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
    // Load generators keep their connections open between turns.
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<ServiceAnswer> {
    const path = (req.url ?? '/').split('?')[0]!;
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const body = await readBody(req);
    // v3/conversations/{id}/activities[/{replyToId}]
    if (req.method === 'POST' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities')
      return this.answerReply(parts[2]!, parts[4], body);
    // v3/conversations/{teamId}/pagedmembers?pageSize=&continuationToken=: two members a page, so paging is exercised
    if (req.method === 'GET' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'pagedmembers') {
      const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
      const start = Number(query.get('continuationToken') ?? '0');
      const team = this.teams.get(parts[2]!) ?? [];
      if (team === 'unavailable') return [503, { error: { code: 'ServiceError', message: 'roster unavailable' } }];
      const members = team.map(accountOf);
      const next = start + 2 < members.length ? String(start + 2) : undefined;
      return [200, { members: members.slice(start, start + 2), ...(next ? { continuationToken: next } : {}) }];
    }
    // v3/conversations/{id}/members/{userId}
    if (req.method === 'GET' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'members' && parts[4]) {
      if (this.memberLookupDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.memberLookupDelayMs));
      const member = this.members.get(parts[4]);
      if (!member) return [404, { error: { code: 'MemberNotFoundInConversation', message: 'Member not found' } }];
      return [200, accountOf(member)];
    }
    return [404, { error: { code: 'NotFound', message: `${req.method} ${path}` } }];
  }
}

/** A user as the roster API describes them. */
function accountOf(member: TeamsUser) {
  const [givenName, ...rest] = member.name.split(' ');
  return { ...member, email: member.userPrincipalName, givenName, surname: rest.join(' ') };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
