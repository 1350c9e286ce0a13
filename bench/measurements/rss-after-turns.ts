import { startBotChild } from '../bot-child';
import { CONVERSATIONS, say, type TurnMeasurement } from '../turn-bench';
import { atMost, megabytes, turnsPerSecond } from '../turn-lines';
import { loadNote, runLoad } from '../turn-load';

export const RSS_TURNS = 10_000;
const RSS_LIMIT = 250 * 1024 * 1024;
const CHEAP_TURNS = ['help', 'my details'];

/**
 * The bot's own memory: Waypoint in a child process (compiled, started with node as `npm start` does), 10,000 cheap
 * turns from 50 staff conversations, RSS read by the bot itself before the first turn and after the last.
 */
export const rssAfterTurns: TurnMeasurement = {
  name: 'rss',
  async run(bench) {
    const bot = await startBotChild(bench.botEnv);
    try {
      const result = await runLoad({
        conversations: CONVERSATIONS,
        turns: RSS_TURNS,
        timeLimitMs: 90_000,
        turn: (conversation, index) => say(bot.url, bench, bench.staff[conversation]!, CHEAP_TURNS[index % CHEAP_TURNS.length]!),
      });
      const after = await bot.memory();
      const collected = await bot.memoryAfterGc();
      return [
        { name: 'bot process RSS at start (listening, no turns)', value: megabytes(bot.startRss), checks: [] },
        {
          name: `bot process RSS after ${result.turns.toLocaleString('en-GB')} turns`,
          value: megabytes(after.rss),
          checks: [atMost(after.rss, RSS_LIMIT, '250 MB')],
          note: loadNote(result, [
            `“help” and “my details” at ${turnsPerSecond(result.turnsPerSecond)}`,
            `heap used ${megabytes(after.heapUsed)} of ${megabytes(after.heapTotal)}, ` +
              `external ${megabytes(after.external)}; after a forced GC: heap ${megabytes(collected.heapUsed)} ` +
              `of ${megabytes(collected.heapTotal)}, RSS ${megabytes(collected.rss)}`,
          ]),
        },
      ];
    } finally {
      await bot.stop();
    }
  },
};
