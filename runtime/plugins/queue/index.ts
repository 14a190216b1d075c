import type { PluginContext, PluginModule } from '../../kernel/types.js';
import { parsePluginConfig } from '../support/plugin-config.js';
import { QueuePluginConfigSchema } from './config.js';
import { createQueueDriver, type QueueDriver } from './create-driver.js';
import { queueSettingsResolver } from './settings.js';

export type * from './queue-service.js';

const drivers = new WeakMap<PluginContext, QueueDriver>();

/** `com.objectstack.queue`: provides the `queue` service over the driver `system.queue` names. */
const queuePlugin: PluginModule = {
  async init(ctx) {
    const config = parsePluginConfig(ctx.pluginId, QueuePluginConfigSchema, ctx.config);
    const driver = await createQueueDriver(ctx.system.queue, config, {
      settingsFor: queueSettingsResolver(ctx.system.queue, {
        multiplier: config.backoffMultiplier,
        jitter: config.jitter,
      }),
      onHandlerError: (error, message) =>
        ctx.logger.warn(
          { err: error, queue: message.queue, messageId: message.id, attempt: message.attempt },
          'queue handler failed',
        ),
      onBackendError: (error) => ctx.logger.error({ err: error }, 'queue backend error; retrying'),
    });
    drivers.set(ctx, driver);
    ctx.registerService('queue', driver);
    ctx.logger.info({ driver: ctx.system.queue.driver }, 'queue service ready');
  },

  async destroy(ctx) {
    await drivers.get(ctx)?.close();
    drivers.delete(ctx);
  },

  async healthCheck(ctx) {
    const driver = drivers.get(ctx);
    if (!driver) return { status: 'unhealthy', message: 'not initialised' };
    try {
      await driver.ping();
      return 'healthy';
    } catch (error) {
      return { status: 'unhealthy', message: error instanceof Error ? error.message : String(error) };
    }
  },
};

export default queuePlugin;
