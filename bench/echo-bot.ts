import type { AddressInfo } from 'node:net';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';
import { keepIdleConnectionsOpen } from '../src/server';

// The baseline: the smallest bot on Waypoint's stack (restify with the same body parser and the
// same idle connections, botbuilder's CloudAdapter with local auth off), answering every message
// with one reply POSTed to the connector.

export interface EchoBot {
  url: string;
  close(): Promise<void>;
}

export async function startEchoBot(): Promise<EchoBot> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' }));
  const server = restify.createServer({ name: 'echo' });
  keepIdleConnectionsOpen(server);
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024 }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      if (context.activity.type === 'message') await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
