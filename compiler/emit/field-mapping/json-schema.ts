import type { FieldIR, JsonObject, JsonValue } from '../../ir/index.js';
import type { PropertyAccess } from './field-access.js';
import type { StructShape } from './struct-shapes.js';
import type { ScalarShape, ValueShape } from './value-shape.js';

/** References the JSON Schema rendering needs from the emitter (`$ref` targets). */
export interface JsonSchemaRefs {
  /** A `$ref` for a shared struct, or null to inline it. */
  struct(shape: StructShape): string | null;
  /** A `$ref` to the record schema of an exposed object, or null (then a lookup is only an id). */
  record(objectName: string): string | null;
}

/** Reads return referenced records in place of ids when `expand` asks; writes always take ids. */
export type JsonSchemaMode = 'read' | 'write';

/** JSON Schema (2020-12, as OpenAPI 3.1 uses it) of a value shape, without null. */
export function jsonSchemaOf(shape: ValueShape, refs: JsonSchemaRefs, mode: JsonSchemaMode): JsonObject {
  return shape.kind === 'list' ? { type: 'array', items: scalarSchema(shape.item, refs, mode) } : scalarSchema(shape, refs, mode);
}

function scalarSchema(shape: ScalarShape, refs: JsonSchemaRefs, mode: JsonSchemaMode): JsonObject {
  switch (shape.kind) {
    case 'string':
      return shape.format === null ? { type: 'string' } : { type: 'string', format: shape.format };
    case 'number':
      return { type: shape.integer ? 'integer' : 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'string', enum: [...shape.values] };
    case 'id': {
      const record = mode === 'read' && shape.reference !== null ? refs.record(shape.reference) : null;
      const id: JsonObject = { type: 'string', description: 'Record id' };
      return record === null ? id : { anyOf: [id, { $ref: record }] };
    }
    case 'json':
      return { type: 'object', additionalProperties: true };
    case 'struct': {
      const ref = refs.struct(shape);
      return ref === null ? structSchema(shape, refs, mode) : { $ref: ref };
    }
  }
}

/** A struct as an object schema: declared properties only, required ones listed. */
export function structSchema(shape: StructShape, refs: JsonSchemaRefs, mode: JsonSchemaMode): JsonObject {
  const properties: JsonObject = {};
  for (const property of shape.properties) {
    const schema = jsonSchemaOf(property.shape, refs, mode);
    properties[property.name] = property.description === null || property.description === '' ? schema : { ...schema, description: property.description };
  }
  const required = shape.properties.filter((property) => property.required).map((property) => property.name);
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}

/** Adds null to a schema's allowed values; changes and returns `schema` when it can say so in place. */
export function nullable(schema: JsonObject): JsonObject {
  const type = schema.type;
  if (typeof type === 'string') {
    schema.type = [type, 'null'];
    if (Array.isArray(schema.enum)) schema.enum.push(null);
    return schema;
  }
  if (Array.isArray(schema.anyOf)) {
    schema.anyOf.push({ type: 'null' });
    return schema;
  }
  return { anyOf: [schema, { type: 'null' }] };
}

/**
 * The schema of one record property: its shape, null when nullable, write limits in write mode, and a description:
 * the label (and description) when `labelled`, else only a declared description (input schemas repeat no labels,
 * which keeps the document of a large stack small).
 */
export function propertySchema(property: PropertyAccess, refs: JsonSchemaRefs, mode: JsonSchemaMode, allowNull: boolean, labelled: boolean): JsonObject {
  const base = jsonSchemaOf(property.shape, refs, mode);
  if (mode === 'write' && property.field !== null) addValueConstraints(base, property.field);
  const schema = allowNull ? nullable(base) : base;
  if (labelled) schema.description = property.description === null ? property.label : `${property.label}: ${property.description}`;
  else if (property.description !== null) schema.description = property.description;
  return schema;
}

/**
 * The field's declared value limits that JSON Schema can state, so a write schema rejects what the runtime rejects:
 * lengths and patterns of text, ranges of numbers, sizes of lists and vectors.
 */
function addValueConstraints(schema: JsonObject, field: FieldIR): void {
  const def = field.def;
  const limits: Record<string, JsonValue | undefined> = {};
  if (schema.type === 'string') {
    if ('maxLength' in def) limits.maxLength = def.maxLength;
    if ('minLength' in def) limits.minLength = def.minLength;
    if ('pattern' in def) limits.pattern = def.pattern;
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    if ('min' in def) limits.minimum = def.min;
    if ('max' in def) limits.maximum = def.max;
  }
  if (schema.type === 'array') {
    if (def.type === 'vector') {
      limits.minItems = def.dimensions;
      limits.maxItems = def.dimensions;
    }
    if (def.type === 'tags' || def.type === 'repeater') {
      limits.maxItems = def.maxItems;
      if (def.type === 'repeater') limits.minItems = def.minItems;
    }
  }
  for (const [key, value] of Object.entries(limits)) if (value !== undefined) schema[key] = value;
}
