import { combineCpu, watchCpu, type CpuUse } from './cpu-usage';
import { CONVERSATIONS, linksStored, type TurnBench } from './turn-bench';
import { combineLoads, runLoad, type LoadResult } from './turn-load';

// This machine's speed drifts by a third from one half-minute to the next (other work shares its
// two cores), so one load measured after another compares two different machines. Loads that are
// to be compared take turns instead, a round each at a time, and each figure is all of its rounds
// together. Every round starts from the same tables (see TurnBench.forgetWrites).

export interface Contender {
  /** One turn of one conversation; resolves when the bot has answered. */
  turn(conversation: number, index: number): Promise<void>;
  /** The processes serving it, by name, to account for their CPU. */
  processes: Record<string, number>;
}

export interface ContenderResult {
  /** All its rounds as one load. */
  load: LoadResult;
  rounds: LoadResult[];
  cpu: CpuUse | undefined;
  /** Links the bots wrote during its rounds. */
  linksWritten: number;
}

export interface RoundsOptions {
  warmupTurns: number;
  rounds: number;
  turnsPerRound: number;
}

export async function alternateRounds(
  bench: TurnBench,
  contenders: readonly Contender[],
  options: RoundsOptions,
): Promise<ContenderResult[]> {
  for (const contender of contenders)
    await runLoad({ conversations: CONVERSATIONS, turns: options.warmupTurns, timeLimitMs: 30_000, turn: contender.turn });
  const measured = contenders.map(() => ({ rounds: [] as LoadResult[], cpu: [] as (CpuUse | undefined)[], linksWritten: 0 }));
  for (let round = 0; round < options.rounds; round++) {
    for (const [index, contender] of contenders.entries()) {
      await bench.forgetWrites();
      const linksBefore = await linksStored(bench);
      const watch = watchCpu({ ...(bench.azuritePid === undefined ? {} : { azurite: bench.azuritePid }), ...contender.processes }, 'load');
      const load = await runLoad({ conversations: CONVERSATIONS, turns: options.turnsPerRound, timeLimitMs: 30_000, turn: contender.turn });
      measured[index]!.cpu.push(watch.stop());
      measured[index]!.rounds.push(load);
      measured[index]!.linksWritten += (await linksStored(bench)) - linksBefore;
    }
  }
  return measured.map(({ rounds, cpu, linksWritten }) => ({ load: combineLoads(rounds), rounds, cpu: combineCpu(cpu), linksWritten }));
}

/** "rounds 812, 640, 701 turns/s" */
export function describeRounds(result: ContenderResult): string {
  return `rounds ${result.rounds.map((round) => round.turnsPerSecond.toFixed(0)).join(', ')} turns/s`;
}

/** Each round's ratio of one contender's throughput to another's: "0.61, 0.58, 0.66x". */
export function roundRatios(of: ContenderResult, to: ContenderResult): string {
  return `${of.rounds.map((round, index) => (round.turnsPerSecond / to.rounds[index]!.turnsPerSecond).toFixed(2)).join(', ')}x`;
}
