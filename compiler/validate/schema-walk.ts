import type { z } from 'zod';
import type { PathSegment } from '../diagnostics/span.js';

type Schema = z.core.$ZodType;

/**
 * The schema that applies at `path` inside `data`, following the data where the schema branches: a discriminated
 * union by the data's discriminator, a plain union by the member that best fits the data's shape. Used for hints
 * (allowed keys, descriptions), never for validation itself.
 */
export function schemaAt(root: Schema, data: unknown, path: readonly PathSegment[]): Schema | undefined {
  let schema: Schema | undefined = root;
  let value = data;
  for (const segment of path) {
    schema = schema && step(pickMember(schema, value), segment);
    value = childOf(value, segment);
    if (!schema) return undefined;
  }
  return schema && pickMember(schema, value);
}

/** The keys a mapping may have at this place, or undefined when it is not a fixed-key mapping. */
export function allowedKeys(schema: Schema | undefined): string[] | undefined {
  const def = schema && (unwrap(schema) as z.core.$ZodTypes)._zod.def;
  return def?.type === 'object' ? Object.keys(def.shape) : undefined;
}

/** The `.describe()` text of a schema, looking through wrappers (optional, default, ...). */
export function descriptionOf(schema: Schema | undefined): string | undefined {
  for (let current = schema; current; current = inner(current)) {
    const description = (current as z.ZodType).description;
    if (description) return description;
  }
  return undefined;
}

export function childOf(value: unknown, segment: PathSegment): unknown {
  if (Array.isArray(value)) return typeof segment === 'number' ? value[segment] : undefined;
  if (value !== null && typeof value === 'object') return (value as Record<string, unknown>)[String(segment)];
  return undefined;
}

/** The schema inside a wrapper that does not change the shape of the data. */
function inner(schema: Schema): Schema | undefined {
  const def = (schema as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'catch':
    case 'readonly':
      return def.innerType;
    case 'pipe':
      return def.in;
    case 'lazy':
      return def.getter();
    default:
      return undefined;
  }
}

function unwrap(schema: Schema): Schema {
  let current = schema;
  for (let next = inner(current); next; next = inner(current)) current = next;
  return current;
}

function step(schema: Schema, segment: PathSegment): Schema | undefined {
  const def = (unwrap(schema) as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case 'object':
      return def.shape[String(segment)] ?? def.catchall;
    case 'record':
      return def.valueType;
    case 'array':
      return typeof segment === 'number' ? def.element : undefined;
    default:
      return undefined;
  }
}

/** For a union, the member matching the data; any other schema is returned unwrapped. */
function pickMember(schema: Schema, value: unknown): Schema {
  const unwrapped = unwrap(schema);
  const def = (unwrapped as z.core.$ZodTypes)._zod.def;
  if (def.type !== 'union') return unwrapped;
  const options = def.options.map((option) => pickMember(option, value));
  const discriminator = (def as z.core.$ZodDiscriminatedUnionDef).discriminator;
  if (discriminator !== undefined) {
    const wanted = childOf(value, discriminator);
    const match = options.find((option) => literalValues(step(option, discriminator)).includes(wanted));
    if (match) return match;
  }
  return bestFit(options, value) ?? unwrapped;
}

function literalValues(schema: Schema | undefined): unknown[] {
  const def = schema && (unwrap(schema) as z.core.$ZodTypes)._zod.def;
  return def?.type === 'literal' ? [...def.values] : [];
}

/** The member whose kind matches the data and, for mappings, that shares the most keys with it. */
function bestFit(options: readonly Schema[], value: unknown): Schema | undefined {
  const kind = Array.isArray(value) ? 'array' : value !== null && typeof value === 'object' ? 'mapping' : 'scalar';
  let best: { schema: Schema; score: number } | undefined;
  for (const option of options) {
    const type = (option as z.core.$ZodTypes)._zod.def.type;
    const optionKind = type === 'array' || type === 'tuple' ? 'array' : type === 'object' || type === 'record' ? 'mapping' : 'scalar';
    if (optionKind !== kind) continue;
    const keys = allowedKeys(option);
    const score = keys && kind === 'mapping' ? Object.keys(value as object).filter((key) => keys.includes(key)).length : 0;
    if (!best || score > best.score) best = { schema: option, score };
  }
  return best?.schema;
}
