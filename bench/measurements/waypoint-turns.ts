import { startBotChild } from '../bot-child';
import { describeCpu, watchCpu } from '../cpu-usage';
import { CONVERSATIONS, linkShortcut, linksStored, say, type TurnMeasurement } from '../turn-bench';
import { msAtMost, msLine, ratioAtLeast, turnsPerSecond } from '../turn-lines';
import { loadNote, runLoad } from '../turn-load';
import { ECHO_TURNS_PER_SECOND, TURN_WARMUP } from './echo-baseline';

export const WAYPOINT_TURNS = 3_000;

/**
 * The real bot (startWaypoint, as `npm start` runs it) in a process of its own, 50 staff at once,
 * each sending the one-line link shortcut ("Y9 maths: topic N -> nurse", a new activity id each
 * time): every turn resolves the sender and writes a link. The warm-up also links each Teams user
 * to their roster person, as their first message would.
 */
export const waypointTurns: TurnMeasurement = {
  name: 'waypoint-turns',
  async run(bench) {
    const bot = await startBotChild(bench.botEnv);
    try {
      let sequence = 0;
      const turn = (conversation: number) => say(bot.url, bench, bench.staff[conversation]!, linkShortcut(++sequence));
      await runLoad({ conversations: CONVERSATIONS, turns: TURN_WARMUP, timeLimitMs: 20_000, turn });
      await bench.forgetWrites();
      const linksBefore = await linksStored(bench);
      const apologiesBefore = bench.connector.apologies;
      const cpu = watchCpu({ bot: bot.pid, ...(bench.azuritePid === undefined ? {} : { azurite: bench.azuritePid }) }, 'load');
      const result = await runLoad({ conversations: CONVERSATIONS, turns: WAYPOINT_TURNS, timeLimitMs: 45_000, turn });
      const used = describeCpu(cpu.stop(), result.turnsPerSecond);
      const written = (await linksStored(bench)) - linksBefore;
      const apologies = bench.connector.apologies - apologiesBefore;
      const echo = bench.figures.get(ECHO_TURNS_PER_SECOND);
      const ratio = echo ? result.turnsPerSecond / echo : undefined;
      const extra = [
        `${written.toLocaleString('en-GB')} links written${written === result.turns ? '' : ` for ${result.turns} turns: WRONG`}`,
        ...(apologies > 0 ? [`${apologies} replies said sorry`] : []),
        ...(echo ? [`echo ${echo.toFixed(0)} turns/s`] : []),
        ...(used ? [used] : []),
      ];
      return [
        {
          name: `Waypoint link turns: ${CONVERSATIONS} staff, ${result.turns.toLocaleString('en-GB')} turns`,
          value: turnsPerSecond(result.turnsPerSecond),
          checks: ratio === undefined ? [] : [ratioAtLeast(ratio, 0.5, 'echo')],
          note: loadNote(result, extra),
        },
        msLine('Waypoint link turn p50', result.p50),
        msLine('Waypoint link turn p99', result.p99, [msAtMost(result.p99, 250)]),
      ];
    } finally {
      await bot.stop();
    }
  },
};
