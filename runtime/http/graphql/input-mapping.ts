import type { GraphQLEnumType, GraphQLInputObjectType, GraphQLInputType } from 'graphql';
import { graphqlJs } from './graphql-js.js';
import type { Filter, FilterOperator, ScalarValue, SortKey } from '../../data/engine/types.js';
import { stackNames } from './directives.js';

const { getNamedType, getNullableType, isEnumType, isInputObjectType, isListType } = graphqlJs;

/** A GraphQL enum value name → the stored option value (`@objectstack(value:)` where they differ). */
export function storedEnumValue(type: GraphQLEnumType, name: string): string {
  const value = type.getValue(name);
  return stackNames(value?.astNode).value ?? name;
}

/** The stack field an input field stands for (`@objectstack(field:)` where the names differ). */
function stackFieldOf(type: GraphQLInputObjectType, name: string): string {
  return stackNames(type.getFields()[name]?.astNode).field ?? name;
}

/** Input values (create/update inputs, filter operands) with field names and enum values as the engine knows them. */
export function toStored(value: unknown, type: GraphQLInputType): unknown {
  if (value === null || value === undefined) return value;
  const inner = getNullableType(type);
  if (isListType(inner)) return (value as unknown[]).map((item) => toStored(item, inner.ofType as GraphQLInputType));
  if (isEnumType(inner)) return storedEnumValue(inner, String(value));
  if (isInputObjectType(inner)) {
    const fields = inner.getFields();
    const result: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      result[stackFieldOf(inner, name)] = field ? toStored(item, field.type) : item;
    }
    return result;
  }
  return value;
}

/** A generated `<Type>Filter` input value → the engine's filter tree. */
export function toFilter(value: Record<string, unknown>, type: GraphQLInputObjectType): Filter {
  const parts: Filter[] = [];
  const fields = type.getFields();
  for (const [name, body] of Object.entries(value)) {
    if (body === null || body === undefined) continue;
    if (name === 'and' || name === 'or') {
      const items = (body as Record<string, unknown>[]).map((item) => toFilter(item, type));
      parts.push(name === 'and' ? { and: items } : { or: items });
      continue;
    }
    const operators = getNamedType(fields[name]!.type) as GraphQLInputObjectType;
    const stored = toStored(body, operators) as Record<string, unknown>;
    for (const [op, operand] of Object.entries(stored)) {
      if (operand === undefined) continue;
      parts.push(condition(stackFieldOf(type, name), op as FilterOperator, operand));
    }
  }
  return parts.length === 1 ? parts[0]! : { and: parts };
}

function condition(field: string, op: FilterOperator, operand: unknown): Filter {
  if (op === 'isNull') return { field, op, value: operand === true };
  if (op === 'in' || op === 'nin') return { field, op, value: operand as ScalarValue[] };
  return { field, op, value: operand as ScalarValue };
}

/** `[{ field: TITLE_ENUM, direction: ASC }]` → engine sort keys. */
export function toSort(value: readonly { field: string; direction?: string }[], type: GraphQLInputObjectType): SortKey[] {
  const fieldEnum = getNamedType(type.getFields().field!.type) as GraphQLEnumType;
  return value.map((key) => ({
    field: stackNames(fieldEnum.getValue(key.field)?.astNode).field ?? storedEnumValue(fieldEnum, key.field),
    direction: key.direction === 'DESC' ? 'desc' : 'asc',
  }));
}
