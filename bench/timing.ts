import { performance } from 'node:perf_hooks';

export async function timed<T>(task: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await task();
  return { ms: performance.now() - start, result };
}

/** The median of `runs` timings after one unmeasured warm-up run (JIT, caches, connections). */
export async function medianMs(runs: number, task: () => Promise<unknown> | unknown): Promise<number> {
  await task();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push((await timed(task)).ms);
  times.sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  return times.length % 2 === 1 ? times[middle]! : (times[middle - 1]! + times[middle]!) / 2;
}
