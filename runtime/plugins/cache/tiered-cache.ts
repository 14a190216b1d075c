import type { CacheService, CacheStats, CacheStore, SetOptions, TierStats } from './cache-service.js';
import { checkTtl } from './ttl.js';

interface Counts {
  hits: number;
  misses: number;
}

/**
 * The cache service over one or more tiers, looked up in order (e.g. memory, then Redis). A hit in a later tier is
 * copied into the earlier ones; writes and deletes go to every tier.
 */
export class TieredCache implements CacheService {
  private readonly overall: Counts = { hits: 0, misses: 0 };
  private readonly perTier: Counts[];

  constructor(private readonly tiers: readonly CacheStore[]) {
    if (tiers.length === 0) throw new RangeError('a cache needs at least one tier');
    this.perTier = tiers.map(() => ({ hits: 0, misses: 0 }));
  }

  async get<T = unknown>(key: string): Promise<T | undefined> {
    for (let i = 0; i < this.tiers.length; i++) {
      const value = await (this.tiers[i] as CacheStore).get(key);
      const counts = this.perTier[i] as Counts;
      if (value === undefined) {
        counts.misses++;
        continue;
      }
      counts.hits++;
      this.overall.hits++;
      await Promise.all(this.tiers.slice(0, i).map((tier) => tier.set(key, value)));
      return value as T;
    }
    this.overall.misses++;
    return undefined;
  }

  async set(key: string, value: unknown, options: SetOptions = {}): Promise<void> {
    if (value === undefined) {
      throw new TypeError(
        `cache.set('${key}', undefined): undefined means "missing"; use cache.delete('${key}') instead`,
      );
    }
    if (options.ttlSeconds !== undefined) checkTtl(options.ttlSeconds);
    await Promise.all(this.tiers.map((tier) => tier.set(key, value, options.ttlSeconds)));
  }

  async delete(key: string): Promise<boolean> {
    const results = await Promise.all(this.tiers.map((tier) => tier.delete(key)));
    return results.some(Boolean);
  }

  async has(key: string): Promise<boolean> {
    for (const tier of this.tiers) if (await tier.has(key)) return true;
    return false;
  }

  async clear(): Promise<void> {
    await Promise.all(this.tiers.map((tier) => tier.clear()));
  }

  async stats(): Promise<CacheStats> {
    const tiers: TierStats[] = await Promise.all(
      this.tiers.map(async (tier, i) => ({
        name: tier.name,
        type: tier.type,
        ...(this.perTier[i] as Counts),
        size: await tier.size(),
        evictions: tier.evictions,
      })),
    );
    return {
      ...this.overall,
      size: tiers[tiers.length - 1]?.size ?? 0,
      evictions: tiers.reduce((sum, tier) => sum + tier.evictions, 0),
      tiers,
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.tiers.map((tier) => tier.close()));
  }
}
