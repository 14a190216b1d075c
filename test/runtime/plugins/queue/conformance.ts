import { afterEach, describe, expect, it } from 'vitest';
import type { QueueDriverOptions } from '../../../../runtime/plugins/queue/driver-options.js';
import {
  DEAD_LETTER_HEADERS,
  type QueueMessage,
  type QueueService,
  type QueueSettings,
} from '../../../../runtime/plugins/queue/queue-service.js';
import { uniqueSuffix, waitFor } from '../support/services.js';

export interface ConformanceTarget {
  /** A new service instance, as a fresh process would create it. */
  create(options: QueueDriverOptions): Promise<QueueService>;
  /** Drivers whose work survives a restart (Redis, NATS). */
  durable: boolean;
}

const RETRY_DELAY_MS = 200;
/** Upper slack on backoff timing: polling, pulls and a loaded 2-core machine. */
const TIMING_SLACK_MS = 600;

function settings(queue: string, overrides: Partial<QueueSettings> = {}): QueueSettings {
  return {
    concurrency: 1,
    retry: {
      maxAttempts: 3,
      backoff: { type: 'exponential', delayMs: RETRY_DELAY_MS, multiplier: 2, maxDelayMs: 10_000, jitter: 0 },
    },
    deadLetter: { enabled: true, queue: `${queue}.dead` },
    ...overrides,
  };
}

