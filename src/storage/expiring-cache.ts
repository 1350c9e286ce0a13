import { performance } from 'node:perf_hooks';

export interface ExpiringCacheOptions {
  /** How long an answer is used before it is asked for again. */
  freshForMs: number;
  /** The oldest entries go first beyond this many. */
  maxEntries: number;
  /** Milliseconds on a clock that never jumps; `performance.now()` unless a test moves time itself. */
  clock?: () => number;
}

/**
 * Rosters and curricula change only by import. One made through this instance is seen at once;
 * one made elsewhere (the import command, another instance) within `seconds`
 * (WAYPOINT_ROSTER_CACHE_SECONDS, a minute unless configured).
 */
export function rosterCache(seconds: number, clock?: () => number): ExpiringCacheOptions {
  return { freshForMs: seconds * 1000, maxEntries: 20_000, clock };
}

/**
 * A bounded, per-instance copy of answers that are slow to get (from storage, mostly), each used for
 * a while. It holds no state of its own: every instance can serve every turn, it only asks less
 * often. Concurrent misses for one key share one load, and a failed load is forgotten at once.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; freshUntil: number }>();

  private readonly clock: () => number;

  constructor(private readonly options: ExpiringCacheOptions) {
    this.clock = options.clock ?? (() => performance.now());
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && entry.freshUntil > this.clock()) return entry.value;
    const value = load();
    this.store(key, value);
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** What this instance just wrote: later reads here see it without asking storage. */
  set(key: string, value: V): void {
    this.store(key, Promise.resolve(value));
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets every key that starts with `prefix` (e.g. one school's). */
  deleteStartingWith(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  private store(key: string, value: Promise<V>): void {
    // Re-inserting moves the key to the end, so the first key is always the oldest.
    this.entries.delete(key);
    this.entries.set(key, { value, freshUntil: this.clock() + this.options.freshForMs });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
