import { LinkedOrder } from './linked-order.js';

/**
 * Which live entry a full memory tier gives up. Every policy is told about inserts, reads and removals and names a
 * victim in O(1) — except `ttl`, which scans for the soonest expiry (only when the tier is full).
 */
export interface EvictionPolicy {
  inserted(key: string): void;
  accessed(key: string): void;
  removed(key: string): void;
  victim(): string | undefined;
}

export type EvictionStrategy = 'lru' | 'lfu' | 'fifo' | 'ttl';

export function evictionPolicy(strategy: EvictionStrategy, expiryOf: (key: string) => number): EvictionPolicy {
  switch (strategy) {
    case 'lru':
      return new InsertionOrder(true);
    case 'fifo':
      return new InsertionOrder(false);
    case 'lfu':
      return new LeastFrequentlyUsed();
    case 'ttl':
      return new SoonestExpiry(expiryOf);
  }
}

/** The first key is the oldest insert (fifo) or, when reads move keys to the end, the least recently used (lru). */
class InsertionOrder implements EvictionPolicy {
  private readonly order = new LinkedOrder();

  constructor(private readonly readsRefresh: boolean) {}

  inserted(key: string): void {
    this.order.append(key);
  }

  accessed(key: string): void {
    if (this.readsRefresh) this.order.append(key);
  }

  removed(key: string): void {
    this.order.remove(key);
  }

  victim(): string | undefined {
    return this.order.first();
  }
}

/** Frequency buckets; within a bucket, the least recently used key goes first. */
class LeastFrequentlyUsed implements EvictionPolicy {
  private readonly frequency = new Map<string, number>();
  private readonly buckets = new Map<number, LinkedOrder>();
  /** Never above the true minimum; `victim` walks up past emptied buckets. */
  private minFrequency = 1;

  inserted(key: string): void {
    this.frequency.set(key, 1);
    this.bucket(1).append(key);
    this.minFrequency = 1;
  }

  accessed(key: string): void {
    const count = this.frequency.get(key);
    if (count === undefined) return;
    this.leaveBucket(count, key);
    this.frequency.set(key, count + 1);
    this.bucket(count + 1).append(key);
  }

  removed(key: string): void {
    const count = this.frequency.get(key);
    if (count === undefined) return;
    this.frequency.delete(key);
    this.leaveBucket(count, key);
  }

  victim(): string | undefined {
    if (this.frequency.size === 0) return undefined;
    for (;;) {
      const bucket = this.buckets.get(this.minFrequency);
      if (bucket && bucket.size > 0) return bucket.first();
      this.buckets.delete(this.minFrequency);
      this.minFrequency++;
    }
  }

  /** Empty buckets are dropped so that frequencies seen once do not pile up. */
  private leaveBucket(count: number, key: string): void {
    const bucket = this.buckets.get(count);
    if (!bucket) return;
    bucket.remove(key);
    if (bucket.size === 0) this.buckets.delete(count);
  }

  private bucket(count: number): LinkedOrder {
    let bucket = this.buckets.get(count);
    if (!bucket) {
      bucket = new LinkedOrder();
      this.buckets.set(count, bucket);
    }
    return bucket;
  }
}

/** Gives up the entry closest to expiring; entries that never expire go last. */
class SoonestExpiry implements EvictionPolicy {
  private readonly keys = new Set<string>();

  constructor(private readonly expiryOf: (key: string) => number) {}

  inserted(key: string): void {
    this.keys.add(key);
  }

  accessed(): void {}

  removed(key: string): void {
    this.keys.delete(key);
  }

  victim(): string | undefined {
    let chosen: string | undefined;
    let soonest = Infinity;
    for (const key of this.keys) {
      const expiresAt = this.expiryOf(key) || Infinity;
      if (chosen === undefined || expiresAt < soonest) {
        chosen = key;
        soonest = expiresAt;
      }
    }
    return chosen;
  }
}
