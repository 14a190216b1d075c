import { Redis } from 'ioredis';
import { afterAll, describe } from 'vitest';
import { RedisQueueDriver } from '../../../../runtime/plugins/queue/redis-driver.js';
import { REDIS_URL, shouldRunAgainst, uniqueSuffix } from '../support/services.js';
import { describeQueueConformance } from './conformance.js';

const prefix = `objectstack-test:queue:${uniqueSuffix()}`;

describe.runIf(await shouldRunAgainst('Redis', REDIS_URL))('Redis queue driver', () => {
  afterAll(async () => {
    const redis = new Redis(REDIS_URL);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
    await redis.quit();
  });

  describeQueueConformance('redis', {
    durable: true,
    create: (options) =>
      RedisQueueDriver.connect({ ...options, url: REDIS_URL, prefix, blockMs: 200, retryPollMs: 25 }),
  });
});
