import { DataError } from './errors.js';
import { FILTER_OPERATORS, type Filter, type FilterOperator, type SortKey } from './types.js';

/**
 * Filters as HTTP clients write them, turned into the engine's AST, so REST (`?filter=` JSON, `filter[field][op]=`)
 * and GraphQL (`where:` inputs) read the same language:
 *
 *     { "status": "open", "amount": { "gte": 100, "lt": 500 }, "or": [{ "owner": { "isNull": true } }, …] }
 *
 * A bare value means `eq`; several operators on one field and several fields are combined with `and`. Field names
 * and operators are checked by the engine later (unknown field → 400 with did-you-mean); this only checks the shape.
 */
export function filterFromObject(input: unknown, path = 'filter'): Filter {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw badInput(`${path} must be an object like {"status": "open"} or {"amount": {"gte": 100}}`);
  }
  const parts: Filter[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) throw badInput(`${path}.${key} must be a list of filters`);
      const list = value.map((item: unknown, index) => filterFromObject(item, `${path}.${key}[${index}]`));
      parts.push(key === 'and' ? { and: list } : { or: list });
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [op, operand] of Object.entries(value)) parts.push(condition(key, op, operand, `${path}.${key}`));
    } else {
      parts.push(condition(key, 'eq', value, `${path}.${key}`));
    }
  }
  return parts.length === 1 && parts[0] !== undefined ? parts[0] : { and: parts };
}

function condition(field: string, op: string, value: unknown, path: string): Filter {
  if (!(FILTER_OPERATORS as readonly string[]).includes(op)) {
    throw badInput(`${path}: unknown operator "${op}"; use one of ${FILTER_OPERATORS.join(', ')}`, field);
  }
  const operator = op as FilterOperator;
  if (operator === 'in' || operator === 'nin') {
    const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
    if (!list || !list.every(isScalar)) throw badInput(`${path}.${op} takes a list of values (or comma-separated text)`, field);
    return { field, op: operator, value: list };
  }
  if (operator === 'isNull') {
    const flag = value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined;
    if (flag === undefined) throw badInput(`${path}.isNull takes true or false`, field);
    return { field, op: operator, value: flag };
  }
  if (!isScalar(value)) throw badInput(`${path}.${op} takes one value (text, number, boolean or null)`, field);
  return { field, op: operator, value };
}

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** `"-created_at,name"` → created_at descending, then name ascending (the REST `sort` parameter). */
export function sortFromString(input: string): SortKey[] {
  return input
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => (part.startsWith('-') ? { field: part.slice(1), direction: 'desc' } : { field: part.replace(/^\+/, ''), direction: 'asc' }));
}

function badInput(problem: string, field?: string): DataError {
  return new DataError('bad_request', `Invalid filter: ${problem}`, [field !== undefined ? { field, problem } : { problem }]);
}
