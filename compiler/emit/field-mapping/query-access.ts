import type { PropertyAccess } from './field-access.js';
import type { ValueShape } from './value-shape.js';

/**
 * Which properties list queries can filter and sort on, shared by the GraphQL filter inputs and the REST/OpenAPI
 * filter and sort parameters. Left out: write-only and secret values (filtering would reveal them), computed
 * fields (no column to query), JSON documents and structured values (no comparison defined), and lists of
 * anything but strings, option values and ids (a vector has no useful `contains`).
 */
export function isFilterable(property: PropertyAccess): boolean {
  if (!property.readable || property.field?.type === 'secret' || property.field?.storage === 'virtual') return false;
  return isComparable(property.shape.kind === 'list' ? property.shape.item : property.shape, property.shape.kind === 'list');
}

function isComparable(shape: ValueShape, inList: boolean): boolean {
  switch (shape.kind) {
    case 'string':
    case 'enum':
    case 'id':
      return true;
    case 'number':
    case 'boolean':
      return !inList;
    default:
      return false;
  }
}

/** Sortable: a filterable single value whose field does not opt out with `sortable: false`. */
export function isSortable(property: PropertyAccess): boolean {
  return isFilterable(property) && property.shape.kind !== 'list' && property.field?.def.sortable !== false;
}

/**
 * Filter operators per kind of value, the same in GraphQL filter inputs and REST filters (the data engine's
 * operators: `in`/`nin` take a list, `isNull` a boolean, `contains` on a list means "holds the value").
 */
export const FILTER_OPERATOR_SETS = {
  text: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'contains', 'startsWith', 'isNull'],
  ordered: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'isNull'],
  boolean: ['eq', 'ne', 'isNull'],
  equality: ['eq', 'ne', 'in', 'nin', 'isNull'],
  list: ['contains', 'isNull'],
} as const;

export type FilterOperand = 'value' | 'list' | 'boolean';

/** What an operator compares with: one value, a list of values (`in`, `nin`) or a boolean (`isNull`). */
export function operandOf(operator: string): FilterOperand {
  if (operator === 'isNull') return 'boolean';
  return operator === 'in' || operator === 'nin' ? 'list' : 'value';
}
