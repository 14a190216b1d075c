import { sql } from 'kysely';
import type { QueryDb } from '../drivers/query-adapter.js';
import { nextCounter } from './autonumber.js';
import { encodeValue } from './codec.js';
import { DataError } from './errors.js';
import { newRecordId } from './id.js';
import { columnOf, JOIN_SOURCE_COLUMN, JOIN_TARGET_COLUMN, type ObjectModel } from './model.js';
import type { EngineState } from './state.js';
import type { RecordId, RequestContext } from './types.js';
import type { Row } from './reader.js';

/** Validated field values (API values) → column values, plus the join-table lists kept apart. */
function splitValues(state: EngineState, model: ObjectModel, values: ReadonlyMap<string, unknown>): { row: Row; lists: Map<string, string[]> } {
  const row: Row = {};
  const lists = new Map<string, string[]>();
  for (const [name, value] of values) {
    const property = model.byName.get(name);
    if (!property) continue;
    if (property.kind === 'join_table') lists.set(name, Array.isArray(value) ? [...new Set(value.map(String))] : []);
    else if (property.column !== null) row[property.column] = encodeValue(property, value, state.driver.adapter);
  }
  return { row, lists };
}

/** Inserts one validated record (system fields, autonumbers, join rows); returns its id. Autonumbers and join rows need `trx` to be a transaction. */
export async function insertRow(state: EngineState, trx: QueryDb, model: ObjectModel, values: ReadonlyMap<string, unknown>, ctx: RequestContext): Promise<RecordId> {
  const now = state.now();
  const id = newRecordId(now.getTime());
  const { row, lists } = splitValues(state, model, values);
  const stamp = now.toISOString();
  const user = ctx.userId ?? null;
  const system: Record<string, unknown> = { id, created_at: stamp, updated_at: stamp, created_by: user, updated_by: user, owner_id: user };
  for (const property of model.properties) {
    if (property.system && property.system.kind !== 'tenant') row[property.system.column] = system[property.name] ?? null;
  }
  if (model.tenantColumn) row[model.tenantColumn] = ctx.tenantId ?? null;
  for (const property of model.autonumbers) {
    const column = columnOf(property);
    await state.driver.adapter.lockCounter(trx, model.table, column);
    const largest = (await trx.selectFrom(model.table).select(sql<unknown>`max(${sql.ref(column)})`.as('largest')).executeTakeFirst()) as Row | undefined;
    const def = property.field?.def;
    row[column] = nextCounter(largest?.['largest'], def?.type === 'autonumber' ? def.startNumber : 1);
  }
  // Compiled once per table and set of columns written (a record's fields vary with what the request gives).
  const columns = Object.keys(row);
  await state.queries.rows(
    trx,
    `insert ${model.table} (${columns.join(',')})`,
    columns.map((column) => row[column]),
    (slots) => trx.insertInto(model.table).values(Object.fromEntries(columns.map((column) => [column, slots.take()]))),
  );
  await writeJoinRows(trx, model, id, lists);
  return id;
}

/** Updates the given fields of one record and stamps `updated_at` / `updated_by`. */
export async function updateRow(state: EngineState, trx: QueryDb, model: ObjectModel, id: RecordId, values: ReadonlyMap<string, unknown>, ctx: RequestContext): Promise<void> {
  const { row, lists } = splitValues(state, model, values);
  if (model.byName.has('updated_at')) row['updated_at'] = state.now().toISOString();
  if (model.byName.has('updated_by')) row['updated_by'] = ctx.userId ?? null;
  await trx.updateTable(model.table).set(row).where(sql.ref('id'), '=', id).execute();
  for (const name of lists.keys()) {
    const table = model.byName.get(name)?.field?.joinTable;
    if (table) await trx.deleteFrom(table).where(sql.ref(JOIN_SOURCE_COLUMN), '=', id).execute();
  }
  await writeJoinRows(trx, model, id, lists);
}

async function writeJoinRows(trx: QueryDb, model: ObjectModel, id: RecordId, lists: ReadonlyMap<string, readonly string[]>): Promise<void> {
  for (const [name, targets] of lists) {
    const table = model.byName.get(name)?.field?.joinTable;
    if (!table || targets.length === 0) continue;
    await trx
      .insertInto(table)
      .values(targets.map((target) => ({ [JOIN_SOURCE_COLUMN]: id, [JOIN_TARGET_COLUMN]: target })))
      .execute();
  }
}

/**
 * A constraint violation from the database as the caller's mistake: unique → 409 naming the field, a missing
 * referenced record → 422 on writes and 409 on deletes (a `restrict` reference), NOT NULL / CHECK → 422.
 * Anything else is rethrown unchanged.
 */
export function mapWriteError(state: EngineState, model: ObjectModel, error: unknown, operation: 'insert' | 'update' | 'delete'): never {
  if (error instanceof DataError) throw error;
  const violation = state.driver.adapter.constraintViolation(error);
  if (!violation) throw error;
  const columns = violation.column?.split(/,\s*/) ?? [];
  const fields = columns.map((column) => model.properties.find((property) => property.column === column)?.name ?? column);
  const field = fields.length > 0 ? fields.join(', ') : undefined;
  const detail = (problem: string) => [field !== undefined ? { field, problem } : { problem }];
  switch (violation.kind) {
    case 'unique':
      throw new DataError('conflict', `Another ${model.name} record already has this ${field ?? 'value'}; ${field ?? 'the value'} must be unique`, detail('must be unique: the value is already used'), { cause: error });
    case 'foreign_key':
      if (operation === 'delete') {
        throw new DataError('conflict', `Cannot delete this ${model.name} record: other records still refer to it`, detail('other records refer to this record'), { cause: error });
      }
      throw new DataError('validation_failed', `A reference of ${model.name} points to a record that does not exist`, detail('refers to a record that does not exist'), { cause: error });
    case 'not_null':
      throw new DataError('validation_failed', `${field ?? 'A field'} of ${model.name} needs a value`, detail('is required'), { cause: error });
    case 'check':
      throw new DataError('validation_failed', `A value of ${model.name} is not allowed by the database`, detail('is not an allowed value'), { cause: error });
  }
}
