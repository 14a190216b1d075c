import type { PluginContext, PluginModule } from '../../kernel/types.js';
import { databaseHealth } from '../../data/drivers/health.js';
import { openDriver, type DataDriver } from '../../data/drivers/index.js';
import { createDataEngine, observeDataEngine, type DataEngine, type DataOperationObserver } from '../../data/engine/index.js';
import type { MetricsService } from '../metrics/metrics-service.js';
import { runtimeObjects } from '../../data/engine/runtime-objects.js';
import { parsePluginConfig } from '../support/plugin-config.js';
import { databaseTarget, DataPluginConfigSchema, type DataPluginConfigInput } from './config.js';

export type * from '../../data/engine/types.js';
export { DataError, isDataError } from '../../data/engine/errors.js';
export {
  DATABASE_URL_VARIABLE,
  DEFAULT_DATABASE,
  type DataPluginConfig,
  type DataPluginConfigInput,
} from './config.js';

declare module '../../kernel/types.js' {
  interface ServiceMap {
    data: DataEngine;
  }
}

const drivers = new WeakMap<PluginContext<DataPluginConfigInput>, DataDriver>();
/** Where operation timings go once `start` knows whether a metrics service runs (every `init` has run by then). */
const observers = new WeakMap<PluginContext<DataPluginConfigInput>, { observe?: DataOperationObserver }>();

/**
 * `com.objectstack.data`: provides the `data` service, the data engine over the stack's objects, on the database
 * named by the config's `url`, else `OBJECTSTACK_DATABASE_URL`, else `.objectstack/dev.db`. Emits the data
 * lifecycle events on the kernel bus. The tables come from `objectstack migrate` (or `serve`), never from here.
 */
const dataPlugin: PluginModule<DataPluginConfigInput> = {
  init(ctx) {
    const config = parsePluginConfig(ctx.pluginId, DataPluginConfigSchema, ctx.config);
    const driver = openDriver(databaseTarget(config));
    drivers.set(ctx, driver);
    const observer: { observe?: DataOperationObserver } = {};
    observers.set(ctx, observer);
    const engine = observeDataEngine(
      createDataEngine({
        objects: runtimeObjects(ctx.objects.list(), ctx.system),
        driver,
        events: ctx.events,
        defaultPageSize: config.defaultPageSize,
        maxPageSize: config.maxPageSize,
      }),
      () => observer.observe,
    );
    ctx.registerService('data', engine);
    ctx.logger.info({ database: driver.description, objects: engine.objects().length }, 'data engine ready');
  },

  start(ctx) {
    const observer = observers.get(ctx);
    if (!observer || !ctx.hasService('metrics')) return;
    const metrics = ctx.getService<MetricsService>('metrics');
    observer.observe = (observation) => metrics.observeDbQuery(observation);
  },

  async destroy(ctx) {
    observers.delete(ctx);
    await drivers.get(ctx)?.close();
    drivers.delete(ctx);
  },

  async healthCheck(ctx) {
    const driver = drivers.get(ctx);
    if (!driver) return { status: 'unhealthy', message: 'not initialised' };
    return databaseHealth(driver);
  },
};

export default dataPlugin;
