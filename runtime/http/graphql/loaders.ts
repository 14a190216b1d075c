import type { DataEngine, DataRecord, RequestContext } from '../../data/engine/types.js';

/** Largest `in` list and page one batched query asks for: within the engine's default maximum page size (200). */
const BATCH = 100;

interface Pending<T> {
  readonly key: string;
  readonly resolve: (value: T) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Collects the keys asked for while one GraphQL level resolves and fetches them with one query on the next turn,
 * so a page of 50 issues with their projects costs two queries, not 51.
 */
abstract class BatchLoader<T> {
  private pending: Pending<T>[] = [];

  load(key: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ key, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const found = await this.fetch([...new Set(batch.map((item) => item.key))]);
      for (const item of batch) item.resolve(found(item.key));
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }

  protected abstract fetch(keys: readonly string[]): Promise<(key: string) => T>;
}

/** Records of one object by id (lookups); a record the caller may not see resolves to null. */
export class RecordLoader extends BatchLoader<DataRecord | null> {
  constructor(
    private readonly engine: DataEngine,
    private readonly object: string,
    private readonly ctx: RequestContext,
  ) {
    super();
  }

  protected async fetch(ids: readonly string[]): Promise<(id: string) => DataRecord | null> {
    const byId = new Map<string, DataRecord>();
    for (let start = 0; start < ids.length; start += BATCH) {
      const chunk = ids.slice(start, start + BATCH);
      const page = await this.engine.find(this.object, { filter: { field: 'id', op: 'in', value: chunk }, limit: chunk.length }, this.ctx);
      for (const record of page.records) byId.set(String(record.id), record);
    }
    return (id) => byId.get(id) ?? null;
  }
}

/** Records of one object whose `field` points at the given parent ids (master-detail reverse lists). */
export class ChildrenLoader extends BatchLoader<DataRecord[]> {
  constructor(
    private readonly engine: DataEngine,
    private readonly object: string,
    private readonly field: string,
    private readonly ctx: RequestContext,
  ) {
    super();
  }

  protected async fetch(parents: readonly string[]): Promise<(id: string) => DataRecord[]> {
    const byParent = new Map<string, DataRecord[]>();
    for (let start = 0; start < parents.length; start += BATCH) {
      const chunk = parents.slice(start, start + BATCH);
      for (let offset = 0; ; offset += BATCH) {
        const filter = { field: this.field, op: 'in', value: chunk } as const;
        const page = await this.engine.find(this.object, { filter, limit: BATCH, offset }, this.ctx);
        for (const record of page.records) {
          const parent = String(record[this.field]);
          byParent.set(parent, [...(byParent.get(parent) ?? []), record]);
        }
        if (page.records.length < BATCH) break;
      }
    }
    return (id) => byParent.get(id) ?? [];
  }
}

/** One request's loaders, created lazily per object (and per object field for reverse lists). */
export class RequestLoaders {
  private readonly records = new Map<string, RecordLoader>();
  private readonly children = new Map<string, ChildrenLoader>();

  constructor(
    private readonly engine: DataEngine,
    private readonly ctx: RequestContext,
  ) {}

  record(object: string): RecordLoader {
    let loader = this.records.get(object);
    if (!loader) this.records.set(object, (loader = new RecordLoader(this.engine, object, this.ctx)));
    return loader;
  }

  childrenOf(object: string, field: string): ChildrenLoader {
    const key = `${object}.${field}`;
    let loader = this.children.get(key);
    if (!loader) this.children.set(key, (loader = new ChildrenLoader(this.engine, object, field, this.ctx)));
    return loader;
  }
}
