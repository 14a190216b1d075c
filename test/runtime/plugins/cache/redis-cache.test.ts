import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../../runtime/plugins/cache/memory-store.js';
import { RedisStore } from '../../../../runtime/plugins/cache/redis-store.js';
import { TieredCache } from '../../../../runtime/plugins/cache/tiered-cache.js';
import { REDIS_URL, shouldRunAgainst, sleep, uniqueSuffix } from '../support/services.js';

const run = uniqueSuffix();
const namespace = `objectstack-test:cache:${run}:`;
/** A key beside the namespace, sharing its prefix text, that `clear` must not touch. */
const neighbour = `objectstack-test:cache:${run}-neighbour`;

describe.runIf(await shouldRunAgainst('Redis', REDIS_URL))('Redis cache tier', () => {
  let raw: Redis;
  const stores: RedisStore[] = [];
  const tier = async (name = 'redis', ttlSeconds = 0) => {
    const store = await RedisStore.connect({ name, url: REDIS_URL, namespace, ttlSeconds });
    stores.push(store);
    return store;
  };

  beforeAll(() => {
    raw = new Redis(REDIS_URL);
  });

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    const leftovers = await raw.keys(`objectstack-test:cache:${run}*`);
    if (leftovers.length > 0) await raw.del(...leftovers);
    await raw.quit();
  });

  it('round-trips JSON values under its namespace', async () => {
    const cache = new TieredCache([await tier()]);
    await cache.set('order:7', { total: 12.5, lines: [1, 2] });
    expect(await raw.get(`${namespace}order:7`)).toBe('{"total":12.5,"lines":[1,2]}');
    expect(await cache.get('order:7')).toEqual({ total: 12.5, lines: [1, 2] });
    expect(await cache.has('order:7')).toBe(true);
    expect(await cache.get('order:8')).toBeUndefined();
    expect(await cache.delete('order:7')).toBe(true);
    expect(await cache.has('order:7')).toBe(false);
    expect(await cache.stats()).toMatchObject({ hits: 1, misses: 1, size: 0 });
  });

  it('expires entries with PX', async () => {
    const cache = new TieredCache([await tier('redis', 60)]);
    await cache.set('short', 'x', { ttlSeconds: 0.05 });
    await cache.set('default', 'y');
    const ttl = await raw.pttl(`${namespace}default`);
    expect(ttl).toBeGreaterThan(59_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await sleep(80);
    expect(await cache.get('short')).toBeUndefined();
    expect(await cache.get('default')).toBe('y');
  });

  it('clears only its namespace (SCAN + UNLINK), never its neighbours', async () => {
    const cache = new TieredCache([await tier()]);
    await raw.set(neighbour, 'keep me');
    for (let i = 0; i < 1200; i++) await cache.set(`bulk:${i}`, i);
    expect((await cache.stats()).size).toBeGreaterThanOrEqual(1200);
    await cache.clear();
    expect(await raw.keys(`${namespace}*`)).toEqual([]);
    expect(await raw.get(neighbour)).toBe('keep me');
    expect((await cache.stats()).size).toBe(0);
  });

  it('copies a Redis hit into the memory tier in front of it', async () => {
    const shared = await tier();
    await shared.set('profile:1', { plan: 'pro' });
    const memory = new MemoryStore({ name: 'l1', maxSize: 10, ttlSeconds: 0, strategy: 'lru' });
    const cache = new TieredCache([memory, shared]);
    expect(await cache.get('profile:1')).toEqual({ plan: 'pro' });
    expect(await memory.get('profile:1')).toEqual({ plan: 'pro' });
    expect(await cache.get('profile:1')).toEqual({ plan: 'pro' });
    const stats = await cache.stats();
    expect(stats).toMatchObject({ hits: 2, misses: 0 });
    expect(stats.tiers.map((t) => [t.name, t.hits, t.misses])).toEqual([
      ['l1', 1, 1],
      ['redis', 1, 0],
    ]);
  });

  it('fails to connect with one clear line naming the tier and the URL', async () => {
    await expect(
      RedisStore.connect({ name: 'shared', url: 'redis://127.0.0.1:1', namespace, ttlSeconds: 0 }),
    ).rejects.toThrow(
      /^Cannot connect to Redis at redis:\/\/127\.0\.0\.1:1 for cache tier 'shared': .*check that Redis is running/,
    );
  });
});
