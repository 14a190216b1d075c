import type { ObjectIR } from '../../compiler/ir/types.js';
import type { DataDriver } from '../data/drivers/driver.js';
import { createDataEngine } from '../data/engine/engine.js';
import type { DataEngine } from '../data/engine/types.js';
import type { PluginModule } from '../kernel/types.js';

/** The data plugin's settings the server honours (from its manifest). */
interface DataSettings {
  readonly defaultPageSize?: number;
  readonly maxPageSize?: number;
}

/**
 * `com.objectstack.data` as `serve` runs it: the server owns the database connection (`--database`), so it hands
 * the open driver to an engine created on the plugin's own event bus, and the engine becomes the `data` service
 * every other plugin and the HTTP layer use. `engine()` gives the current one (a `dev` reload makes a new one).
 */
export function servedDataPlugin(objects: () => readonly ObjectIR[], driver: DataDriver): { module: PluginModule<DataSettings>; engine(): DataEngine } {
  let current: DataEngine | undefined;
  const module: PluginModule<DataSettings> = {
    init(ctx) {
      current = createDataEngine({
        objects: objects(),
        driver,
        events: ctx.events,
        ...(ctx.config.defaultPageSize !== undefined && { defaultPageSize: ctx.config.defaultPageSize }),
        ...(ctx.config.maxPageSize !== undefined && { maxPageSize: ctx.config.maxPageSize }),
      });
      ctx.registerService('data', current);
    },
  };
  return {
    module,
    engine() {
      if (!current) throw new Error('the data plugin has not been initialised');
      return current;
    },
  };
}
