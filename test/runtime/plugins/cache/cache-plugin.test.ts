import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { Kernel } from '../../../../runtime/kernel/kernel.js';
import type { CacheService } from '../../../../runtime/plugins/cache/index.js';
import { bootWithBuiltins } from '../support/kernel.js';
import { REDIS_URL, shouldRunAgainst, uniqueSuffix } from '../support/services.js';

const redisUp = await shouldRunAgainst('Redis', REDIS_URL);

describe('cache plugin (booted by the kernel)', () => {
  let kernel: Kernel | undefined;
  afterEach(async () => {
    await kernel?.stop();
    kernel = undefined;
  });

  it('provides a memory cache by default, sized and evicting per system.cache', async () => {
    const booted = await bootWithBuiltins({
      system: { cache: { tiers: [{ type: 'memory', name: 'local', maxSize: 2, ttl: 0, strategy: 'lru' }] } },
      builtins: [{ id: 'com.objectstack.cache' }],
    });
    kernel = booted.kernel;
    const cache = kernel.getService('cache') as CacheService;
    await cache.set('a', 1);
    await cache.set('b', 2);
    await cache.get('a');
    await cache.set('c', 3);
    expect(await cache.has('b')).toBe(false);
    expect(await cache.stats()).toMatchObject({
      size: 2,
      evictions: 1,
      hits: 1,
      tiers: [{ name: 'local', type: 'memory' }],
    });
    expect((await kernel.health()).plugins.find((p) => p.id === 'com.objectstack.cache')?.status).toBe('healthy');
  });

  it('does not provide the service when system.cache.enabled is false', async () => {
    const booted = await bootWithBuiltins({
      system: { cache: { enabled: false } },
      builtins: [{ id: 'com.objectstack.cache' }],
    });
    kernel = booted.kernel;
    expect(kernel.hasService('cache')).toBe(false);
  });

  it.runIf(redisUp)('puts a memory tier in front of a Redis tier, keys under keyPrefix + namespace', async () => {
    const keyPrefix = `objectstack-test:${uniqueSuffix()}:`;
    const booted = await bootWithBuiltins({
      system: {
        cache: {
          tiers: [
            { type: 'memory', name: 'l1', maxSize: 100, ttl: 5 },
            { type: 'redis', name: 'shared', url: REDIS_URL, keyPrefix, ttl: 60 },
          ],
        },
      },
      builtins: [{ id: 'com.objectstack.cache', config: { namespace: 'app:' } }],
    });
    kernel = booted.kernel;
    const cache = kernel.getService('cache') as CacheService;
    const raw = new Redis(REDIS_URL);
    try {
      await cache.set('user:1', { name: 'Ada' });
      expect(await raw.get(`${keyPrefix}app:user:1`)).toBe('{"name":"Ada"}');
      expect(await raw.pttl(`${keyPrefix}app:user:1`)).toBeGreaterThan(55_000);
      expect(await cache.get('user:1')).toEqual({ name: 'Ada' });
      await cache.clear();
      expect(await raw.keys(`${keyPrefix}*`)).toEqual([]);
      const stats = await cache.stats();
      expect(stats.tiers.map((tier) => `${tier.name}:${tier.type}`)).toEqual(['l1:memory', 'shared:redis']);
    } finally {
      await raw.quit();
    }
  });
});
