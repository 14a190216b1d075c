import type { SystemConfig } from '../../kernel/types.js';
import type { CacheStore } from './cache-service.js';
import { MemoryStore } from './memory-store.js';
import { TieredCache } from './tiered-cache.js';

/**
 * Builds the tiers `system.cache.tiers` lists, in lookup order; a tier that cannot connect closes the ones before it.
 * ioredis is imported only when a Redis tier is configured (it takes hundreds of milliseconds to load).
 */
export async function createCache(
  system: SystemConfig['cache'],
  namespace: string,
  onError: (error: Error) => void,
): Promise<TieredCache> {
  const tiers: CacheStore[] = [];
  try {
    for (const tier of system.tiers) {
      tiers.push(
        tier.type === 'memory'
          ? new MemoryStore({ name: tier.name, maxSize: tier.maxSize, ttlSeconds: tier.ttl, strategy: tier.strategy })
          : await (
              await import('./redis-store.js')
            ).RedisStore.connect({
              name: tier.name,
              url: tier.url,
              namespace: `${tier.keyPrefix}${namespace}`,
              ttlSeconds: tier.ttl,
              onError,
            }),
      );
    }
  } catch (error) {
    await Promise.all(tiers.map((tier) => tier.close()));
    throw error;
  }
  return new TieredCache(tiers);
}
