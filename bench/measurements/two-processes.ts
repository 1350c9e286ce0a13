import { startBotChild, type BotChild } from '../bot-child';
import { cpuMsPerTurn, describeCpu } from '../cpu-usage';
import { formatDuration } from '../printer';
import { CONVERSATIONS, linkShortcut, say, type TurnBench, type TurnMeasurement } from '../turn-bench';
import { ratioAtLeast, turnsPerSecond, type Line } from '../turn-lines';
import { loadNote } from '../turn-load';
import { alternateRounds, describeRounds, roundRatios, type Contender, type ContenderResult } from '../turn-rounds';

const ROUNDS = { warmupTurns: 1_000, rounds: 3, turnsPerRound: 700 };

/** The link-shortcut load from 50 staff, conversation i going to bot i mod n. */
function linkLoadOn(bench: TurnBench, bots: BotChild[], next: () => number): Contender {
  return {
    turn: (conversation) => say(bots[conversation % bots.length]!.url, bench, bench.staff[conversation]!, linkShortcut(next())),
    processes: Object.fromEntries(bots.map((bot, index) => [bots.length === 1 ? 'bot' : `bot${index + 1}`, bot.pid])),
  };
}

function note(run: ContenderResult, extra: string[]): string {
  const { load, cpu, linksWritten } = run;
  return loadNote(load, [
    ...extra,
    `p50 ${formatDuration(load.p50)}, p99 ${formatDuration(load.p99)}`,
    `${linksWritten.toLocaleString('en-GB')} links written${linksWritten === load.turns ? '' : ': WRONG'}`,
    describeCpu(cpu, load.turnsPerSecond),
  ]);
}

/**
 * Why a second process added little or nothing: what a turn costs in CPU across every process that
 * serves it, against the cores there are.
 */
function whyNoGrowth(two: ContenderResult): string {
  const { cpu, load } = two;
  if (!cpu) return 'no /proc here to say where the CPU went';
  const perTurn = cpuMsPerTurn(cpu, load.turnsPerSecond);
  const total = Object.values(perTurn).reduce((sum, ms) => sum + ms, 0);
  const bots = Object.entries(perTurn)
    .filter(([name]) => name.startsWith('bot'))
    .reduce((sum, [, ms]) => sum + ms, 0);
  const ceiling = (cpu.cores * 1000) / total;
  const reasons = [
    `each turn costs ${total.toFixed(1)} ms of CPU (${bots.toFixed(1)} in the bots, ${(perTurn.azurite ?? 0).toFixed(1)} in ` +
      `Azurite, ${(perTurn.load ?? 0).toFixed(1)} in the load generator and connector), ` +
      `so ${cpu.cores} cores carry ${ceiling.toFixed(0)} turns/s at most however many bot processes share them`,
  ];
  if (cpu.others >= 0.2) reasons.push(`other processes on the machine took ${cpu.others.toFixed(2)} cores meanwhile`);
  reasons.push('a second process can only add throughput with cores to spare, and Azurite is one single-threaded process every bot shares');
  return reasons.join('; ');
}

/**
 * Two Waypoint processes on one storage, as two App Service instances behind one Azure Bot would be:
 * the same load against one process, and split between two on different ports, taking turns
 * (see turn-rounds.ts).
 */
export const twoProcesses: TurnMeasurement = {
  name: 'two-processes',
  async run(bench) {
    const bots: BotChild[] = [];
    try {
      bots.push(await startBotChild(bench.botEnv));
      bots.push(await startBotChild(bench.botEnv));
      let sequence = 0;
      const next = () => ++sequence;
      const [one, two] = await alternateRounds(bench, [linkLoadOn(bench, bots.slice(0, 1), next), linkLoadOn(bench, bots, next)], ROUNDS);
      const ratio = two!.load.turnsPerSecond / one!.load.turnsPerSecond;
      const lines: Line[] = [
        {
          name: `1 bot process: ${CONVERSATIONS} staff, link turns`,
          value: turnsPerSecond(one!.load.turnsPerSecond),
          checks: [],
          note: note(one!, [`${ROUNDS.rounds} rounds taking turns with 2 processes`, describeRounds(one!)]),
        },
        {
          name: '2 bot processes on the same storage',
          value: turnsPerSecond(two!.load.turnsPerSecond),
          checks: [ratioAtLeast(ratio, 1, '1 process', true)],
          note: note(two!, [`${describeRounds(two!)}, ${roundRatios(two!, one!)} 1 process`]),
        },
      ];
      if (ratio < 1.2)
        lines.push({
          name: ratio > 1 ? '  why it grew so little' : '  why it did not grow',
          value: '',
          checks: [],
          note: whyNoGrowth(two!),
        });
      return lines;
    } finally {
      await Promise.all(bots.map((bot) => bot.stop()));
    }
  },
};
