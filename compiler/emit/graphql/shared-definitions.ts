import { geoLocationShape, postalAddressShape, recordReferenceShape } from '../field-mapping/struct-shapes.js';
import { FILTER_OPERATOR_SETS, graphqlTypeOf, operandOf, type FilterOperand, type StructShape } from '../field-mapping/index.js';
import type { GraphqlNames } from './graphql-type-names.js';
import { LIST_FILTERS, SCALAR_FILTERS } from './graphql-type-names.js';
import { printDefinition, type SdlMember } from './sdl-print.js';

/** Printed exactly as prettier lays it out (the argument list is too long for one line). */
const DIRECTIVE = `"Names the stack object, field or stored option value a generated definition stands for, where its GraphQL name differs or is needed by resolvers."
directive @objectstack(
  object: String
  field: String
  value: String
) on OBJECT | FIELD_DEFINITION | ENUM_VALUE | INPUT_FIELD_DEFINITION`;

const SCALARS = [
  '"A calendar date, ISO 8601 (`2024-05-31`)."\nscalar Date',
  '"A point in time, ISO 8601 with offset, returned in UTC (`2024-05-31T12:00:00.000Z`)."\nscalar DateTime',
  '"Any JSON object."\nscalar JSON',
  '"A time of day, ISO 8601 (`13:45:00`)."\nscalar Time',
];

const SORT_DIRECTION = 'enum SortDirection {\n  ASC\n  DESC\n}';

/** A filter input: each operator a nullable argument; `in`/`nin` take lists; `isNull: true` matches missing values. */
export function filterInput(name: string, valueType: string, operators: readonly string[]): string {
  const operandType: Record<FilterOperand, string> = { value: valueType, list: `[${valueType}!]`, boolean: 'Boolean' };
  const members: SdlMember[] = operators.map((operator) => ({ name: operator, type: operandType[operandOf(operator)] }));
  return printDefinition('input', name, null, null, members);
}

function scalarFilters(): string[] {
  return Object.entries(SCALAR_FILTERS).map(([scalar, name]) => {
    if (scalar === 'String') return filterInput(name, scalar, FILTER_OPERATOR_SETS.text);
    if (scalar === 'Boolean') return filterInput(name, scalar, FILTER_OPERATOR_SETS.boolean);
    if (scalar === 'ID') return filterInput(name, scalar, FILTER_OPERATOR_SETS.equality);
    return filterInput(name, scalar, FILTER_OPERATOR_SETS.ordered);
  });
}

function listFilters(): string[] {
  return Object.entries(LIST_FILTERS).map(([scalar, name]) => filterInput(name, scalar, FILTER_OPERATOR_SETS.list));
}

/** A struct value as an output type and an input type with the same properties. */
export function structDefinitions(shape: StructShape, names: GraphqlNames, description: string | null): string[] {
  const members = (input: boolean): SdlMember[] =>
    shape.properties.map((property) => ({
      description: property.description,
      name: property.name,
      type: `${graphqlTypeOf(property.shape, names, input ? 'input' : 'output')}${property.required ? '!' : ''}`,
    }));
  return [
    printDefinition('type', names.struct(shape, false), description, null, members(false)),
    printDefinition('input', names.struct(shape, true), description, null, members(true)),
  ];
}

/** Everything the schema declares independently of the stack's objects. */
export function sharedDefinitions(names: GraphqlNames): string[] {
  return [
    DIRECTIVE,
    ...SCALARS,
    SORT_DIRECTION,
    ...scalarFilters(),
    ...listFilters(),
    ...structDefinitions(geoLocationShape, names, 'WGS 84 coordinates of a location field.'),
    ...structDefinitions(postalAddressShape, names, 'A postal address; every part is optional.'),
    ...structDefinitions(recordReferenceShape, names, 'A reference to a record of one of several objects.'),
  ];
}
