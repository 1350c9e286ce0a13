import { startBotChild } from '../bot-child';
import { describeCpu, watchCpu } from '../cpu-usage';
import { CONVERSATIONS, say, type TurnMeasurement } from '../turn-bench';
import { msLine, turnsPerSecond } from '../turn-lines';
import { loadNote, runLoad } from '../turn-load';

export const TURN_WARMUP = 1_500;
export const ECHO_TURNS = 3_000;
export const ECHO_TURNS_PER_SECOND = 'echo.turnsPerSecond';

/**
 * The stack alone: the smallest CloudAdapter + restify bot (bench/echo-bot.ts) in a process of its
 * own, one reply per message POSTed to the loopback connector, under the same load as Waypoint's.
 */
export const echoBaseline: TurnMeasurement = {
  name: 'echo',
  async run(bench) {
    const echo = await startBotChild(bench.botEnv, 'echo');
    try {
      const turn = (conversation: number, index: number) => say(echo.url, bench, bench.staff[conversation]!, `hello ${index}`);
      await runLoad({ conversations: CONVERSATIONS, turns: TURN_WARMUP, timeLimitMs: 15_000, turn });
      const repliesBefore = bench.connector.replies;
      const cpu = watchCpu({ bot: echo.pid }, 'load');
      const result = await runLoad({ conversations: CONVERSATIONS, turns: ECHO_TURNS, timeLimitMs: 30_000, turn });
      const used = describeCpu(cpu.stop(), result.turnsPerSecond);
      const replies = bench.connector.replies - repliesBefore;
      bench.figures.set(ECHO_TURNS_PER_SECOND, result.turnsPerSecond);
      const note = loadNote(result, [`after ${TURN_WARMUP.toLocaleString('en-GB')} warm-up`, ...(replies === result.turns ? [] : [`${replies} replies for ${result.turns} turns`]), ...(used ? [used] : [])]);
      return [
        { name: `echo bot: ${CONVERSATIONS} conversations, ${result.turns.toLocaleString('en-GB')} turns`, value: turnsPerSecond(result.turnsPerSecond), checks: [], note },
        msLine('echo bot turn p50', result.p50),
        msLine('echo bot turn p99', result.p99),
      ];
    } finally {
      await echo.stop();
    }
  },
};
