import type { PluginContext, PluginErrorEvent, PluginModule } from '../../kernel/types.js';
import { parsePluginConfig } from '../support/plugin-config.js';
import { MetricsPluginConfigSchema } from './config.js';
import { MetricsService } from './metrics-service.js';

export { MetricsService } from './metrics-service.js';
export type { DbQueryObservation, HttpRequestObservation } from './metrics-service.js';

const services = new WeakMap<PluginContext, MetricsService>();

/**
 * `com.objectstack.metrics`: provides the `metrics` service and feeds it from the kernel bus — every event counted by
 * name, every `plugin.error` by plugin and phase. The HTTP layer serves `render()` at `GET /api/v1/metrics`.
 */
const metricsPlugin: PluginModule = {
  init(ctx) {
    const config = parsePluginConfig(ctx.pluginId, MetricsPluginConfigSchema, ctx.config);
    const metrics = new MetricsService({ prefix: config.prefix, defaultMetrics: config.defaultMetrics });
    services.set(ctx, metrics);
    ctx.registerService('metrics', metrics);
    if (config.countEvents) ctx.events.on('*', (_payload, event) => metrics.countEvent(event));
    ctx.events.on<PluginErrorEvent>('plugin.error', (error) => metrics.countPluginError(error.pluginId, error.phase));
  },

  destroy(ctx) {
    services.get(ctx)?.registry.clear();
    services.delete(ctx);
  },
};

export default metricsPlugin;
