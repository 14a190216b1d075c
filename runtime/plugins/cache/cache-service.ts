/** The cache service contract: one interface whatever tiers (memory, Redis) `system.cache` configures. */

export interface SetOptions {
  /** Lifetime of this entry in seconds (fractions allowed); 0 = never expires. Default: each tier's `ttl`. */
  ttlSeconds?: number;
}

export interface TierStats {
  readonly name: string;
  readonly type: 'memory' | 'redis';
  readonly hits: number;
  readonly misses: number;
  /** Live entries held by the tier. */
  readonly size: number;
  /** Live entries removed to make room (expired ones are not counted). */
  readonly evictions: number;
}

export interface CacheStats {
  /** Lookups answered by any tier. */
  readonly hits: number;
  /** Lookups no tier could answer. */
  readonly misses: number;
  /** Entries in the last (most complete) tier. */
  readonly size: number;
  /** Evictions summed over the tiers. */
  readonly evictions: number;
  readonly tiers: readonly TierStats[];
}

/** Values must be JSON-serialisable (a Redis tier stores JSON); `undefined` cannot be stored, it means "missing". */
export interface CacheService {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, options?: SetOptions): Promise<void>;
  /** True when the key existed in any tier. */
  delete(key: string): Promise<boolean>;
  has(key: string): Promise<boolean>;
  /** Removes every entry of this cache (its namespace only, never other data on a shared server). */
  clear(): Promise<void>;
  stats(): Promise<CacheStats>;
}

/** One tier; `TieredCache` composes them into the service. */
export interface CacheStore {
  readonly name: string;
  readonly type: TierStats['type'];
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, ttlSeconds?: number): Promise<void>;
  delete(key: string): Promise<boolean>;
  has(key: string): Promise<boolean>;
  clear(): Promise<void>;
  size(): Promise<number>;
  readonly evictions: number;
  close(): Promise<void>;
}
