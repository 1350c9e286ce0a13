import { performance } from 'node:perf_hooks';

// A closed-loop load: `conversations` senders, each posting its next turn as soon as the last one
// was answered. Bounded twice: it stops after `turns` turns or at `timeLimitMs`, whichever is first.

export interface LoadOptions {
  conversations: number;
  turns: number;
  timeLimitMs: number;
  /** One turn of one conversation; resolves when the bot has answered (its replies already sent). */
  turn(conversation: number, index: number): Promise<void>;
}

export interface LoadResult {
  turns: number;
  failed: number;
  ms: number;
  turnsPerSecond: number;
  p50: number;
  p99: number;
  stoppedByTime: boolean;
  firstError?: string;
  /** Every answered turn's latency, ms, sorted. */
  latencies: number[];
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let started = 0;
  let failed = 0;
  let firstError: string | undefined;
  const begin = performance.now();
  const deadline = begin + options.timeLimitMs;
  let stoppedByTime = false;
  const sender = async (conversation: number): Promise<void> => {
    while (started < options.turns) {
      if (performance.now() >= deadline) {
        stoppedByTime = true;
        return;
      }
      const index = started++;
      const at = performance.now();
      try {
        await options.turn(conversation, index);
        latencies.push(performance.now() - at);
      } catch (error) {
        failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.conversations }, (_, conversation) => sender(conversation)));
  const ms = performance.now() - begin;
  return summarise(latencies, failed, ms, stoppedByTime, firstError);
}

/** Several runs of one load as if they were one: their turns, their time, their latencies together. */
export function combineLoads(results: readonly LoadResult[]): LoadResult {
  const firstError = results.find((result) => result.firstError)?.firstError;
  return summarise(
    results.flatMap((result) => result.latencies),
    results.reduce((sum, result) => sum + result.failed, 0),
    results.reduce((sum, result) => sum + result.ms, 0),
    results.some((result) => result.stoppedByTime),
    firstError,
  );
}

function summarise(latencies: number[], failed: number, ms: number, stoppedByTime: boolean, firstError: string | undefined): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    turns: latencies.length,
    failed,
    ms,
    turnsPerSecond: (latencies.length / ms) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    stoppedByTime,
    ...(firstError ? { firstError } : {}),
    latencies,
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** What a run says about itself when it was not clean: failures, or the time limit cut it short. */
export function loadNote(result: LoadResult, extra: readonly (string | undefined)[] = []): string {
  const parts = extra.filter((part) => part !== undefined);
  if (result.failed > 0) parts.push(`${result.failed} FAILED, first: ${result.firstError ?? '?'}`);
  if (result.stoppedByTime) parts.push('stopped at its time limit');
  return parts.join('; ');
}
