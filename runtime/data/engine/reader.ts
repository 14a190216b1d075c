import { sql, type Compilable, type RawBuilder, type SqlBool } from 'kysely';
import type { QueryDb } from '../drivers/query-adapter.js';
import { FALSE, predicate, valueList, type Placeholders, type Predicate } from './predicate.js';
import { ObjectAccess } from './access.js';
import { rowDecoder } from './row-decoder.js';
import { DataError } from './errors.js';
import { coerceFormulaResult } from './formula-values.js';
import { columnOf, JOIN_SOURCE_COLUMN, JOIN_TARGET_COLUMN, type ObjectModel, type PropertyModel } from './model.js';
import type { MaybePromise } from '../../kernel/types.js';
import type { EngineState } from './state.js';
import { computeSummaries } from './summary.js';
import type { DataRecord, DataValue, RecordId, SortKey } from './types.js';
import { hasNul } from './value-check.js';
import { unknownFieldDetail } from './unknown-field.js';

export type Row = Record<string, unknown>;

export interface RowQuery {
  readonly where: readonly Predicate[];
  readonly sort?: readonly SortKey[];
  readonly limit?: number;
  readonly offset?: number;
  /** Rows found by id need no order: there is one per id, and callers match them to their ids. */
  readonly byId?: boolean;
}

/** A query's SQL shape: the cache key, the values in placeholder order, and how Kysely builds it (once per engine). */
export interface RowQueryShape {
  readonly key: string;
  readonly values: readonly unknown[];
  readonly build: (slots: Placeholders) => Compilable<unknown>;
}

/**
 * Rows of the object's table (every stored column), filtered, sorted (id last, for stable pages) and paged. The
 * SQL of each shape of query is built and compiled once per engine.
 */
export function selectRows(state: EngineState, db: QueryDb, model: ObjectModel, query: RowQuery): MaybePromise<Row[]> {
  const shape = rowQueryShape(state, db, model, query);
  return state.queries.rows(db, shape.key, shape.values, shape.build);
}

/** The shape of `selectRows(query)`: also what a planned read keeps to run again with other values. */
export function rowQueryShape(state: EngineState, db: QueryDb, model: ObjectModel, query: RowQuery): RowQueryShape {
  const sort = query.sort ?? [];
  const paged = query.limit !== undefined;
  const skips = query.offset !== undefined && query.offset > 0;
  // Built with plain loops: this runs on every read, a lookup by id included.
  let key = `select ${model.table} where ${shapeKey(query.where)} sort`;
  for (const { field, direction } of sort) key += ` ${field} ${direction}`;
  if (query.byId) key += ' by id';
  const values = valuesOf(query.where);
  if (paged) {
    key += ' limit';
    values.push(query.limit);
  }
  if (skips) {
    key += ' offset';
    values.push(query.offset);
  }
  const build = (slots: Placeholders): Compilable<unknown> => {
    let select = db.selectFrom(model.table).selectAll(model.table);
    for (const part of query.where) select = select.where(part.build(slots));
    for (const { field, direction } of sort) {
      const property = model.byName.get(field);
      if (property) select = select.orderBy(sortExpression(state, model, property, direction));
    }
    if (!query.byId) select = select.orderBy(sql`${state.driver.adapter.binaryText(model.table, 'id')} asc`);
    if (paged) select = select.limit(sql<number>`${slots.take()}`);
    if (skips) select = select.offset(sql<number>`${slots.take()}`);
    return select;
  };
  return { key, values, build };
}

/**
 * One sort key spelled the same way for both dialects: empty values sort as the smallest (first when ascending, as
 * SQLite does by default; PostgreSQL is told so) and text compares by code point.
 */
function sortExpression(state: EngineState, model: ObjectModel, property: PropertyModel, direction: 'asc' | 'desc'): RawBuilder<unknown> {
  const column = columnOf(property);
  const textual = property.kind === 'text' || property.kind === 'id';
  const key = textual ? state.driver.adapter.binaryText(model.table, column) : sql`${sql.ref(`${model.table}.${column}`)}`;
  return direction === 'asc' ? sql`${key} asc nulls first` : sql`${key} desc nulls last`;
}

