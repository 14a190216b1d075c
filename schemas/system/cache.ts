import { z } from 'zod';

const tierKeys = {
  name: z.string().min(1).describe('Tier name, referenced in logs and metrics'),
  ttl: z.number().int().min(0).default(300).describe('Time to live of an entry, in seconds (0 = no expiry)'),
  strategy: z.enum(['lru', 'lfu', 'fifo', 'ttl']).default('lru').describe('Eviction strategy when the tier is full'),
  maxSize: z.number().int().positive().default(10_000).describe('Most entries held by the tier'),
};

const MemoryTierSchema = z.strictObject({
  type: z.literal('memory').describe('In-process memory (lost on restart, not shared between instances)'),
  ...tierKeys,
});

const RedisTierSchema = z.strictObject({
  type: z.literal('redis').describe('A Redis server shared by all instances'),
  url: z.string().min(1).describe('Redis URL, e.g. redis://127.0.0.1:6379 or ${env:REDIS_URL}'),
  keyPrefix: z.string().default('objectstack:').describe('Prefix for every key'),
  ...tierKeys,
});

export const CacheTierSchema = z.discriminatedUnion('type', [MemoryTierSchema, RedisTierSchema]).describe('One cache tier');

export const CacheConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe('Use the cache service'),
    tiers: z
      .array(CacheTierSchema)
      .default([{ type: 'memory', name: 'memory', ttl: 300, strategy: 'lru', maxSize: 10_000 }])
      .describe('Tiers looked up in order (e.g. memory, then redis)'),
  })
  .describe('Cache service');
