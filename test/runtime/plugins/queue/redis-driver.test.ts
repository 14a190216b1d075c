import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { QueueSettings } from '../../../../runtime/plugins/queue/queue-service.js';
import { RedisQueueDriver } from '../../../../runtime/plugins/queue/redis-driver.js';
import { REDIS_URL, shouldRunAgainst, uniqueSuffix, waitFor } from '../support/services.js';
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

  it('hands a message read by a consumer that died (never acknowledged) to another one after the visibility timeout', async () => {
    const settings: QueueSettings = {
      concurrency: 1,
      retry: { maxAttempts: 3, backoff: { type: 'fixed', delayMs: 10, multiplier: 1, maxDelayMs: 10, jitter: 0 } },
      deadLetter: { enabled: true, queue: 'crash.dead' },
    };
    const queue = `crash-${uniqueSuffix()}`;
    const publisher = await RedisQueueDriver.connect({ url: REDIS_URL, prefix, settingsFor: () => settings });
    await publisher.publish(queue, { invoice: 9 });
    // The dead consumer: it read the entry into its pending list, then vanished.
    const raw = new Redis(REDIS_URL);
    const read = await raw.xreadgroup(
      'GROUP',
      'workers',
      'dead-consumer',
      'COUNT',
      1,
      'STREAMS',
      `${prefix}:{${queue}}`,
      '>',
    );
    expect(read).not.toBeNull();
    await raw.quit();

    const survivor = await RedisQueueDriver.connect({
      url: REDIS_URL,
      prefix,
      blockMs: 100,
      visibilityTimeoutMs: 300,
      settingsFor: () => settings,
    });
    const received: Array<{ payload: unknown; attempt: number }> = [];
    const started = performance.now();
    await survivor.consume(
      queue,
      (message) => void received.push({ payload: message.payload, attempt: message.attempt }),
    );
    await waitFor(() => received.length === 1, 5000, 'the reclaimed message');
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
    // A crash is not a failed attempt: the handler never ran.
    expect(received).toEqual([{ payload: { invoice: 9 }, attempt: 1 }]);
    expect((await survivor.stats(queue)).pending).toBe(0);
    await Promise.all([publisher.close(), survivor.close()]);
  });
});
