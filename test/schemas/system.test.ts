import { describe, expect, it } from 'vitest';
import { SystemSchema } from '../../schemas/index.js';

describe('SystemSchema', () => {
  it('turns an empty section into a complete configuration', () => {
    const system = SystemSchema.parse({});
    expect(Object.keys(system).sort()).toEqual(['cache', 'compliance', 'encryption', 'logging', 'queue', 'search', 'tenancy', 'tracing']);
    expect(system.logging).toEqual({
      level: 'info', format: 'json', destinations: [{ type: 'console' }], redact: ['password', 'token', 'secret', 'authorization', 'cookie'],
    });
    expect(system.tracing.sampling).toEqual({ strategy: 'parent_based', ratio: 1 });
    expect(system.cache.tiers).toEqual([{ type: 'memory', name: 'memory', ttl: 300, strategy: 'lru', maxSize: 10_000 }]);
    expect(system.queue).toMatchObject({ driver: 'memory', retry: { maxAttempts: 3, backoff: { type: 'exponential' } }, deadLetter: { enabled: true } });
    expect(system.tenancy).toMatchObject({ enabled: false, strategy: 'shared_schema', resolution: { from: 'header' } });
    expect(system.encryption).toMatchObject({ enabled: false, algorithm: 'aes-256-gcm', keyManagement: { rotationDays: 90 } });
    expect(system.compliance.retention).toEqual({ policies: [] });
  });

  it('fills defaults inside partially written sections', () => {
    const system = SystemSchema.parse({ queue: { driver: 'nats', url: 'nats://127.0.0.1:4222', queues: { email: { concurrency: 4 } } } });
    expect(system.queue.queues.email).toEqual({
      concurrency: 4,
      retry: { maxAttempts: 3, backoff: { type: 'exponential', delay: 1000, maxDelay: 60_000 } },
      deadLetter: { enabled: true, queue: 'dead_letter' },
    });
  });

  it('requires a url for the redis and nats queue drivers, at the url path', () => {
    const result = SystemSchema.safeParse({ queue: { driver: 'redis' } });
    expect(result.error?.issues[0]).toMatchObject({ path: ['queue', 'url'] });
    expect(result.error?.issues[0]?.message).toMatch(/need a `url`/);
  });

  it('requires a redis url on a redis cache tier', () => {
    expect(SystemSchema.safeParse({ cache: { tiers: [{ type: 'redis', name: 'shared' }] } }).error?.issues[0]?.path).toEqual(['cache', 'tiers', 0, 'url']);
  });

  it('requires databaseUrlTemplate for isolated_db tenancy', () => {
    expect(SystemSchema.safeParse({ tenancy: { enabled: true, strategy: 'isolated_db' } }).error?.issues[0]?.path).toEqual(['tenancy', 'databaseUrlTemplate']);
  });

  it('rejects unknown keys and enum values', () => {
    expect(SystemSchema.safeParse({ loging: {} }).error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['loging'] });
    expect(SystemSchema.safeParse({ logging: { format: 'xml' } }).error?.issues[0]?.path).toEqual(['logging', 'format']);
    expect(SystemSchema.safeParse({ cache: { tiers: [{ type: 'memory', name: 'm', strategy: 'random' }] } }).success).toBe(false);
  });
});
