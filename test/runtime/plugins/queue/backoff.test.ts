import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../../runtime/plugins/queue/backoff.js';
import type { BackoffPolicy } from '../../../../runtime/plugins/queue/queue-service.js';
import { queueSettingsResolver } from '../../../../runtime/plugins/queue/settings.js';
import { SystemSchema } from '../../../../schemas/system/index.js';

const policy = (overrides: Partial<BackoffPolicy>): BackoffPolicy => ({
  type: 'exponential',
  delayMs: 100,
  multiplier: 2,
  maxDelayMs: 1000,
  jitter: 0,
  ...overrides,
});

describe('retry backoff', () => {
  it('grows fixed, linear and exponential delays as named, capped at maxDelay', () => {
    const attempts = [1, 2, 3, 4, 5];
    expect(attempts.map((n) => retryDelayMs(policy({ type: 'fixed' }), n))).toEqual([100, 100, 100, 100, 100]);
    expect(attempts.map((n) => retryDelayMs(policy({ type: 'linear' }), n))).toEqual([100, 200, 300, 400, 500]);
    expect(attempts.map((n) => retryDelayMs(policy({ type: 'exponential' }), n))).toEqual([100, 200, 400, 800, 1000]);
  });

  it('keeps a jittered delay within ±jitter of the nominal one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.99999, noNaN: true }),
        (attempt, jitter, random) => {
          const nominal = retryDelayMs(policy({}), attempt);
          const delay = retryDelayMs(policy({ jitter }), attempt, () => random);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(nominal * (1 - jitter)));
          expect(delay).toBeLessThanOrEqual(Math.ceil(nominal * (1 + jitter)));
        },
      ),
    );
    expect(retryDelayMs(policy({ jitter: 0.5 }), 1, () => 0)).toBe(50);
    expect(retryDelayMs(policy({ jitter: 0.5 }), 1, () => 0.99999)).toBe(150);
  });
});

describe('queue settings from system.queue', () => {
  it('uses a listed queue its own entry, any other queue the section defaults, and never dead-letters a DLQ into itself', () => {
    const system = SystemSchema.parse({
      queue: {
        retry: { maxAttempts: 5, backoff: { type: 'linear', delay: 250, maxDelay: 5000 } },
        queues: { emails: { concurrency: 4, retry: { maxAttempts: 2 }, deadLetter: { queue: 'emails.dead' } } },
      },
    });
    const settingsFor = queueSettingsResolver(system.queue, { multiplier: 3, jitter: 0.2 });
    expect(settingsFor('emails')).toMatchObject({
      concurrency: 4,
      retry: { maxAttempts: 2, backoff: { multiplier: 3, jitter: 0.2 } },
      deadLetter: { enabled: true, queue: 'emails.dead' },
    });
    expect(settingsFor('reports')).toEqual({
      concurrency: 1,
      retry: {
        maxAttempts: 5,
        backoff: { type: 'linear', delayMs: 250, maxDelayMs: 5000, multiplier: 3, jitter: 0.2 },
      },
      deadLetter: { enabled: true, queue: 'dead_letter' },
    });
    expect(settingsFor('dead_letter').deadLetter.enabled).toBe(false);
  });
});
