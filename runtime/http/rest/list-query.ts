import { FILTER_OPERATORS, type Condition, type Filter, type FilterOperator, type FindQuery, type SortKey } from '../../data/engine/types.js';
import { badRequest } from '../errors.js';
import type { ServedObject } from '../served-stack.js';
import { coerceQueryValue } from './coerce.js';

/** A parsed query string: names to a value or, when repeated, a list of values. */
export type QueryString = Readonly<Record<string, string | readonly string[] | undefined>>;

const BRACKET_FILTER = /^filter\[([^\][]+)\](?:\[([^\][]+)\])?$/;
const INTEGER = /^\d{1,9}$/;
const OPERATORS = new Set<string>(FILTER_OPERATORS);
const KNOWN_PARAMETERS = new Set(['filter', 'sort', 'limit', 'offset', 'fields', 'expand']);

/**
 * `GET /api/v1/data/:object` parameters → the engine's `FindQuery`: `filter[field][op]=value` (op defaults to eq;
 * `in`/`nin` comma-separated) and a JSON `filter` are combined with `and`; `sort=-a,b`; `limit`, `offset`;
 * `fields` and `expand` comma-separated. Field names are checked by the engine (400 with did-you-mean).
 */
export function parseListQuery(object: ServedObject, query: QueryString): FindQuery {
  const parts: Filter[] = [];
  let result: { -readonly [K in keyof FindQuery]: FindQuery[K] } = { count: true };
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const bracket = BRACKET_FILTER.exec(key);
    if (bracket) {
      parts.push(bracketCondition(object, bracket[1]!, bracket[2] ?? 'eq', single(key, value)));
      continue;
    }
    if (!KNOWN_PARAMETERS.has(key)) {
      throw badRequest(`Unknown query parameter '${key}': use filter, sort, limit, offset, fields or expand`, [{ field: key, problem: 'unknown parameter' }]);
    }
    const text = single(key, value);
    if (key === 'filter') parts.push(jsonFilter(text));
    else if (key === 'sort') result = { ...result, sort: parseSort(text) };
    else if (key === 'limit') result = { ...result, limit: parseInteger(key, text) };
    else if (key === 'offset') result = { ...result, offset: parseInteger(key, text) };
    else if (key === 'fields') result = { ...result, fields: list(text) };
    else result = { ...result, expand: list(text) };
  }
  if (parts.length === 1) result = { ...result, filter: parts[0]! };
  else if (parts.length > 1) result = { ...result, filter: { and: parts } };
  return result;
}

/** `fields` / `expand` on a single-record route. */
export function parseSelection(query: QueryString): { fields?: string[]; expand?: string[] } {
  const selection: { fields?: string[]; expand?: string[] } = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (key === 'fields') selection.fields = list(single(key, value));
    else if (key === 'expand') selection.expand = list(single(key, value));
    else throw badRequest(`Unknown query parameter '${key}' for one record: use fields or expand`, [{ field: key, problem: 'unknown parameter' }]);
  }
  return selection;
}

function single(key: string, value: string | readonly string[]): string {
  if (typeof value === 'string') return value;
  throw badRequest(`Query parameter '${key}' is given ${value.length} times; give it once`, [{ field: key, problem: 'repeated parameter' }]);
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function parseInteger(key: string, text: string): number {
  if (!INTEGER.test(text)) throw badRequest(`'${key}' must be a non-negative integer, got '${text}'`, [{ field: key, problem: 'expected a non-negative integer' }]);
  return Number(text);
}

function parseSort(text: string): SortKey[] {
  return list(text).map((part) => (part.startsWith('-') ? { field: part.slice(1), direction: 'desc' } : { field: part, direction: 'asc' }));
}

function operator(name: string, field: string): FilterOperator {
  if (OPERATORS.has(name)) return name as FilterOperator;
  throw badRequest(`Unknown filter operator '${name}' on ${field}: use one of ${FILTER_OPERATORS.join(', ')}`, [
    { field, problem: `unknown operator '${name}'` },
  ]);
}

function bracketCondition(object: ServedObject, field: string, opName: string, raw: string): Condition {
  const op = operator(opName, field);
  const property = object.properties.get(field);
  if (op === 'isNull') {
    if (raw !== 'true' && raw !== 'false') throw badRequest(`filter[${field}][isNull] takes true or false, got '${raw}'`, [{ field, problem: 'expected true or false' }]);
    return { field, op, value: raw === 'true' };
  }
  if (op === 'in' || op === 'nin') return { field, op, value: list(raw).map((item) => coerceQueryValue(property, item)) };
  return { field, op, value: coerceQueryValue(property, raw) };
}

/** The JSON `filter` parameter: `{ field: { op: value } | value, and: [...], or: [...] }`. */
function jsonFilter(text: string): Filter {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw badRequest(`The filter parameter is not valid JSON: ${(error as Error).message}`, [{ field: 'filter', problem: 'malformed JSON' }]);
  }
  return filterOf(parsed, 'filter');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function filterOf(value: unknown, path: string): Filter {
  if (!isPlainObject(value)) throw badRequest(`${path} must be a JSON object of field conditions`, [{ field: path, problem: 'expected an object' }]);
  const parts: Filter[] = [];
  for (const [key, body] of Object.entries(value)) {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(body)) throw badRequest(`${path}.${key} must be a list of filters`, [{ field: `${path}.${key}`, problem: 'expected a list' }]);
      const items = body.map((item, index) => filterOf(item, `${path}.${key}[${index}]`));
      parts.push(key === 'and' ? { and: items } : { or: items });
    } else if (isPlainObject(body)) {
      for (const [opName, operand] of Object.entries(body)) parts.push(jsonCondition(key, operator(opName, key), operand));
    } else {
      parts.push(jsonCondition(key, 'eq', body));
    }
  }
  return parts.length === 1 ? parts[0]! : { and: parts };
}

function jsonCondition(field: string, op: FilterOperator, operand: unknown): Condition {
  const wrong = (expected: string) => badRequest(`filter on ${field}: ${op} takes ${expected}`, [{ field, problem: `${op} takes ${expected}` }]);
  if (op === 'isNull') {
    if (typeof operand !== 'boolean') throw wrong('true or false');
    return { field, op, value: operand };
  }
  if (op === 'in' || op === 'nin') {
    if (!Array.isArray(operand) || !operand.every(isScalar)) throw wrong('a list of values');
    return { field, op, value: operand };
  }
  if (!isScalar(operand)) throw wrong('a single value');
  return { field, op, value: operand };
}