export async function countRows(state: EngineState, db: QueryDb, model: ObjectModel, where: readonly Predicate[]): Promise<number> {
  const key = `count ${model.table} where ${shapeKey(where)}`;
  const [row] = await state.queries.rows(db, key, valuesOf(where), (slots) => {
    let select = db.selectFrom(model.table).select(sql<number>`count(*)`.as('total'));
    for (const part of where) select = select.where(part.build(slots));
    return select;
  });
  return Number(row?.['total'] ?? 0);
}

/** The shape keys of conditions joined with `and`. */
function shapeKey(where: readonly Predicate[]): string {
  let key = '';
  for (let i = 0; i < where.length; i++) key += i === 0 ? where[i]!.key : ` and ${where[i]!.key}`;
  return key;
}

/** The values of conditions, in order (a list the caller may extend). */
function valuesOf(where: readonly Predicate[]): unknown[] {
  const values: unknown[] = [];
  for (const part of where) for (const value of part.values) values.push(value);
  return values;
}

/** `id = ?`; an id that cannot exist (not text, or text PostgreSQL cannot even compare) matches nothing, in both dialects. */
export function idEquals(model: ObjectModel, id: RecordId): Predicate {
  if (typeof id !== 'string' || hasNul(id)) return FALSE;
  return predicate('id', [id], (slots) => sql<SqlBool>`${sql.ref(`${model.table}.id`)} = ${slots.take()}`);
}

/** `id in (…)` over the object's table. */
export function idIn(model: ObjectModel, ids: readonly string[]): Predicate {
  return predicate(`id in ${ids.length}`, ids, (slots) => sql<SqlBool>`${sql.ref(`${model.table}.id`)} in (${valueList(slots, ids.length)})`);
}

export interface ShapeOptions {
  readonly fields?: readonly string[] | undefined;
  readonly expand?: readonly string[] | undefined;
  readonly access: ObjectAccess;
  /** Access to referenced objects for expand. */
  readonly accessOf: (model: ObjectModel) => ObjectAccess;
}

/** Checks `fields` and `expand` names before any query runs: unknown → 400 with did-you-mean, unreadable → 403. */
export function checkSelection(model: ObjectModel, options: ShapeOptions): void {
  if (options.fields === undefined && options.expand === undefined) return;
  const unknown = [...(options.fields ?? []), ...(options.expand ?? [])]
    .filter((name) => !model.byName.has(name))
    .map((name) => unknownFieldDetail(model, name, 'Field'));
  if (unknown.length > 0) throw new DataError('bad_request', `Unknown field(s) selected on ${model.name}`, unknown);
  for (const name of options.expand ?? []) {
    const property = model.byName.get(name);
    if (!property?.reference || (property.kind !== 'id' && property.kind !== 'join_table')) {
      throw new DataError('bad_request', `Cannot expand ${model.name}.${name}: only lookup fields can be expanded`, [
        { field: name, problem: 'is not a lookup field' },
      ]);
    }
  }
}

/**
 * Rows as API records: decoded values, formulas computed, multiple lookups read from their join tables (one query
 * per field per page), roll-ups (one query per summary field per page), lookups expanded (one query per expanded field per page), then only the selected and
 * readable fields kept, in record order.
 */
export function shapeRecords(state: EngineState, db: QueryDb, model: ObjectModel, rows: readonly Row[], options: ShapeOptions): MaybePromise<DataRecord[]> {
  const decode = state.decoders.get(model.name) ?? rowDecoder(model, state.driver.adapter);
  const now = model.formulas.length > 0 ? state.now() : undefined;
  const records = rows.map((row) => {
    const record = decode(row);
    for (const { property, formula } of model.formulas) {
      if (property.field) record[property.name] = coerceFormulaResult(property.field, formula.evaluate((name) => record[name], now!));
    }
    return record;
  });
  const wanted = selectedProperties(model, options);
  // Every property stored, every one wanted, nothing to add: the decoded records are already the answer.
  if (model.allStored && wanted.size === model.properties.length && !options.expand?.length) return records;
  return completeRecords(state, db, model, records, wanted, options);
}

