import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Kernel } from '../../../../runtime/kernel/kernel.js';
import type { QueueService } from '../../../../runtime/plugins/queue/index.js';
import { bootWithBuiltins } from '../support/kernel.js';
import { NATS_URL, REDIS_URL, shouldRunAgainst, uniqueSuffix, waitFor } from '../support/services.js';

const prefix = `ostest_plugin_${uniqueSuffix()}`;
const redisUp = await shouldRunAgainst('Redis', REDIS_URL);
const natsUp = await shouldRunAgainst('NATS JetStream', NATS_URL);

const drivers = [
  { driver: 'memory', run: true, system: { queue: { driver: 'memory' } } },
  { driver: 'redis', run: redisUp, system: { queue: { driver: 'redis', url: REDIS_URL } } },
  { driver: 'nats', run: natsUp, system: { queue: { driver: 'nats', url: NATS_URL } } },
] as const;

describe('queue plugin (booted by the kernel)', () => {
  let kernel: Kernel | undefined;
  afterEach(async () => {
    await kernel?.stop();
    kernel = undefined;
  });

  afterAll(async () => {
    if (redisUp) {
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    }
    if (natsUp) {
      const nc = await connect({ servers: NATS_URL });
      const jsm = await jetstreamManager(nc);
      for await (const name of jsm.streams.names()) if (name.startsWith(prefix)) await jsm.streams.delete(name);
      await nc.close();
    }
  });

  for (const { driver, run, system } of drivers) {
    it.runIf(run)(`provides the queue service over the ${driver} driver named in system.queue`, async () => {
      const booted = await bootWithBuiltins({
        system,
        builtins: [{ id: 'com.objectstack.queue', config: { prefix, jitter: 0 } }],
      });
      kernel = booted.kernel;
      const queue = kernel.getService('queue') as QueueService;
      const received: unknown[] = [];
      await queue.consume('emails', (message) => {
        received.push(message.payload);
      });
      await queue.publish('emails', { to: 'ada@example.com' });
      await waitFor(() => received.length === 1, 10_000, 'the delivery');
      expect(received).toEqual([{ to: 'ada@example.com' }]);
      const health = await kernel.health();
      expect(health.plugins.find((plugin) => plugin.id === 'com.objectstack.queue')?.status).toBe('healthy');
      expect(booted.logs.some((line) => line.msg === 'queue service ready' && line.driver === driver)).toBe(true);
    });
  }

  it('fails its start with one line naming the server when the backend is unreachable (the kernel runs degraded)', async () => {
    const booted = await bootWithBuiltins({
      system: { queue: { driver: 'redis', url: 'redis://127.0.0.1:1' } },
      builtins: [{ id: 'com.objectstack.queue' }],
    });
    kernel = booted.kernel;
    const state = kernel.pluginState('com.objectstack.queue');
    expect(state.state).toBe('failed');
    expect(state.failure?.error.message).toMatch(
      /^Cannot connect to Redis at redis:\/\/127\.0\.0\.1:1 for the queue service: /,
    );
    expect(kernel.hasService('queue')).toBe(false);
  });

  it('rejects an invalid plugin config with the key and the fix', async () => {
    const booted = await bootWithBuiltins({ builtins: [{ id: 'com.objectstack.queue', config: { jitter: 2 } }] });
    kernel = booted.kernel;
    expect(kernel.pluginState('com.objectstack.queue').failure?.error.message).toMatch(
      /^Plugin 'com.objectstack.queue' has an invalid config: jitter: .*; fix the plugin's config in objectstack.yaml$/,
    );
  });
});
