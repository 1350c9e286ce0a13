import { startBotChild } from '../bot-child';
import { describeCpu } from '../cpu-usage';
import { CONVERSATIONS, linkShortcut, say, type TurnMeasurement } from '../turn-bench';
import { msAtMost, msLine, ratioAtLeast, turnsPerSecond } from '../turn-lines';
import { loadNote } from '../turn-load';
import { alternateRounds, describeRounds, roundRatios } from '../turn-rounds';

const ROUNDS = { warmupTurns: 1_500, rounds: 3, turnsPerRound: 1_000 };

/**
 * Waypoint's link turns against the echo baseline, under the same load and taking turns with it
 * (see turn-rounds.ts): the stack alone (the smallest CloudAdapter + restify bot,
 * bench/echo-bot.ts, one reply per message) and the real bot (startWaypoint, as `npm start` runs
 * it), each in a process of its own. 50 staff at once send the one-line link shortcut ("Y9 maths:
 * topic N -> nurse", a new activity id each time): every turn resolves the sender and writes a
 * link. The warm-up also links each Teams user to their roster person, as their first message would.
 */
export const linkTurnsAgainstEcho: TurnMeasurement = {
  name: 'waypoint-turns',
  async run(bench) {
    const echoBot = await startBotChild(bench.botEnv, 'echo');
    try {
      const waypointBot = await startBotChild(bench.botEnv);
      try {
        let sequence = 0;
        const apologiesBefore = bench.connector.apologies;
        const [echo, waypoint] = await alternateRounds(
          bench,
          [
            {
              turn: (conversation, index) => say(echoBot.url, bench, bench.staff[conversation]!, `hello ${index}`),
              processes: { bot: echoBot.pid },
            },
            {
              turn: (conversation) => say(waypointBot.url, bench, bench.staff[conversation]!, linkShortcut(++sequence)),
              processes: { bot: waypointBot.pid },
            },
          ],
          ROUNDS,
        );
        const apologies = bench.connector.apologies - apologiesBefore;
        const ratio = waypoint!.load.turnsPerSecond / echo!.load.turnsPerSecond;
        return [
          {
            name: `echo bot: ${CONVERSATIONS} conversations, ${echo!.load.turns.toLocaleString('en-GB')} turns`,
            value: turnsPerSecond(echo!.load.turnsPerSecond),
            checks: [],
            note: loadNote(echo!.load, [
              `${ROUNDS.rounds} rounds taking turns with Waypoint's, after ${ROUNDS.warmupTurns.toLocaleString('en-GB')} warm-up`,
              describeRounds(echo!),
              describeCpu(echo!.cpu, echo!.load.turnsPerSecond),
            ]),
          },
          msLine('echo bot turn p50', echo!.load.p50),
          msLine('echo bot turn p99', echo!.load.p99),
          {
            name: `Waypoint link turns: ${CONVERSATIONS} staff, ${waypoint!.load.turns.toLocaleString('en-GB')} turns`,
            value: turnsPerSecond(waypoint!.load.turnsPerSecond),
            checks: [ratioAtLeast(ratio, 0.5, 'echo')],
            note: loadNote(waypoint!.load, [
              `${describeRounds(waypoint!)}, ${roundRatios(waypoint!, echo!)} echo`,
              `${waypoint!.linksWritten.toLocaleString('en-GB')} links ` +
                `written${waypoint!.linksWritten === waypoint!.load.turns ? '' : ` for ${waypoint!.load.turns} turns: WRONG`}`,
              ...(apologies > 0 ? [`${apologies} replies said sorry`] : []),
              describeCpu(waypoint!.cpu, waypoint!.load.turnsPerSecond),
            ]),
          },
          msLine('Waypoint link turn p50', waypoint!.load.p50),
          msLine('Waypoint link turn p99', waypoint!.load.p99, [msAtMost(waypoint!.load.p99, 250)]),
        ];
      } finally {
        await waypointBot.stop();
      }
    } finally {
      await echoBot.stop();
    }
  },
};
