import { startBotChild, type BotChild } from '../bot-child';
import { cpuMsPerTurn, describeCpu, watchCpu, type CpuUse } from '../cpu-usage';
import { formatDuration } from '../printer';
import { CONVERSATIONS, linkShortcut, linksStored, say, type TurnBench, type TurnMeasurement } from '../turn-bench';
import { ratioAtLeast, turnsPerSecond, type Line } from '../turn-lines';
import { loadNote, runLoad, type LoadResult } from '../turn-load';

export const SCALE_WARMUP_TURNS = 1_000;
export const SCALE_TURNS = 2_000;

interface ScaleRun {
  result: LoadResult;
  cpu: CpuUse | undefined;
  written: number;
}

/** The link-shortcut load from 50 staff, conversation i going to bot i mod n, from the same tables each time. */
async function loadOn(bench: TurnBench, bots: BotChild[]): Promise<ScaleRun> {
  let sequence = 0;
  const turn = (conversation: number) => say(bots[conversation % bots.length]!.url, bench, bench.staff[conversation]!, linkShortcut(++sequence));
  await runLoad({ conversations: CONVERSATIONS, turns: SCALE_WARMUP_TURNS, timeLimitMs: 20_000, turn });
  await bench.forgetWrites();
  const linksBefore = await linksStored(bench);
  const processes: Record<string, number> = {
    ...(bench.azuritePid === undefined ? {} : { azurite: bench.azuritePid }),
    ...Object.fromEntries(bots.map((bot, index) => [bots.length === 1 ? 'bot' : `bot${index + 1}`, bot.pid])),
  };
  const watch = watchCpu(processes, 'load');
  const result = await runLoad({ conversations: CONVERSATIONS, turns: SCALE_TURNS, timeLimitMs: 40_000, turn });
  const cpu = watch.stop();
  return { result, cpu, written: (await linksStored(bench)) - linksBefore };
}

function note(run: ScaleRun): string {
  const { result, cpu, written } = run;
  return loadNote(result, [
    `p50 ${formatDuration(result.p50)}, p99 ${formatDuration(result.p99)}`,
    `${written.toLocaleString('en-GB')} links written${written === result.turns ? '' : ': WRONG'}`,
    ...(cpu ? [describeCpu(cpu, result.turnsPerSecond)!] : []),
  ]);
}

/**
 * Why a second process added little or nothing: what a turn costs in CPU across every process that
 * serves it, against the cores there are.
 */
function whyNoGrowth(two: ScaleRun): string {
  const { cpu, result } = two;
  if (!cpu) return 'no /proc here to say where the CPU went';
  const perTurn = cpuMsPerTurn(cpu, result.turnsPerSecond);
  const total = Object.values(perTurn).reduce((sum, ms) => sum + ms, 0);
  const bots = Object.entries(perTurn).filter(([name]) => name.startsWith('bot')).reduce((sum, [, ms]) => sum + ms, 0);
  const ceiling = (cpu.cores * 1000) / total;
  const reasons = [
    `each turn costs ${total.toFixed(1)} ms of CPU (${bots.toFixed(1)} in the bots, ${(perTurn.azurite ?? 0).toFixed(1)} in Azurite, ${(perTurn.load ?? 0).toFixed(1)} in the load generator and connector), ` +
      `so ${cpu.cores} cores carry ${ceiling.toFixed(0)} turns/s at most however many bot processes share them`,
  ];
  if (cpu.others >= 0.2) reasons.push(`other processes on the machine took ${cpu.others.toFixed(2)} cores meanwhile`);
  reasons.push('a second process can only add throughput with cores to spare, and Azurite is one single-threaded process every bot shares');
  return reasons.join('; ');
}

/**
 * Two Waypoint processes on one storage, as two App Service instances behind one Azure Bot would be:
 * the same load against one child process, then split between two on different ports.
 */
export const twoProcesses: TurnMeasurement = {
  name: 'two-processes',
  async run(bench) {
    const bots: BotChild[] = [];
    try {
      bots.push(await startBotChild(bench.botEnv));
      const one = await loadOn(bench, bots);
      bots.push(await startBotChild(bench.botEnv));
      const two = await loadOn(bench, bots);
      const ratio = two.result.turnsPerSecond / one.result.turnsPerSecond;
      const lines: Line[] = [
        { name: `1 bot process: ${CONVERSATIONS} staff, link turns`, value: turnsPerSecond(one.result.turnsPerSecond), checks: [], note: note(one) },
        { name: '2 bot processes on the same storage', value: turnsPerSecond(two.result.turnsPerSecond), checks: [ratioAtLeast(ratio, 1, '1 process', true)], note: note(two) },
      ];
      if (ratio < 1.2) lines.push({ name: ratio > 1 ? '  why it grew so little' : '  why it did not grow', value: '', checks: [], note: whyNoGrowth(two) });
      return lines;
    } finally {
      await Promise.all(bots.map((bot) => bot.stop()));
    }
  },
};