/** The behaviour every queue driver must share; run once per driver against its real backend. */
export function describeQueueConformance(driver: string, target: ConformanceTarget): void {
  describe(`queue conformance: ${driver}`, () => {
    const services: QueueService[] = [];
    const handlerErrors: unknown[] = [];
    const open = async (overrides: Partial<QueueSettings> = {}) => {
      const service = await target.create({
        settingsFor: (queue) => settings(queue, overrides),
        onHandlerError: (error) => handlerErrors.push(error),
      });
      services.push(service);
      return service;
    };
    const queueName = (what: string) => `conf-${uniqueSuffix()}-${what}`;

    afterEach(async () => {
      await Promise.all(services.splice(0).map((service) => service.close()));
      handlerErrors.length = 0;
    });

    it('delivers each published message once, with its payload, headers and attempt 1', async () => {
      const service = await open();
      const queue = queueName('delivery');
      const received: QueueMessage<{ n: number }>[] = [];
      const ids = [
        await service.publish(queue, { n: 1 }, { headers: { tenant: 'acme' } }),
        await service.publish(queue, { n: 2 }),
      ];
      await service.consume<{ n: number }>(queue, (message) => {
        received.push(message);
      });
      await waitFor(() => received.length === 2, 10_000, 'two deliveries');
      expect(received.map((m) => m.payload.n).sort()).toEqual([1, 2]);
      expect(received.map((m) => m.id).sort()).toEqual([...ids].sort());
      expect(received.every((m) => m.attempt === 1 && m.queue === queue)).toBe(true);
      expect(received.find((m) => m.payload.n === 1)?.headers).toMatchObject({ tenant: 'acme' });
      const stats = await service.stats(queue);
      expect(stats).toMatchObject({ queue, completed: 2, retried: 0, deadLettered: 0, inFlight: 0 });
    });

    it('never runs more handlers at once than the concurrency limit', async () => {
      const service = await open({ concurrency: 2 });
      const queue = queueName('concurrency');
      let running = 0;
      let peak = 0;
      let done = 0;
      for (let n = 0; n < 6; n++) await service.publish(queue, { n });
      await service.consume(queue, async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 120));
        running--;
        done++;
      });
      await waitFor(() => done === 6, 15_000, 'six handled messages');
      expect(peak).toBe(2);
    });

    it('retries a failing handler with exponential backoff, then succeeds', async () => {
      const service = await open();
      const queue = queueName('retry');
      const attempts: Array<{ attempt: number; at: number }> = [];
      await service.publish(queue, { job: 'flaky' });
      await service.consume(queue, (message) => {
        attempts.push({ attempt: message.attempt, at: performance.now() });
        if (message.attempt < 3) throw new Error(`boom ${message.attempt}`);
      });
      await waitFor(() => attempts.length === 3, 10_000, 'three attempts');
      expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
      const [first, second, third] = attempts.map((a) => a.at) as [number, number, number];
      // 200 ms then 400 ms (multiplier 2); a timer may fire a millisecond early.
      expect(second - first).toBeGreaterThanOrEqual(RETRY_DELAY_MS - 5);
      expect(second - first).toBeLessThan(RETRY_DELAY_MS + TIMING_SLACK_MS);
      expect(third - second).toBeGreaterThanOrEqual(2 * RETRY_DELAY_MS - 5);
      expect(third - second).toBeLessThan(2 * RETRY_DELAY_MS + TIMING_SLACK_MS);
      await waitFor(() => handlerErrors.length === 2, 2000, 'two reported handler errors');
      const stats = await service.stats(queue);
      expect(stats).toMatchObject({ completed: 1, retried: 2, deadLettered: 0 });
    });

    it('dead-letters a message after its last attempt, with where it came from and why', async () => {
      const service = await open({
        retry: { maxAttempts: 2, backoff: { type: 'fixed', delayMs: 50, multiplier: 1, maxDelayMs: 50, jitter: 0 } },
      });
      const queue = queueName('dlq');
      let attempts = 0;
      const dead: QueueMessage<{ order: number }>[] = [];
      const originalId = await service.publish(queue, { order: 42 });
      await service.consume(queue, () => {
        attempts++;
        throw new Error('payment gateway down');
      });
      await service.consume<{ order: number }>(`${queue}.dead`, (message) => {
        dead.push(message);
      });
      await waitFor(() => dead.length === 1, 10_000, 'a dead-lettered message');
      expect(attempts).toBe(2);
      expect(dead[0]?.payload).toEqual({ order: 42 });
      expect(dead[0]?.headers).toMatchObject({
        [DEAD_LETTER_HEADERS.from]: queue,
        [DEAD_LETTER_HEADERS.error]: 'payment gateway down',
        [DEAD_LETTER_HEADERS.attempts]: '2',
        [DEAD_LETTER_HEADERS.originalId]: originalId,
      });
      // The dead letter is published before the original is acknowledged (never lost in between): wait for both.
      await waitFor(async () => (await service.stats(queue)).pending === 0, 5000, 'the original to be acknowledged');
      expect(await service.stats(queue)).toMatchObject({ deadLettered: 1, retried: 1, completed: 0, pending: 0 });
    });

    it('counts messages waiting for a consumer as pending', async () => {
      const service = await open();
      const queue = queueName('pending');
      for (let n = 0; n < 3; n++) await service.publish(queue, { n });
      expect(await service.stats(queue)).toMatchObject({ pending: 3, inFlight: 0, completed: 0 });
    });

    // Only where the backend keeps work: for the memory driver a restart loses it by design.
    if (target.durable)
      it('delivers work published while no consumer ran, after a restart', async () => {
        const queue = queueName('restart');
        const firstRun: unknown[] = [];
        const before = await open();
        await before.publish(queue, { n: 1 });
        await before.consume(queue, (message) => {
          firstRun.push(message.payload);
        });
        await waitFor(() => firstRun.length === 1, 10_000, 'the first delivery');
        await before.close();

        const publisherWhileDown = await open();
        await publisherWhileDown.publish(queue, { n: 2 });
        await publisherWhileDown.publish(queue, { n: 3 });
        await publisherWhileDown.close();

        const after = await open();
        const secondRun: Array<{ n: number }> = [];
        await after.consume<{ n: number }>(queue, (message) => {
          secondRun.push(message.payload);
        });
        await waitFor(() => secondRun.length === 2, 10_000, 'both messages after the restart');
        expect(secondRun.map((p) => p.n).sort()).toEqual([2, 3]);
        expect(firstRun).toEqual([{ n: 1 }]);
      });
  });
}
