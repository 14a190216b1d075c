import { describe, expect, it } from 'vitest';
import type { EvictionStrategy } from '../../../../runtime/plugins/cache/eviction.js';
import { MemoryStore } from '../../../../runtime/plugins/cache/memory-store.js';
import { TieredCache } from '../../../../runtime/plugins/cache/tiered-cache.js';
import { sleep } from '../support/services.js';

function memoryCache(strategy: EvictionStrategy, maxSize: number, ttlSeconds = 0) {
  return new TieredCache([new MemoryStore({ name: 'memory', maxSize, ttlSeconds, strategy })]);
}

describe('memory cache', () => {
  it('round-trips values and counts hits and misses', async () => {
    const cache = memoryCache('lru', 10);
    await cache.set('user:1', { name: 'Ada', roles: ['admin'] });
    expect(await cache.get('user:1')).toEqual({ name: 'Ada', roles: ['admin'] });
    expect(await cache.get('user:2')).toBeUndefined();
    expect(await cache.has('user:1')).toBe(true);
    expect(await cache.delete('user:1')).toBe(true);
    expect(await cache.delete('user:1')).toBe(false);
    expect(await cache.has('user:1')).toBe(false);
    expect(await cache.stats()).toMatchObject({ hits: 1, misses: 1, size: 0, evictions: 0 });
  });

  it('expires entries after their TTL (per entry, or the tier default)', async () => {
    const cache = memoryCache('lru', 10, 0.08);
    await cache.set('default-ttl', 1);
    await cache.set('short', 2, { ttlSeconds: 0.03 });
    await cache.set('forever', 3, { ttlSeconds: 0 });
    await sleep(50);
    expect(await cache.get('short')).toBeUndefined();
    expect(await cache.get('default-ttl')).toBe(1);
    await sleep(60);
    expect(await cache.get('default-ttl')).toBeUndefined();
    expect(await cache.get('forever')).toBe(3);
    expect(await cache.stats()).toMatchObject({ size: 1, evictions: 0, hits: 2, misses: 2 });
  });

  it('evicts the least recently used entry when full (lru) and counts it', async () => {
    const cache = memoryCache('lru', 3);
    await cache.set('a', 1);
    await cache.set('b', 2);
    await cache.set('c', 3);
    await cache.get('a'); // a is now the most recently used; b the least
    await cache.set('d', 4);
    expect(await cache.has('b')).toBe(false);
    expect(await Promise.all(['a', 'c', 'd'].map((key) => cache.has(key)))).toEqual([true, true, true]);
    const stats = await cache.stats();
    expect(stats).toMatchObject({ size: 3, evictions: 1, hits: 1, misses: 0 });
    expect(stats.tiers).toEqual([{ name: 'memory', type: 'memory', hits: 1, misses: 0, size: 3, evictions: 1 }]);
  });

  it('evicts the oldest insert regardless of reads (fifo)', async () => {
    const cache = memoryCache('fifo', 2);
    await cache.set('a', 1);
    await cache.set('b', 2);
    await cache.get('a');
    await cache.set('c', 3);
    expect(await cache.has('a')).toBe(false);
    expect(await cache.has('b')).toBe(true);
  });

  it('evicts the least frequently used entry (lfu), oldest first among equals', async () => {
    const cache = memoryCache('lfu', 3);
    await cache.set('a', 1);
    await cache.set('b', 2);
    await cache.set('c', 3);
    for (let i = 0; i < 3; i++) await cache.get('a');
    await cache.get('c');
    await cache.set('d', 4); // b was never read
    expect(await cache.has('b')).toBe(false);
    await cache.set('e', 5); // d (1 use) and c (2 uses): d goes
    expect(await cache.has('d')).toBe(false);
    expect(await cache.has('c')).toBe(true);
    expect((await cache.stats()).evictions).toBe(2);
  });

  it('evicts the entry closest to expiry (ttl), keeping entries that never expire', async () => {
    const cache = memoryCache('ttl', 3);
    await cache.set('forever', 1, { ttlSeconds: 0 });
    await cache.set('long', 2, { ttlSeconds: 60 });
    await cache.set('soon', 3, { ttlSeconds: 5 });
    await cache.set('new', 4, { ttlSeconds: 30 });
    expect(await cache.has('soon')).toBe(false);
    expect(await Promise.all(['forever', 'long', 'new'].map((key) => cache.has(key)))).toEqual([true, true, true]);
  });

  it('makes room with an expired entry before evicting a live one', async () => {
    const cache = memoryCache('fifo', 2);
    await cache.set('stale', 1, { ttlSeconds: 0.01 });
    await cache.set('live', 2);
    await sleep(20);
    await cache.set('fresh', 3);
    expect(await cache.has('live')).toBe(true);
    expect((await cache.stats()).evictions).toBe(0);
  });

  it('refuses undefined and negative TTLs with a message saying what to do', async () => {
    const cache = memoryCache('lru', 2);
    await expect(cache.set('k', undefined)).rejects.toThrow(/use cache.delete\('k'\)/);
    await expect(cache.set('k', 1, { ttlSeconds: -1 })).rejects.toThrow(/ttlSeconds must be a number >= 0/);
  });

  it('clears everything', async () => {
    const cache = memoryCache('lru', 5);
    await cache.set('a', 1);
    await cache.set('b', 2);
    await cache.clear();
    expect((await cache.stats()).size).toBe(0);
    expect(await cache.get('a')).toBeUndefined();
  });
});
