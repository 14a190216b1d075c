import type { DataDriver } from '../drivers/driver.js';
import type {
  DataEngine,
  DataInput,
  DataRecord,
  Filter,
  FindOneOptions,
  FindQuery,
  FindResult,
  RecordId,
  RequestContext,
} from './types.js';

/** One data operation as the metrics plugin records it (`observeDbQuery`). */
export interface DataOperationObservation {
  readonly operation: 'find' | 'findOne' | 'count' | 'insert' | 'insertMany' | 'update' | 'delete';
  readonly object: string;
  readonly durationMs: number;
}

export type DataOperationObserver = (observation: DataOperationObservation) => void;

/**
 * A data engine that reports how long each operation took, failed ones included (a slow failure is worth seeing).
 * A decorator rather than timing inside the engine, so an engine nobody observes pays nothing: `observer` gives the
 * observer of the moment (a metrics service appears at start), and while it gives none calls go straight through.
 */
export function observeDataEngine(engine: DataEngine, observer: () => DataOperationObserver | undefined): DataEngine {
  async function timed<T>(observe: DataOperationObserver, operation: DataOperationObservation['operation'], object: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      observe({ operation, object, durationMs: performance.now() - started });
    }
  }
  function call<T>(operation: DataOperationObservation['operation'], object: string, run: () => Promise<T>): Promise<T> {
    const observe = observer();
    return observe ? timed(observe, operation, object, run) : run();
  }
  return {
    find: (object: string, query?: FindQuery, ctx?: RequestContext): Promise<FindResult> =>
      call('find', object, () => engine.find(object, query, ctx)),
    findOne: (object: string, id: RecordId, options?: FindOneOptions, ctx?: RequestContext): Promise<DataRecord> =>
      call('findOne', object, () => engine.findOne(object, id, options, ctx)),
    count: (object: string, filter?: Filter, ctx?: RequestContext): Promise<number> =>
      call('count', object, () => engine.count(object, filter, ctx)),
    insert: (object: string, data: DataInput, ctx?: RequestContext): Promise<DataRecord> =>
      call('insert', object, () => engine.insert(object, data, ctx)),
    insertMany: (object: string, data: readonly DataInput[], ctx?: RequestContext): Promise<DataRecord[]> =>
      call('insertMany', object, () => engine.insertMany(object, data, ctx)),
    update: (object: string, id: RecordId, data: DataInput, ctx?: RequestContext): Promise<DataRecord> =>
      call('update', object, () => engine.update(object, id, data, ctx)),
    delete: (object: string, id: RecordId, ctx?: RequestContext): Promise<DataRecord> =>
      call('delete', object, () => engine.delete(object, id, ctx)),
    database: (): DataDriver => engine.database(),
    objects: (): readonly string[] => engine.objects(),
    close: (): Promise<void> => engine.close(),
  };
}
