import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ScalarShape } from '../../../compiler/emit/field-mapping/index.js';
import type { QueryAdapter } from '../drivers/query-adapter.js';
import { encodeValue } from './codec.js';
import { columnProblem } from './column-fit.js';
import { DataError } from './errors.js';
import { columnOf, JOIN_SOURCE_COLUMN, JOIN_TARGET_COLUMN, type ObjectModel, type PropertyModel } from './model.js';
import type { Condition, Filter, ScalarValue } from './types.js';
import { FILTER_OPERATORS } from './types.js';
import { unknownFieldDetail } from './unknown-field.js';
import { checkShape, hasNul } from './value-check.js';
import { combine, FALSE, predicate, TRUE, valueList, type Predicate } from './predicate.js';

export interface FilterEnvironment {
  readonly adapter: QueryAdapter;
  /** Field-level read permission: a filter on an unreadable field is refused (it would reveal the values). */
  readonly canRead: (property: PropertyModel) => boolean;
}

/**
 * A filter tree as one SQL predicate over the object's table; every value a parameter, every name from the model.
 * Values are checked here, on every request; the SQL is built only the first time its shape is seen.
 */
export function compileFilter(model: ObjectModel, filter: Filter, env: FilterEnvironment): Predicate {
  if (typeof filter !== 'object' || filter === null) throw badFilter(model, 'a filter must be an object');
  if ('and' in filter || 'or' in filter) {
    const isAnd = 'and' in filter;
    const parts = isAnd ? (filter as { and: readonly Filter[] }).and : (filter as { or: readonly Filter[] }).or;
    if (!Array.isArray(parts)) throw badFilter(model, `"${isAnd ? 'and' : 'or'}" must be a list of filters`);
    if (parts.length === 0) return isAnd ? TRUE : FALSE;
    return combine(
      parts.map((part) => compileFilter(model, part, env)),
      isAnd ? 'and' : 'or',
    );
  }
  return compileCondition(model, filter, env);
}

function compileCondition(model: ObjectModel, condition: Condition, env: FilterEnvironment): Predicate {
  const { field, op } = condition;
  if (typeof field !== 'string') throw badFilter(model, 'each condition needs a "field"');
  const property = model.byName.get(field);
  if (!property) throw new DataError('bad_request', `Unknown field "${field}" in the filter on ${model.name}`, [unknownFieldDetail(model, field, 'Filter field')]);
  if (!(FILTER_OPERATORS as readonly string[]).includes(op)) {
    throw badFilter(model, `unknown operator "${String(op)}"; use one of ${FILTER_OPERATORS.join(', ')}`, field);
  }
  if (!env.canRead(property)) throw new DataError('forbidden', `Permission denied: you may not read ${model.name}.${field}`, [{ field, problem: 'not readable with your permissions' }]);
  if (!property.filterable) throw badFilter(model, `${field} cannot be filtered (computed, secret or structured values have no comparison)`, field);
  if (property.kind === 'join_table') return joinTableCondition(model, property, condition);

  const name = columnOf(property);
  const column = () => sql.ref(`${model.table}.${name}`);
  const key = `${name} ${op}`;
  const shape = property.access.shape;
  const isList = shape.kind === 'list';
  const item = shape.kind === 'list' ? shape.item : shape;
  if (op === 'isNull') {
    if (typeof condition.value !== 'boolean') throw badFilter(model, 'isNull takes true or false', field);
    return condition.value
      ? predicate(`${name} is null`, [], () => sql<SqlBool>`${column()} is null`)
      : predicate(`${name} is not null`, [], () => sql<SqlBool>`${column()} is not null`);
  }
  if (isList) {
    if (op !== 'contains') throw badFilter(model, `${field} holds a list: use contains or isNull`, field);
    const value = filterValue(model, property, item, condition.value);
    return predicate(key, [env.adapter.encodeListItem(value as string | number | boolean)], (slots) => env.adapter.jsonListContains(model.table, name, slots.take()));
  }
  if (op === 'in' || op === 'nin') {
    if (!Array.isArray(condition.value)) throw badFilter(model, `${op} takes a list of values`, field);
    const values = condition.value.map((value) => encodeValue(property, filterValue(model, property, item, value), env.adapter));
    if (values.length === 0) return op === 'in' ? FALSE : TRUE;
    return op === 'in'
      ? predicate(`${key} ${values.length}`, values, (slots) => sql<SqlBool>`${column()} in (${valueList(slots, values.length)})`)
      : predicate(`${key} ${values.length}`, values, (slots) => sql<SqlBool>`(${column()} not in (${valueList(slots, values.length)}) or ${column()} is null)`);
  }
  if (op === 'contains' || op === 'startsWith') {
    if (item.kind !== 'string' && item.kind !== 'enum' && item.kind !== 'id') throw badFilter(model, `${op} applies to text fields; ${field} is not text`, field);
    if (typeof condition.value !== 'string' || hasNul(condition.value)) throw badFilter(model, `${op} takes text (without NUL characters)`, field);
    if (op === 'contains') return predicate(key, [condition.value], (slots) => env.adapter.textContains(model.table, name, slots.take()));
    return predicate(key, [[...condition.value].length, condition.value], (slots) => sql<SqlBool>`substr(${column()}, 1, ${slots.take()}) = ${slots.take()}`);
  }
  if (condition.value === null) {
    if (op === 'eq') return predicate(`${name} is null`, [], () => sql<SqlBool>`${column()} is null`);
    if (op === 'ne') return predicate(`${name} is not null`, [], () => sql<SqlBool>`${column()} is not null`);
    throw badFilter(model, `${op} cannot compare with null`, field);
  }
  const value = encodeValue(property, filterValue(model, property, item, condition.value), env.adapter);
  return predicate(key, [value], (slots) => comparison(op, column(), slots.take()));
}

