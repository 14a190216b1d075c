import type { SystemConfig } from '../../kernel/types.js';
import type { QueueSettings } from './queue-service.js';

type QueueSystemConfig = SystemConfig['queue'];

export interface BackoffTuning {
  /** Growth factor of exponential backoff. */
  multiplier: number;
  /** 0..1: how far each delay may randomly stray from its nominal value. */
  jitter: number;
}

/**
 * Effective settings per queue name from `system.queue`: a queue listed under `queues` uses its own entry, any
 * other queue the section's defaults. A dead-letter queue never dead-letters into itself (that would cycle forever):
 * its exhausted messages are dropped and reported.
 */
export function queueSettingsResolver(
  config: QueueSystemConfig,
  tuning: BackoffTuning,
): (queue: string) => QueueSettings {
  const cache = new Map<string, QueueSettings>();
  return (queue) => {
    let settings = cache.get(queue);
    if (!settings) {
      const own = config.queues[queue];
      const retry = own?.retry ?? config.retry;
      const deadLetter = own?.deadLetter ?? config.deadLetter;
      settings = {
        concurrency: own?.concurrency ?? 1,
        retry: {
          maxAttempts: retry.maxAttempts,
          backoff: {
            type: retry.backoff.type,
            delayMs: retry.backoff.delay,
            maxDelayMs: retry.backoff.maxDelay,
            multiplier: tuning.multiplier,
            jitter: tuning.jitter,
          },
        },
        deadLetter: { enabled: deadLetter.enabled && deadLetter.queue !== queue, queue: deadLetter.queue },
      };
      cache.set(queue, settings);
    }
    return settings;
  };
}
