import type { MaybePromise } from '../../kernel/types.js';
import type { ObjectAccess } from './access.js';
import type { ObjectModel } from './model.js';
import { idEquals, rowQueryShape, type RowQueryShape } from './reader.js';
import type { RowDecoder } from './row-decoder.js';
import type { EngineState } from './state.js';
import type { DataRecord, FindOneOptions, RequestContext } from './types.js';
import type { ResultRow } from '../drivers/driver.js';

/**
 * A read by id of an object whose stored row is its whole record (no formulas, roll-ups, join tables or unreadable
 * fields), planned once per object and engine. The generic read builds a predicate, a shape key, a value list and a
 * selection per request and then finds every step has nothing to do for such an object; the plan keeps the generic
 * path's own query shape (`rowQueryShape` of `idEquals`, so both share one compiled statement) and decoder, so its
 * record is the generic path's record. A `dev` reload builds a new engine, so plans never outlive their metadata.
 */
export interface ByIdPlan {
  readonly shape: RowQueryShape;
  readonly decode: RowDecoder;
}

/** The plan of every object that can have one; the others are absent (the generic path reads them). */
export function byIdPlans(state: EngineState): Map<string, ByIdPlan> {
  const plans = new Map<string, ByIdPlan>();
  for (const model of state.models.values()) {
    const decode = state.decoders.get(model.name);
    // Fields no one may read are dropped by the generic path's selection: their objects are read the generic way.
    if (!decode || !model.allStored || !model.properties.every((property) => property.access.readable)) continue;
    // The id only stands in for the shape: each read binds its own.
    const shape = rowQueryShape(state, state.driver.db, model, { where: [idEquals(model, 'id')], byId: true });
    plans.set(model.name, { shape, decode });
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
export function readById(state: EngineState, plan: ByIdPlan, id: string): MaybePromise<DataRecord | undefined> {
  const rows = state.queries.rows(state.driver.db, plan.shape.key, [id], plan.shape.build);
  if (rows instanceof Promise) return rows.then((found) => first(plan, found));
  return first(plan, rows);
}

function first(plan: ByIdPlan, rows: readonly ResultRow[]): DataRecord | undefined {
  const row = rows[0];
  return row === undefined ? undefined : plan.decode(row);
}
