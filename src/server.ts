import type { Application, TeamsAdapter } from '@microsoft/teams-ai';
import restify from 'restify';
import { checkActivityEnvelope } from './http/activity-envelope';
import { readJsonBody } from './http/read-json-body';
import type { Services } from './services';

/** The HTTP shell: Bot Framework messages in, health out. */
export function createServer(adapter: TeamsAdapter, app: Application, services: Services): restify.Server {
  const server = restify.createServer({ name: 'waypoint' });
  keepIdleConnectionsOpen(server);

  // No restify body parser: it inflates gzip (a bad stream ended the process) and writes multipart
  // uploads to the temp folder. The body is read here, bounded, before the adapter checks the token.
  server.post('/api/messages', async (req, res) => {
    const body = await readJsonBody(req);
    const activity = body.ok ? checkActivityEnvelope(body.value) : body;
    if (!activity.ok) {
      if (activity.closeConnection) res.setHeader('connection', 'close');
      res.send(activity.status, { error: activity.message });
      return;
    }
    req.body = activity.value;
    await adapter.process(req, res, async (context) => {
      await app.run(context);
    });
  });

  server.get('/healthz', async (_req, res) => {
    const reachable = await services.storage.isReachable();
    res.send(reachable ? 200 : 503, { status: reachable ? 'ok' : 'degraded', storage: reachable ? 'reachable' : 'unreachable' });
  });

  return server;
}

/**
 * Node closes a connection after 5 s without a request, but whoever talks to the bot (App
 * Service's front ends, Teams' service, a load balancer) reuses idle connections for longer, and a
 * request sent on one just as the bot closes it fails (502 or ECONNRESET): a lost turn. Keep them
 * open longer than such a caller keeps them; headers must be allowed at least as long.
 */
export function keepIdleConnectionsOpen(server: restify.Server, idleMs = 120_000): void {
  server.server.keepAliveTimeout = idleMs;
  server.server.headersTimeout = idleMs + 1_000;
}
