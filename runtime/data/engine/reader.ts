import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { QueryDb } from '../drivers/query-adapter.js';
import { ObjectAccess } from './access.js';
import { decodeValue } from './codec.js';
import { DataError } from './errors.js';
import { coerceFormulaResult } from './formula-values.js';
import { columnOf, JOIN_SOURCE_COLUMN, JOIN_TARGET_COLUMN, type ObjectModel, type PropertyModel } from './model.js';
import type { EngineState } from './state.js';
import { computeSummaries } from './summary.js';
import type { DataRecord, DataValue, SortKey } from './types.js';
import { unknownFieldDetail } from './unknown-field.js';

export type Row = Record<string, unknown>;

export interface RowQuery {
  readonly where: readonly RawBuilder<SqlBool>[];
  readonly sort?: readonly SortKey[];
  readonly limit?: number;
  readonly offset?: number;
}

/** Rows of the object's table (every stored column), filtered, sorted (id last, for stable pages) and paged. */
export async function selectRows(state: EngineState, db: QueryDb, model: ObjectModel, query: RowQuery): Promise<Row[]> {
  let select = db.selectFrom(model.table).selectAll(model.table);
  for (const predicate of query.where) select = select.where(predicate);
  for (const key of query.sort ?? []) {
    const property = model.byName.get(key.field);
    if (property) select = select.orderBy(sortExpression(state, model, property, key.direction));
  }
  select = select.orderBy(sql`${state.driver.adapter.binaryText(model.table, 'id')} asc`);
  if (query.limit !== undefined) select = select.limit(query.limit);
  if (query.offset) select = select.offset(query.offset);
  return (await select.execute()) as Row[];
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

export async function countRows(db: QueryDb, model: ObjectModel, where: readonly RawBuilder<SqlBool>[]): Promise<number> {
  let select = db.selectFrom(model.table).select(sql<number>`count(*)`.as('total'));
  for (const predicate of where) select = select.where(predicate);
  const row = (await select.executeTakeFirst()) as { total?: unknown } | undefined;
  return Number(row?.total ?? 0);
}

export interface ShapeOptions {
  readonly fields?: readonly string[];
  readonly expand?: readonly string[];
  readonly access: ObjectAccess;
  /** Access to referenced objects for expand. */
  readonly accessOf: (model: ObjectModel) => ObjectAccess;
}

/** Checks `fields` and `expand` names before any query runs: unknown → 400 with did-you-mean, unreadable → 403. */
export function checkSelection(model: ObjectModel, options: ShapeOptions): void {
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
export async function shapeRecords(state: EngineState, db: QueryDb, model: ObjectModel, rows: readonly Row[], options: ShapeOptions): Promise<DataRecord[]> {
  const { adapter } = state.driver;
  const now = state.now();
  const records = rows.map((row) => {
    const createdAt = typeof row['created_at'] === 'string' || row['created_at'] instanceof Date ? adapter.decodeDateTime(row['created_at']) : null;
    const record: DataRecord = {};
    for (const property of model.properties) {
      if (property.column !== null) record[property.name] = decodeValue(property, row[property.column], adapter, createdAt);
    }
    for (const { property, formula } of model.formulas) {
      if (property.field) record[property.name] = coerceFormulaResult(property.field, formula.evaluate((name) => record[name], now));
    }
    return record;
  });
  const wanted = selectedProperties(model, options);
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

function selectedProperties(model: ObjectModel, options: ShapeOptions): Set<string> {
  const names = options.fields ? new Set(['id', ...options.fields, ...(options.expand ?? [])]) : undefined;
  return new Set(
    model.properties
      .filter((property) => (names ? names.has(property.name) : true) && options.access.canRead(property))
      .map((property) => property.name),
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
  const where = [sql<SqlBool>`${sql.ref(`${target.table}.id`)} in (${sql.join(ids)})`, ...(scope ? [scope] : [])];
  const rows = await selectRows(state, db, target, { where });
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
