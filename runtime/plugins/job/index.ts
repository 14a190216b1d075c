import type { PluginContext, PluginModule } from '../../kernel/types.js';
import type { QueueService } from '../queue/queue-service.js';
import { queueSettingsResolver } from '../queue/settings.js';
import { parsePluginConfig } from '../support/plugin-config.js';
import { JobPluginConfigSchema } from './config.js';
import { JobScheduler } from './scheduler.js';

export type * from './job-service.js';

const schedulers = new WeakMap<PluginContext, JobScheduler>();

/**
 * `com.objectstack.job`: provides the `job` service. Jobs from this plugin's config are scheduled at init (other
 * plugins add theirs, with handlers, in their own init); timers run between `start` and `destroy`.
 */
const jobPlugin: PluginModule = {
  async init(ctx) {
    const config = parsePluginConfig(ctx.pluginId, JobPluginConfigSchema, ctx.config);
    const settingsFor = queueSettingsResolver(ctx.system.queue, { multiplier: 2, jitter: 0 });
    const scheduler = new JobScheduler({
      queue: ctx.getService<QueueService>('queue'),
      defaultQueue: config.queue,
      defaultTimezone: config.timezone,
      maxAttemptsOf: (queue) => settingsFor(queue).retry.maxAttempts,
      emit: (event, payload) => ctx.events.emit(event, payload),
      onError: (message, error, job) => ctx.logger.error({ err: error, job }, message),
    });
    for (const job of config.jobs) await scheduler.schedule(job);
    schedulers.set(ctx, scheduler);
    ctx.registerService('job', scheduler);
  },

  async start(ctx) {
    await schedulers.get(ctx)?.start();
  },

  async destroy(ctx) {
    await schedulers.get(ctx)?.stop();
    schedulers.delete(ctx);
  },
};

export default jobPlugin;
