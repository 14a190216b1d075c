import type { ObjectIR } from '../../ir/index.js';
import {
  enumShapesIn, FILTER_OPERATOR_SETS, graphqlEnumValueNames, graphqlFieldName, graphqlTypeOf, isFilterable, isSortable, NameTable,
  recordProperties, structShapesIn, type PropertyAccess, type ScalarShape,
} from '../field-mapping/index.js';
import type { GraphqlNames } from './graphql-type-names.js';
import { LIST_FILTERS, SCALAR_FILTERS } from './graphql-type-names.js';
import type { ReverseList } from './reverse-lists.js';
import { printDefinition, type SdlMember } from './sdl-print.js';
import { filterInput, structDefinitions } from './shared-definitions.js';

/**
 * The GraphQL field name of each property and reverse list of one object. `and`/`or` are taken by the filter
 * input, so a field spelled so is renamed everywhere (record, inputs, filter) to keep one name per field.
 */
export class ObjectFieldNames {
  readonly #table = new NameTable(['and', 'or']);
  readonly #names = new Map<string, string>();

  constructor(properties: readonly PropertyAccess[]) {
    for (const property of properties) this.#names.set(property.name, this.#table.claim(graphqlFieldName(property.name)));
  }

  of(property: PropertyAccess): string {
    return this.#names.get(property.name) ?? property.name;
  }

  claimReverse(preferred: string, fallback: string): string {
    return this.#table.claim(this.#table.has(preferred) ? fallback : preferred);
  }
}

/** Enums, structs, the object type, its connection, inputs, filter and sort, in that order. */
export function objectDefinitions(object: ObjectIR, names: GraphqlNames, reverse: readonly ReverseList[]): string[] {
  const properties = recordProperties(object);
  const fieldNames = new ObjectFieldNames(properties);
  const readable = properties.filter((p) => p.readable);
  const writable = properties.filter((p) => !p.readonly);
  const type = names.type(object.name);
  // The object type documents every field (label or description); inputs and filters repeat only real
  // descriptions, which keeps the SDL of a large stack small.
  const member = (property: PropertyAccess, typeText: string, description = property.description): SdlMember => {
    const name = fieldNames.of(property);
    return {
      description,
      name,
      type: typeText,
      directive: name === property.name ? null : [['field', property.name]],
    };
  };
  const recordMembers = [
    ...readable.map((p) => member(p, `${graphqlTypeOf(p.shape, names, 'output')}${p.nullable ? '' : '!'}`, p.description ?? p.label)),
    ...reverse.map((list): SdlMember => ({
      description: `${list.childLabel} records whose ${list.fieldLabel} is this record.`,
      name: fieldNames.claimReverse(list.preferredName, `${list.preferredName}_by_${list.field}`),
      type: `[${names.type(list.child)}!]!`,
      directive: [['object', list.child], ['field', list.field]],
    })),
  ];
  const filterable = properties.filter(isFilterable);
  return [
    ...enumDefinitions(properties, names),
    ...enumFilterDefinitions(filterable, names),
    ...structsOf(properties, names),
    printDefinition('type', type, object.def.description ?? `${object.label} record.`, [['object', object.name]], recordMembers),
    printDefinition('type', names.connection(object.name), `A page of ${object.pluralLabel}.`, null, [
      { description: 'The records of this page.', name: 'nodes', type: `[${type}!]!` },
      { description: 'How many records match the filter, over all pages.', name: 'totalCount', type: 'Int!' },
    ]),
    ...(writable.length === 0
      ? []
      : [
          printDefinition('input', names.createInput(object.name), `Fields to set on a new ${object.label}.`, null,
            writable.map((p) => member(p, `${graphqlTypeOf(p.shape, names, 'input')}${p.requiredOnCreate ? '!' : ''}`))),
          printDefinition('input', names.updateInput(object.name), `Fields to change on a ${object.label}; the others keep their values.`, null,
            writable.map((p) => member(p, graphqlTypeOf(p.shape, names, 'input')))),
        ]),
    printDefinition('input', names.filter(object.name), `Conditions on ${object.pluralLabel}: all given conditions must hold.`, null, [
      { description: 'Every one of these filters must match.', name: 'and', type: `[${names.filter(object.name)}!]` },
      { description: 'At least one of these filters must match.', name: 'or', type: `[${names.filter(object.name)}!]` },
      ...filterable.map((p) => member(p, filterTypeOf(p, names))),
    ]),
    sortFieldEnum(object, properties.filter(isSortable), names),
    printDefinition('input', names.sort(object.name), `One sort key of a ${object.label} list.`, null, [
      { name: 'field', type: `${names.sortField(object.name)}!` },
      { name: 'direction', type: 'SortDirection', defaultValue: 'ASC' },
    ]),
  ];
}

/** The input that filters a property: per scalar, per enum, or a `contains` filter for lists. */
function filterTypeOf(property: PropertyAccess, names: GraphqlNames): string {
  const shape = property.shape;
  if (shape.kind === 'list') {
    if (shape.item.kind === 'enum') return names.enumFilter(shape.item.nameParts, true);
    return shape.item.kind === 'id' ? LIST_FILTERS.ID : LIST_FILTERS.String;
  }
  if (shape.kind === 'enum') return names.enumFilter(shape.nameParts, false);
  const scalar = graphqlTypeOf(shape, names, 'input');
  return scalar in SCALAR_FILTERS ? SCALAR_FILTERS[scalar as keyof typeof SCALAR_FILTERS] : SCALAR_FILTERS.String;
}

function enumDefinitions(properties: readonly PropertyAccess[], names: GraphqlNames): string[] {
  return properties.flatMap((p) => enumShapesIn(p.shape)).map((shape) => {
    const valueNames = graphqlEnumValueNames(shape.values);
    const members = shape.values.map((value): SdlMember => {
      const name = valueNames.get(value) ?? value;
      return { name, type: null, directive: name === value ? null : [['value', value]] };
    });
    return printDefinition('enum', names.enumType(shape.nameParts), null, null, members);
  });
}

function enumFilterDefinitions(filterable: readonly PropertyAccess[], names: GraphqlNames): string[] {
  return filterable.flatMap((p) => {
    const list = p.shape.kind === 'list';
    const item: ScalarShape = p.shape.kind === 'list' ? p.shape.item : p.shape;
    if (item.kind !== 'enum') return [];
    const enumType = names.enumType(item.nameParts);
    return [filterInput(names.enumFilter(item.nameParts, list), enumType, list ? FILTER_OPERATOR_SETS.list : FILTER_OPERATOR_SETS.equality)];
  });
}

function structsOf(properties: readonly PropertyAccess[], names: GraphqlNames): string[] {
  return properties
    .flatMap((p) => structShapesIn(p.shape))
    .filter((shape) => !('shared' in shape.name))
    .flatMap((shape) => structDefinitions(shape, names, null));
}

function sortFieldEnum(object: ObjectIR, sortable: readonly PropertyAccess[], names: GraphqlNames): string {
  const valueNames = graphqlEnumValueNames(sortable.map((p) => p.name));
  const members = sortable.map((p): SdlMember => {
    const name = valueNames.get(p.name) ?? p.name;
    return { name, type: null, directive: name === p.name ? null : [['field', p.name]] };
  });
  return printDefinition('enum', names.sortField(object.name), `Fields ${object.pluralLabel} can be sorted by.`, null, members);
}
