import { describe, expect, it } from 'vitest';
import { ExpiringCache } from '../../src/storage/expiring-cache';

describe('a cache on a clock the test moves', () => {
  it('answers from memory until its time is up, then asks again', async () => {
    let now = 0;
    const cache = new ExpiringCache<string>({ freshForMs: 1_000, maxEntries: 10, clock: () => now });
    let loads = 0;
    const load = async () => `answer ${++loads}`;
    expect(await cache.get('k', load)).toBe('answer 1');
    now = 999;
    expect(await cache.get('k', load)).toBe('answer 1');
    now = 1_001;
    expect(await cache.get('k', load)).toBe('answer 2');
  });

  it('keeps what this instance wrote for the same time, and forgets the oldest beyond its size', async () => {
    let now = 0;
    const cache = new ExpiringCache<string>({ freshForMs: 1_000, maxEntries: 2, clock: () => now });
    const load = async () => 'from storage';
    cache.set('a', 'written here');
    now = 500;
    expect(await cache.get('a', load)).toBe('written here');
    cache.set('b', 'b');
    cache.set('c', 'c');
    expect(await cache.get('a', load)).toBe('from storage');
    now = 1_499;
    expect(await cache.get('c', load)).toBe('c');
  });
});
