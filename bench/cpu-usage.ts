import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

// Where the CPU went during a load run, from /proc (Linux): the whole machine, and each process
// that takes part (the bench itself, Azurite, the bots). Elsewhere it reports nothing.

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every mainstream Linux

function processTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return undefined;
  }
}

function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/** Child processes of this one whose command line contains `marker` (e.g. Azurite's script name). */
export function childPidsMatching(marker: string): number[] {
  try {
    const found: number[] = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid !== process.pid) continue;
        if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) found.push(Number(entry));
      } catch {
        // gone meanwhile
      }
    }
    return found;
  } catch {
    return [];
  }
}

export interface CpuUse {
  cores: number;
  seconds: number;
  /** Share of the whole machine that was busy, 0..1. */
  machineBusy: number;
  /** Cores each process used on average (this process under the name given to watchCpu). */
  used: Record<string, number>;
  /** Cores busy with anything else on the machine meanwhile. */
  others: number;
}

export interface CpuWatch {
  /** Undefined without /proc. */
  stop(): CpuUse | undefined;
}

/** Starts counting; `processes` names other pids to account for; this process is `self`. */
export function watchCpu(processes: Record<string, number>, self = 'bench'): CpuWatch {
  const started = Date.now();
  const machine = machineTicks();
  const selfStart = process.cpuUsage();
  const before = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, processTicks(pid)]));
  return {
    stop() {
      const seconds = (Date.now() - started) / 1000;
      const after = machineTicks();
      if (!machine || !after || seconds <= 0) return undefined;
      const selfUsed = process.cpuUsage(selfStart);
      const used: Record<string, number> = { [self]: (selfUsed.user + selfUsed.system) / 1e6 / seconds };
      for (const [name, pid] of Object.entries(processes)) {
        const now = processTicks(pid);
        const then = before[name];
        if (now !== undefined && then !== undefined) used[name] = (now - then) / TICKS_PER_SECOND / seconds;
      }
      const cores = os.cpus().length;
      const machineBusy = (after.busy - machine.busy) / Math.max(1, after.total - machine.total);
      const ours = Object.values(used).reduce((sum, value) => sum + value, 0);
      return { cores, seconds, machineBusy, used, others: Math.max(0, machineBusy * cores - ours) };
    },
  };
}

/** Several watched periods as one: each process's cores averaged over their time together. */
export function combineCpu(uses: readonly (CpuUse | undefined)[]): CpuUse | undefined {
  if (uses.length === 0 || uses.some((use) => use === undefined)) return undefined;
  const all = uses as CpuUse[];
  const seconds = all.reduce((sum, use) => sum + use.seconds, 0);
  const weighted = (pick: (use: CpuUse) => number) => all.reduce((sum, use) => sum + pick(use) * use.seconds, 0) / seconds;
  const names = new Set(all.flatMap((use) => Object.keys(use.used)));
  return {
    cores: all[0]!.cores,
    seconds,
    machineBusy: weighted((use) => use.machineBusy),
    used: Object.fromEntries([...names].map((name) => [name, weighted((use) => use.used[name] ?? 0)])),
    others: weighted((use) => use.others),
  };
}

/** CPU milliseconds each process spent per turn, at `turnsPerSecond`. */
export function cpuMsPerTurn(use: CpuUse, turnsPerSecond: number): Record<string, number> {
  return Object.fromEntries(Object.entries(use.used).map(([name, cores]) => [name, (cores * 1000) / turnsPerSecond]));
}

/** e.g. "CPU per turn: bench 0.9 ms, azurite 7.3 ms, bot 7.1 ms; 2 cores 98% busy, 0.84 of them by other processes". */
export function describeCpu(use: CpuUse | undefined, turnsPerSecond: number): string | undefined {
  if (!use) return undefined;
  const perTurn = Object.entries(cpuMsPerTurn(use, turnsPerSecond)).map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`);
  // Whatever else ran meanwhile (another test run, say) is CPU the bench did not get.
  const others = use.others >= 0.05 ? `, ${use.others.toFixed(2)} of them by other processes` : '';
  return `CPU per turn: ${perTurn.join(', ')}; ${use.cores} cores ${(use.machineBusy * 100).toFixed(0)}% busy${others}`;
}
