import { propertySchema, type JsonSchemaRefs, type PropertyAccess } from '../../../compiler/emit/field-mapping/index.js';
import type { JsonObject, JsonValue } from '../../../compiler/ir/types.js';

/** Structs inline, lookups as ids: the runtime's schemas describe one object at a time. */
const INLINE: JsonSchemaRefs = { struct: () => null, record: () => null };

/**
 * The JSON Schema of one record as reads return it, from the same field mapping as the OpenAPI document, made safe
 * for fast-json-stringify, which writes what the schema says rather than what the value is:
 * - every property nullable and none required (a selection or field permissions leave properties out);
 * - `integer` written as `number` (a stored 2.5 in an integer column must not come back as 2);
 * - JSON and struct values as any JSON (a `json` field holds any JSON value, not only objects, and a stored struct
 *   may hold keys a later definition dropped); formats and enums dropped (values are written as they are).
 * Properties missing from a record are left out, as they are by `JSON.stringify`.
 */
export function recordResponseSchema(properties: readonly PropertyAccess[]): JsonObject {
  const schema: JsonObject = {};
  for (const property of properties) {
    if (property.readable) schema[property.name] = asWritten(propertySchema(property, INLINE, 'read', true, false));
  }
  return { type: 'object', properties: schema };
}

/**
 * The body of a create or update: the declared writable properties with their types and limits (write mode of the
 * mapping, null allowed: whether a value is required is the engine's rule), readonly ones accepted as anything (the
 * engine refuses them with its own message), and nothing else.
 */
export function recordBodySchema(properties: readonly PropertyAccess[]): JsonObject {
  const schema: JsonObject = {};
  for (const property of properties) {
    schema[property.name] = property.readonly ? {} : withoutFormats(propertySchema(property, INLINE, 'write', true, false));
  }
  return { type: 'object', properties: schema, additionalProperties: false };
}

function asWritten(schema: JsonObject): JsonObject {
  const types = typeList(schema['type']);
  if (types.includes('object') || schema['anyOf'] !== undefined || schema['$ref'] !== undefined) return {};
  if (types.includes('array')) {
    const items = schema['items'];
    return { type: types, items: isObject(items) ? asWritten(items) : {} };
  }
  return { type: types.map((type) => (type === 'integer' ? 'number' : type)) };
}

/** The engine checks e-mail, URL and date formats with its own rules (and answers with its own message). */
function withoutFormats(schema: JsonObject): JsonObject {
  const copy: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'format' || key === 'description' || key === 'pattern') continue;
    copy[key] = isObject(value) ? withoutFormats(value) : Array.isArray(value) ? value.map((item) => (isObject(item) ? withoutFormats(item) : item)) : value;
  }
  return copy;
}

function typeList(type: JsonValue | undefined): string[] {
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((item): item is string => typeof item === 'string') : [];
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