/** One comparison with a parameter; "not equal" keeps records without a value, as users read it. */
function comparison(op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte', column: ReturnType<typeof sql.ref>, value: unknown) {
  switch (op) {
    case 'eq':
      return sql<SqlBool>`${column} = ${value}`;
    case 'ne':
      return sql<SqlBool>`(${column} <> ${value} or ${column} is null)`;
    case 'gt':
      return sql<SqlBool>`${column} > ${value}`;
    case 'gte':
      return sql<SqlBool>`${column} >= ${value}`;
    case 'lt':
      return sql<SqlBool>`${column} < ${value}`;
    case 'lte':
      return sql<SqlBool>`${column} <= ${value}`;
  }
}

/** A multiple lookup: `contains` / `in` test membership in the join table, `isNull` whether the list is empty. */
function joinTableCondition(model: ObjectModel, property: PropertyModel, condition: Condition): Predicate {
  const joinTable = property.field?.joinTable;
  if (!joinTable) throw badFilter(model, `${property.name} has no join table`, property.name);
  const members = (test: RawBuilder<SqlBool>) =>
    sql<SqlBool>`exists (select 1 from ${sql.table(joinTable)} j where j.${sql.ref(JOIN_SOURCE_COLUMN)} = ${sql.ref(`${model.table}.id`)} and ${test})`;
  const target = () => sql.ref(`j.${JOIN_TARGET_COLUMN}`);
  const key = `${joinTable} ${condition.op}`;
  switch (condition.op) {
    case 'contains':
      if (typeof condition.value !== 'string' || hasNul(condition.value)) throw badFilter(model, 'contains takes a record id', property.name);
      return predicate(key, [condition.value], (slots) => members(sql<SqlBool>`${target()} = ${slots.take()}`));
    case 'in': {
      if (!Array.isArray(condition.value) || condition.value.some((id) => typeof id !== 'string' || hasNul(id))) {
        throw badFilter(model, 'in takes a list of record ids', property.name);
      }
      const ids = condition.value.map(String);
      if (ids.length === 0) return FALSE;
      return predicate(`${key} ${ids.length}`, ids, (slots) => members(sql<SqlBool>`${target()} in (${valueList(slots, ids.length)})`));
    }
    case 'isNull':
      return condition.value
        ? predicate(`${key} empty`, [], () => sql<SqlBool>`not ${members(sql<SqlBool>`1 = 1`)}`)
        : predicate(`${key} any`, [], () => members(sql<SqlBool>`1 = 1`));
    default:
      throw badFilter(model, `${property.name} holds a list of records: use contains, in or isNull`, property.name);
  }
}

/**
 * A filter value checked (and normalized) like a written value. Query strings carry text, so numbers and booleans
 * given as text are accepted; an autonumber compares its counter, so "INV-0042" and 42 both work.
 */
function filterValue(model: ObjectModel, property: PropertyModel, shape: ScalarShape, value: unknown): ScalarValue {
  if (property.kind === 'autonumber') {
    const digits = typeof value === 'number' ? value : Number(/(\d+)\D*$/.exec(String(value))?.[1] ?? NaN);
    if (!Number.isInteger(digits)) throw badFilter(model, `${property.name} compares by its number, e.g. 42`, property.name);
    return digits;
  }
  const coerced = coerceText(shape, value);
  const checked = checkShape(shape, coerced);
  if (!checked.ok) throw badFilter(model, `the value for ${property.name} ${checked.problem}`, property.name);
  const problem = columnProblem(property, checked.value);
  if (problem !== undefined) throw badFilter(model, `the value for ${property.name} ${problem}`, property.name);
  return checked.value as ScalarValue;
}

function coerceText(shape: ScalarShape, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (shape.kind === 'number' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  if (shape.kind === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function badFilter(model: ObjectModel, problem: string, field?: string): DataError {
  return new DataError('bad_request', `Invalid filter on ${model.name}: ${problem}`, [field !== undefined ? { field, problem } : { problem }]);
}
