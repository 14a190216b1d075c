import type { JsonObject, ObjectIR } from '../../ir/index.js';
import {
  isFilterable, propertySchema, readableProperties, writableProperties, type JsonSchemaRefs, type PropertyAccess,
} from '../field-mapping/index.js';
import { ref, type SchemaNames, type SharedSchemaName } from './schema-names.js';
import { enumFilterSchema } from './shared-components.js';

/** Adds the record, create input, update input, filter and page schemas of one exposed object to `schemas`. */
export function addObjectSchemas(schemas: JsonObject, object: ObjectIR, names: SchemaNames, refs: JsonSchemaRefs): void {
  const readable = readableProperties(object);
  const writable = writableProperties(object);
  const recordProperties: JsonObject = {};
  for (const p of readable) {
    const schema = propertySchema(p, refs, 'read', p.nullable, true);
    if (p.readonly) schema.readOnly = true;
    recordProperties[p.name] = schema;
  }
  const required = writable.filter((p) => p.requiredOnCreate).map((p) => p.name);
  const record = names.record(object.name);
  schemas[record] = {
    type: 'object',
    description: `${object.def.description ?? `${object.label} record.`} Fields the caller may not read, or that \`fields\` leaves out, are absent; a lookup named in \`expand\` holds the referenced record instead of its id.`,
    required: ['id'],
    properties: recordProperties,
  };
  // The create input is the update input plus its required fields: one list of property schemas, not two.
  schemas[names.derived(object.name, 'create')] = {
    $ref: ref(names.derived(object.name, 'update')),
    description: `Fields to set on a new ${object.label}; unknown, readonly and computed fields are rejected.`,
    ...(required.length > 0 ? { required } : {}),
  };
  schemas[names.derived(object.name, 'update')] = {
    type: 'object',
    description: `Fields to change on a ${object.label}; fields left out keep their values. Unknown, readonly and computed fields are rejected.`,
    properties: writeProperties(writable, refs),
    additionalProperties: false,
  };
  schemas[names.derived(object.name, 'filter')] = filterSchema(object, names);
  schemas[names.derived(object.name, 'page')] = {
    type: 'object',
    description: `One page of ${object.pluralLabel}.`,
    required: ['data', 'total', 'limit', 'offset'],
    properties: {
      data: { type: 'array', items: { $ref: ref(record) } },
      total: { type: 'integer', minimum: 0, description: 'Records matching the filter, over all pages.' },
      limit: { type: 'integer', minimum: 1 },
      offset: { type: 'integer', minimum: 0 },
    },
  };
}

function writeProperties(writable: readonly PropertyAccess[], refs: JsonSchemaRefs): JsonObject {
  const properties: JsonObject = {};
  for (const p of writable) properties[p.name] = propertySchema(p, refs, 'write', p.nullable, false);
  return properties;
}

function filterSchema(object: ObjectIR, names: SchemaNames): JsonObject {
  const self = { type: 'array', items: { $ref: ref(names.derived(object.name, 'filter')) } };
  const properties: JsonObject = { and: self, or: self };
  for (const p of readableProperties(object).filter(isFilterable)) properties[p.name] = propertyFilter(p);
  return {
    type: 'object',
    description: `Conditions on ${object.pluralLabel}: every condition given must hold; \`and\`/\`or\` combine nested filters.`,
    properties,
    additionalProperties: false,
  };
}

/** The filter of one property, by its value shape (the same choice as the GraphQL filter inputs). */
function propertyFilter(property: PropertyAccess): JsonObject {
  const shape = property.shape;
  if (shape.kind === 'list') {
    if (shape.item.kind === 'enum') return enumFilterSchema(shape.item.values, true);
    return { $ref: ref(shape.item.kind === 'id' ? 'IdListFilter' : 'StringListFilter') };
  }
  if (shape.kind === 'enum') return enumFilterSchema(shape.values, false);
  return { $ref: ref(scalarFilter(property)) };
}

function scalarFilter(property: PropertyAccess): SharedSchemaName {
  const shape = property.shape;
  switch (shape.kind) {
    case 'id':
      return 'IdFilter';
    case 'boolean':
      return 'BooleanFilter';
    case 'number':
      return shape.integer ? 'IntegerFilter' : 'NumberFilter';
    case 'string':
      if (shape.format === 'date') return 'DateFilter';
      if (shape.format === 'date-time') return 'DateTimeFilter';
      if (shape.format === 'time') return 'TimeFilter';
      return 'StringFilter';
    default:
      return 'StringFilter';
  }
}
