import type { Application, TeamsAdapter } from '@microsoft/teams-ai';
import restify from 'restify';
import type { Services } from './services';

/** The HTTP shell: Bot Framework messages in, health out. */
export function createServer(adapter: TeamsAdapter, app: Application, services: Services): restify.Server {
  const server = restify.createServer({ name: 'waypoint' });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024 }));

  server.post('/api/messages', async (req, res) => {
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
