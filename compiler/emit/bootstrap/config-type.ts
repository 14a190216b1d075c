import type { Frozen, JsonSchemaObject, JsonSchemaProperty, JsonValue } from '../../ir/types.js';
import { PRINT_WIDTH, commentText, printLiteral, propertyKey } from './ts-literal.js';

const JSON_TYPE_TO_TS: Readonly<Record<string, string>> = {
  string: 'string',
  number: 'number',
  integer: 'number',
  boolean: 'boolean',
  array: 'readonly unknown[]',
  object: 'Readonly<Record<string, unknown>>',
  null: 'null',
};

/**
 * The TS type of one configuration property. Plugin configuration schemas are a flat subset of JSON Schema (`type`,
 * `enum`, `default`, `description`), so this direct translation is complete for them and stays deterministic and
 * fast, which json-schema-to-typescript (async, prettier-formatted) would not be for a thousand-object build.
 */
export function propertyType(property: Frozen<JsonSchemaProperty>): string[] {
  if (property.enum && property.enum.length > 0) {
    return [...new Set(property.enum.map((value) => printLiteral(value as JsonValue, 0, 0, '')))];
  }
  const types = property.type === undefined ? [] : typeof property.type === 'string' ? [property.type] : [...property.type];
  const mapped = types.map((type) => JSON_TYPE_TO_TS[type] ?? 'unknown');
  return mapped.length === 0 ? ['unknown'] : [...new Set(mapped)];
}

/**
 * Interface members for a plugin's configuration, as prettier lays them out: a property is required when the schema
 * requires it or gives it a default (the compiler applied defaults, so the value is always there).
 */
export function configMembers(schema: Frozen<JsonSchemaObject>, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const required = new Set(schema.required);
  const lines: string[] = [];
  for (const name of Object.keys(schema.properties).sort()) {
    const property = schema.properties[name];
    if (property === undefined) continue;
    if (property.description) lines.push(`${pad}/** ${commentText(property.description)} */`);
    const optional = required.has(name) || property.default !== undefined ? '' : '?';
    const head = `${pad}readonly ${propertyKey(name)}${optional}:`;
    const types = propertyType(property);
    const flat = `${head} ${types.join(' | ')};`;
    if (flat.length <= PRINT_WIDTH || types.length === 1) lines.push(flat);
    else lines.push(head, ...types.map((type, index) => `${pad}  | ${type}${index === types.length - 1 ? ';' : ''}`));
  }
  return lines;
}
