import type { DataDriver } from '../drivers/driver.js';
import type { ObjectModel } from './model.js';
import type { QueryCache } from './query-cache.js';
import type { RowDecoder } from './row-decoder.js';

/** What every engine operation reads: the open database, the object models, the clock and the compiled queries. */
export interface EngineState {
  readonly driver: DataDriver;
  readonly models: ReadonlyMap<string, ObjectModel>;
  readonly now: () => Date;
  /** Compiled SQL by query shape, for this engine's models. */
  readonly queries: QueryCache;
  /** Row decoders by object name. */
  readonly decoders: ReadonlyMap<string, RowDecoder>;
}
