import type { DataDriver } from '../drivers/driver.js';
import type { ObjectModel } from './model.js';

/** What every engine operation reads: the open database, the object models and the clock. */
export interface EngineState {
  readonly driver: DataDriver;
  readonly models: ReadonlyMap<string, ObjectModel>;
  readonly now: () => Date;
}