/** Adds what is not in the rows (multiple lookups, roll-ups, expansions), then keeps the wanted fields. */
async function completeRecords(state: EngineState, db: QueryDb, model: ObjectModel, records: DataRecord[], wanted: ReadonlySet<string>, options: ShapeOptions): Promise<DataRecord[]> {
  const ids = records.map((record) => String(record['id']));
  for (const property of model.joinFields) {
    if (!wanted.has(property.name) || ids.length === 0) continue;
    const members = await joinMembers(db, property, ids);
    for (const record of records) record[property.name] = members.get(String(record['id'])) ?? [];
  }
  // A roll-up counts every child record, whoever asks (as its stored value would), so children are read trusted.
  await computeSummaries(state, db, model, records, wanted, (child, childRows) => {
    const trusted = (target: ObjectModel) => new ObjectAccess(target, {});
    return shapeRecords(state, db, child, childRows, { access: trusted(child), accessOf: trusted });
  });
  for (const name of options.expand ?? []) {
    const property = model.byName.get(name);
    if (property && wanted.has(name)) await expandField(state, db, model, property, records, options);
  }
  return records.map((record) => {
    const shaped: DataRecord = {};
    for (const property of model.properties) {
      if (wanted.has(property.name) && property.name in record) shaped[property.name] = record[property.name] ?? null;
    }
    return shaped;
  });
}

function selectedProperties(model: ObjectModel, options: ShapeOptions): ReadonlySet<string> {
  if (!options.fields) return options.access.readableNames();
  const names = new Set(['id', ...options.fields, ...(options.expand ?? [])]);
  return new Set(
    model.properties.filter((property) => names.has(property.name) && options.access.canRead(property)).map((property) => property.name),
  );
}

async function joinMembers(db: QueryDb, property: PropertyModel, ids: readonly string[]): Promise<Map<string, string[]>> {
  const table = property.field?.joinTable;
  const members = new Map<string, string[]>();
  if (!table) return members;
  const rows = (await db
    .selectFrom(table)
    .select([JOIN_SOURCE_COLUMN, JOIN_TARGET_COLUMN])
    .where(sql.ref(JOIN_SOURCE_COLUMN), 'in', ids)
    .orderBy(sql.ref(JOIN_TARGET_COLUMN))
    .execute()) as Row[];
  for (const row of rows) {
    const source = String(row[JOIN_SOURCE_COLUMN]);
    const list = members.get(source) ?? [];
    list.push(String(row[JOIN_TARGET_COLUMN]));
    members.set(source, list);
  }
  return members;
}

/** Replaces ids by the referenced records (readable fields only); a dangling or hidden id becomes null. */
async function expandField(
  state: EngineState,
  db: QueryDb,
  model: ObjectModel,
  property: PropertyModel,
  records: DataRecord[],
  options: ShapeOptions,
): Promise<void> {
  const target = property.reference ? state.models.get(property.reference) : undefined;
  if (!target) {
    throw new DataError('bad_request', `Cannot expand ${model.name}.${property.name}: it refers to "${property.reference}", which this stack does not serve`, [
      { field: property.name, problem: 'the referenced object is not served' },
    ]);
  }
  const access = options.accessOf(target);
  access.require('allowRead');
  const ids = [...new Set(records.flatMap((record) => idsIn(record[property.name])))];
  if (ids.length === 0) return;
  const scope = access.rowScope('read');
  const rows = await selectRows(state, db, target, { where: [idIn(target, ids), ...(scope ? [scope] : [])], byId: true });
  const related = await shapeRecords(state, db, target, rows, { access, accessOf: options.accessOf });
  const byId = new Map(related.map((record) => [String(record['id']), record]));
  for (const record of records) {
    const value = record[property.name];
    record[property.name] = Array.isArray(value)
      ? value.map((id) => byId.get(String(id))).filter((item): item is DataRecord => item !== undefined)
      : value === null || value === undefined
        ? null
        : (byId.get(String(value)) ?? null);
  }
}

function idsIn(value: DataValue | undefined): string[] {
  if (Array.isArray(value)) return value.map(String);
  return value === null || value === undefined ? [] : [String(value)];
}
