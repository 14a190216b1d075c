import { sql, type Compilable, type SqlBool } from 'kysely';
import type { QueryDb } from '../drivers/query-adapter.js';
import type { MaybePromise } from '../../kernel/types.js';
import type { ObjectAccess } from './access.js';
import type { ObjectModel } from './model.js';
import type { Placeholders } from './predicate.js';
import type { QueryCache } from './query-cache.js';
import type { RowDecoder } from './row-decoder.js';
import type { DataRecord, FindOneOptions, RequestContext } from './types.js';
import type { ResultRow } from '../drivers/driver.js';

/**
 * A read by id of an object whose stored row is its whole record (no formulas, roll-ups, join tables or unreadable
 * fields), planned once per object and engine. The generic read builds a predicate, a shape key, a value list and a
 * selection per request and then finds every step has nothing to do for such an object; this runs the same compiled
 * statement (same shape key, so both share it) and decodes the row with the same decoder, so its record is the
 * generic path's record. A `dev` reload builds a new engine, so plans never outlive the metadata they came from.
 */
export interface ByIdPlan {
  /** The query cache key; equal to the generic path's key for the same lookup. */
  readonly key: string;
  readonly build: (slots: Placeholders) => Compilable<unknown>;
  readonly decode: RowDecoder;
}

/** The plan of every object that can have one; the others are absent (the generic path reads them). */
export function byIdPlans(models: Iterable<ObjectModel>, decoders: ReadonlyMap<string, RowDecoder>, db: QueryDb): Map<string, ByIdPlan> {
  const plans = new Map<string, ByIdPlan>();
  for (const model of models) {
    const decode = decoders.get(model.name);
    // Fields no one may read are dropped by the generic path's selection: their objects are read the generic way.
    if (!decode || !model.allStored || !model.properties.every((property) => property.access.readable)) continue;
    plans.set(model.name, {
      // The generic path's key for `where id = ?` by id (see `selectRows`), so one compiled statement serves both.
      key: `select ${model.table} where id sort by id`,
      build: (slots) => db.selectFrom(model.table).selectAll(model.table).where(sql<SqlBool>`${sql.ref(`${model.table}.id`)} = ${slots.take()}`),
      decode,
    });
  }
  return plans;
}

/**
 * Whether this request reads exactly what the trusted engine reads: no field selection or expansion, no row scope
 * (no owner or tenant condition) and every field readable. Hooks and listeners are the caller's check.
 */
export function readsWholeRecord(model: ObjectModel, access: ObjectAccess, options: FindOneOptions, ctx: RequestContext): boolean {
  if (options.fields !== undefined || options.expand !== undefined) return false;
  // Trusted: only a tenant narrows the read (what `rowScope` would build), and every field is readable (the plan's check).
  if (ctx.permissions === undefined) return model.tenantColumn === null || ctx.tenantId === undefined;
  return access.rowScope('read') === undefined && access.readableNames().size === model.properties.length;
}

/** Runs the plan for `id`: the record, or undefined when there is none. Synchronous when the driver ran it at once. */
export function readById(queries: QueryCache, db: QueryDb, plan: ByIdPlan, id: string): MaybePromise<DataRecord | undefined> {
  const rows = queries.rows(db, plan.key, [id], plan.build);
  if (rows instanceof Promise) return rows.then((found) => first(plan, found));
  return first(plan, rows);
}

function first(plan: ByIdPlan, rows: readonly ResultRow[]): DataRecord | undefined {
  const row = rows[0];
  return row === undefined ? undefined : plan.decode(row);
}
