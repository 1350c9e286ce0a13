import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Teams user as the connector's roster API describes them. */
export interface BenchUser {
  id: string;
  aadObjectId: string;
  name: string;
  userPrincipalName: string;
  tenantId: string;
}

/**
 * The Teams service the bots reply to, on loopback, made for load: it answers every reply POST
 * with `{ id }` and counts it (keeping no bodies), and answers the roster API for known users.
 * Like test/harness/fake-teams-connector.ts, without the recording and fault injection.
 */
export class LoopbackConnector {
  url = '';
  replies = 0;
  /** Replies that apologise ("Sorry, ..."): errors, refusals, "not understood". */
  apologies = 0;
  private readonly members = new Map<string, BenchUser>();
  private server?: Server;

  addMember(user: BenchUser): void {
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

  private async handle(req: IncomingMessage): Promise<[number, unknown]> {
    const parts = (req.url ?? '/').split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
    const text = await readBody(req);
    // v3/conversations/{id}/activities[/{replyToId}]
    if (req.method === 'POST' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities') {
      this.replies++;
      if (/"text"\s*:\s*"Sorry,/.test(text)) this.apologies++;
      return [200, { id: randomUUID() }];
    }
    // v3/conversations/{id}/members/{userId}
    if (req.method === 'GET' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'members' && parts[4]) {
      const member = this.members.get(parts[4]);
      if (!member) return [404, { error: { code: 'MemberNotFoundInConversation', message: 'Member not found' } }];
      const [givenName, ...rest] = member.name.split(' ');
      return [200, { ...member, email: member.userPrincipalName, givenName, surname: rest.join(' ') }];
    }
    return [404, { error: { code: 'NotFound', message: `${req.method} ${req.url}` } }];
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
