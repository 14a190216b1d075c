import type { Redis } from 'ioredis';
import { connectRedis } from '../support/redis-connection.js';
import type { CacheStore } from './cache-service.js';
import { ttlMilliseconds } from './ttl.js';

export interface RedisStoreOptions {
  name: string;
  url: string;
  /** Every key of this tier starts with it; `clear` removes exactly these keys. */
  namespace: string;
  /** Default lifetime in seconds; 0 = never expires. */
  ttlSeconds: number;
  onError?: (error: Error) => void;
}

const SCAN_BATCH = 500;

/**
 * A tier on a Redis server shared by every instance. Values are JSON; expiry is Redis' own (SET … PX). Redis evicts
 * by its own `maxmemory-policy`, so this tier reports no evictions of its own.
 */
export class RedisStore implements CacheStore {
  readonly type = 'redis' as const;
  readonly evictions = 0;
  readonly name: string;

  private constructor(
    private readonly redis: Redis,
    private readonly options: RedisStoreOptions,
  ) {
    this.name = options.name;
  }

  static async connect(options: RedisStoreOptions): Promise<RedisStore> {
    const redis = await connectRedis(options.url, `cache tier '${options.name}'`, options.onError);
    return new RedisStore(redis, options);
  }

  async get(key: string): Promise<unknown> {
    const text = await this.redis.get(this.key(key));
    return text === null ? undefined : JSON.parse(text);
  }

  async set(key: string, value: unknown, ttlSeconds = this.options.ttlSeconds): Promise<void> {
    const text = JSON.stringify(value);
    if (ttlSeconds > 0) await this.redis.set(this.key(key), text, 'PX', ttlMilliseconds(ttlSeconds));
    else await this.redis.set(this.key(key), text);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(this.key(key))) > 0;
  }

  async has(key: string): Promise<boolean> {
    return (await this.redis.exists(this.key(key))) > 0;
  }

  /** SCAN + UNLINK over this namespace only: a shared server's other data (and FLUSHDB) is never touched. */
  async clear(): Promise<void> {
    await this.scanNamespace((keys) => this.redis.unlink(...keys).then(() => {}));
  }

  /** Counts this namespace's keys with SCAN; O(keys), meant for stats, not hot paths. */
  async size(): Promise<number> {
    let count = 0;
    await this.scanNamespace(async (keys) => {
      count += keys.length;
    });
    return count;
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private key(key: string): string {
    return `${this.options.namespace}${key}`;
  }

  private async scanNamespace(visit: (keys: string[]) => Promise<void>): Promise<void> {
    const pattern = `${escapeGlob(this.options.namespace)}*`;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_BATCH);
      if (keys.length > 0) await visit(keys);
      cursor = next;
    } while (cursor !== '0');
  }
}

/** Redis MATCH patterns treat * ? [ ] \ specially; a namespace is matched literally. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
