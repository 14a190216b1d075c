import type { CacheStore } from './cache-service.js';
import { evictionPolicy, type EvictionPolicy, type EvictionStrategy } from './eviction.js';
import { expiryTime } from './ttl.js';

export interface MemoryStoreOptions {
  name: string;
  /** Most live entries held; inserting one more evicts a victim chosen by `strategy`. */
  maxSize: number;
  /** Default lifetime in seconds; 0 = never expires. */
  ttlSeconds: number;
  strategy: EvictionStrategy;
  /** Clock in ms, injectable for tests. */
  now?: () => number;
}

interface Entry {
  value: unknown;
  /** Epoch ms; 0 = never. */
  expiresAt: number;
}

/** An in-process tier. Expired entries are dropped when touched, when chosen as victim, and when counted. */
export class MemoryStore implements CacheStore {
  readonly type = 'memory' as const;
  readonly name: string;
  evictions = 0;
  private readonly entries = new Map<string, Entry>();
  private readonly policy: EvictionPolicy;
  private readonly now: () => number;

  constructor(private readonly options: MemoryStoreOptions) {
    if (!Number.isInteger(options.maxSize) || options.maxSize < 1) {
      throw new RangeError(`cache tier '${options.name}': maxSize must be a positive integer, got ${options.maxSize}`);
    }
    this.name = options.name;
    this.now = options.now ?? Date.now;
    this.policy = evictionPolicy(options.strategy, (key) => this.entries.get(key)?.expiresAt ?? 0);
  }

  async get(key: string): Promise<unknown> {
    const entry = this.live(key);
    if (!entry) return undefined;
    this.policy.accessed(key);
    return entry.value;
  }

  async set(key: string, value: unknown, ttlSeconds = this.options.ttlSeconds): Promise<void> {
    const expiresAt = expiryTime(ttlSeconds, this.now());
    const existing = this.entries.get(key);
    if (existing) {
      existing.value = value;
      existing.expiresAt = expiresAt;
      this.policy.accessed(key);
      return;
    }
    while (this.entries.size >= this.options.maxSize) this.evictOne();
    this.entries.set(key, { value, expiresAt });
    this.policy.inserted(key);
  }

  async delete(key: string): Promise<boolean> {
    const existed = this.live(key) !== undefined;
    this.remove(key);
    return existed;
  }

  async has(key: string): Promise<boolean> {
    return this.live(key) !== undefined;
  }

  async clear(): Promise<void> {
    for (const key of [...this.entries.keys()]) this.remove(key);
  }

  async size(): Promise<number> {
    const now = this.now();
    for (const [key, entry] of this.entries) if (isExpired(entry, now)) this.remove(key);
    return this.entries.size;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (!isExpired(entry, this.now())) return entry;
    this.remove(key);
    return undefined;
  }

  private evictOne(): void {
    const victim = this.policy.victim();
    if (victim === undefined) return;
    const entry = this.entries.get(victim);
    // A victim that already expired frees its room without counting as an eviction.
    if (entry && !isExpired(entry, this.now())) this.evictions++;
    this.remove(victim);
  }

  private remove(key: string): void {
    if (this.entries.delete(key)) this.policy.removed(key);
  }
}

function isExpired(entry: Entry, now: number): boolean {
  return entry.expiresAt !== 0 && entry.expiresAt <= now;
}
