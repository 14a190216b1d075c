import { databaseHealth } from '../data/drivers/health.js';
import type { ObjectIR } from '../../compiler/ir/types.js';
import type { DataDriver } from '../data/drivers/driver.js';
import { createDataEngine } from '../data/engine/engine.js';
import { observeDataEngine, type DataEngine, type DataOperationObserver, type EngineEvents } from '../data/engine/index.js';
import type { MetricsService } from '../plugins/metrics/metrics-service.js';
import type { PluginModule } from '../kernel/types.js';

/** The data plugin's settings the server honours (from its manifest). */
interface DataSettings {
  readonly defaultPageSize?: number;
  readonly maxPageSize?: number;
}

export interface ServedDataPlugin {
  readonly module: PluginModule<DataSettings>;
  /** The engine the plugin registered as the `data` service. */
  engine(): DataEngine;
  /** A new engine over other objects, with the plugin's settings and event bus (what a `dev` reload serves). */
  rebuild(objects: readonly ObjectIR[]): DataEngine;
}

/**
 * `com.objectstack.data` as `serve` runs it: the server owns the database connection (`--database`), so it hands
 * the open driver to an engine created on the plugin's own event bus, and the engine becomes the `data` service
 * every other plugin and the HTTP layer use.
 */
export function servedDataPlugin(objects: readonly ObjectIR[], driver: DataDriver): ServedDataPlugin {
  let current: DataEngine | undefined;
  let make: ((objects: readonly ObjectIR[]) => DataEngine) | undefined;
  // Set at start, once every init has run and a metrics service (if any) is registered.
  let observe: DataOperationObserver | undefined;
  const module: PluginModule<DataSettings> = {
    init(ctx) {
      const { defaultPageSize, maxPageSize } = ctx.config;
      const events: EngineEvents = ctx.events;
      make = (served) =>
        observeDataEngine(
          createDataEngine({
            objects: served,
            driver,
            events,
            ...(defaultPageSize !== undefined && { defaultPageSize }),
            ...(maxPageSize !== undefined && { maxPageSize }),
          }),
          () => observe,
        );
      current = make(objects);
      ctx.registerService('data', current);
    },
    start(ctx) {
      if (!ctx.hasService('metrics')) return;
      const metrics = ctx.getService<MetricsService>('metrics');
      observe = (observation) => metrics.observeDbQuery(observation);
    },
    // Health answers for the database: /api/v1/health turns unhealthy when it stops answering.
    healthCheck: () => databaseHealth(driver),
  };
  const initialised = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the data plugin has not been initialised');
    return value;
  };
  return {
    module,
    engine: () => initialised(current),
    rebuild: (served) => {
      // Statements prepared for the old tables go with them; the new engine compiles its queries afresh.
      driver.forgetStatements();
      return initialised(make)(served);
    },
  };
}
