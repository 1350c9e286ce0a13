import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBot } from '../harness/test-bot';

// Whoever sends the bot its activities (App Service's front ends, Teams) reuses a connection after
// it has been idle for a while; had the bot closed it meanwhile, the next activity could be lost.

function healthOn(agent: http.Agent, url: string): Promise<{ status: number; localPort: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${url}/healthz`, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, localPort: request.socket!.localPort! }));
    });
    request.on('error', reject);
  });
}

describe('idle connections to the bot', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start();
  });
  afterAll(async () => bot.stop());

  it('stay open past Node’s 5-second default, so a caller can send on them again', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await healthOn(agent, bot.waypoint.url);
      await new Promise((resolve) => setTimeout(resolve, 6_500));
      const second = await healthOn(agent, bot.waypoint.url);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.localPort, 'the same connection served both').toBe(first.localPort);
    } finally {
      agent.destroy();
    }
  });
});
