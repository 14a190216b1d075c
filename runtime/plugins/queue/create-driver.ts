import type { SystemConfig } from '../../kernel/types.js';
import type { QueuePluginConfig } from './config.js';
import type { QueueDriverOptions } from './driver-options.js';
import { MemoryQueueDriver } from './memory-driver.js';
import type { QueueService } from './queue-service.js';

export type QueueDriver = QueueService & { ping(): Promise<void> };

/**
 * The driver `system.queue.driver` names, connected and ready. Backend clients are imported only when chosen: ioredis
 * and the NATS client each take hundreds of milliseconds to load, which a memory-queue stack should not pay.
 */
export async function createQueueDriver(
  system: SystemConfig['queue'],
  config: QueuePluginConfig,
  options: QueueDriverOptions,
): Promise<QueueDriver> {
  switch (system.driver) {
    case 'memory':
      return new MemoryQueueDriver(options);
    case 'redis': {
      const { RedisQueueDriver } = await import('./redis-driver.js');
      return RedisQueueDriver.connect({
        ...options,
        url: requireUrl(system),
        prefix: `${config.prefix}:queue`,
        visibilityTimeoutMs: config.visibilityTimeoutMs,
      });
    }
    case 'nats': {
      const { NatsQueueDriver } = await import('./nats-driver.js');
      return NatsQueueDriver.connect({
        ...options,
        url: requireUrl(system),
        prefix: config.prefix.replace(/[^A-Za-z0-9_-]/g, '_'),
        visibilityTimeoutMs: config.visibilityTimeoutMs,
      });
    }
  }
}

function requireUrl(system: SystemConfig['queue']): string {
  // The schema already demands it; a hand-written bootstrap may have skipped the schema.
  if (!system.url)
    throw new Error(`system.queue.driver is '${system.driver}' but system.queue.url is not set; add the server URL`);
  return system.url;
}
