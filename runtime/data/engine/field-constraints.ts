import { Ajv, type ValidateFunction } from 'ajv';
import type { Field } from '../../../schemas/index.js';
import type { Frozen } from '../../../compiler/ir/types.js';

/**
 * The limits a field definition puts on an already well-typed value (lengths, ranges, list sizes, patterns), as a
 * problem sentence, or undefined when the value is within them.
 */
export function constraintProblem(def: Frozen<Field>, value: unknown): string | undefined {
  const keys = def as Readonly<Record<string, unknown>>;
  if (def.type === 'json' && def.schema !== undefined) return jsonSchemaProblem(def.schema, value);
  if (typeof value === 'string') return textProblem(keys, value);
  if (typeof value === 'number') return rangeProblem(def, keys, value);
  if (Array.isArray(value)) return listProblem(def, value);
  return undefined;
}

function textProblem(keys: Readonly<Record<string, unknown>>, value: string): string | undefined {
  const length = [...value].length;
  const { minLength, maxLength, pattern } = keys;
  if (typeof maxLength === 'number' && length > maxLength) return `is ${length} characters long; the maximum is ${maxLength}`;
  if (typeof minLength === 'number' && length < minLength) return `is ${length} characters long; the minimum is ${minLength}`;
  const regexp = typeof pattern === 'string' ? safeRegExp(pattern) : undefined;
  if (regexp && !regexp.test(value)) return `does not match the pattern ${String(pattern)}`;
  return undefined;
}

function rangeProblem(def: Frozen<Field>, keys: Readonly<Record<string, unknown>>, value: number): string | undefined {
  if (def.type === 'rating') return value < 0 || value > def.max ? `must be between 0 and ${def.max} stars` : undefined;
  const { min, max } = keys;
  if (typeof min === 'number' && value < min) return `must be at least ${min}`;
  if (typeof max === 'number' && value > max) return `must be at most ${max}`;
  return undefined;
}

function listProblem(def: Frozen<Field>, value: readonly unknown[]): string | undefined {
  switch (def.type) {
    case 'tags': {
      if (def.maxItems !== undefined && value.length > def.maxItems) return `has ${value.length} tags; the maximum is ${def.maxItems}`;
      const allowed = new Set((def.options ?? []).map((option) => option.value));
      const custom = value.find((tag) => !allowed.has(String(tag)));
      return !def.allowCustom && custom !== undefined ? `"${String(custom)}" is not one of the allowed tags` : undefined;
    }
    case 'vector':
      return value.length !== def.dimensions ? `must have ${def.dimensions} numbers; it has ${value.length}` : undefined;
    case 'repeater':
      if (def.maxItems !== undefined && value.length > def.maxItems) return `has ${value.length} rows; the maximum is ${def.maxItems}`;
      if (def.minItems !== undefined && value.length < def.minItems) return `has ${value.length} rows; the minimum is ${def.minItems}`;
      return undefined;
    default:
      return undefined;
  }
}

const patterns = new Map<string, RegExp | undefined>();

/** A pattern that does not compile constrains nothing (the compiler reports it); compiled once per pattern. */
function safeRegExp(pattern: string): RegExp | undefined {
  if (!patterns.has(pattern)) {
    try {
      patterns.set(pattern, new RegExp(pattern, 'u'));
    } catch {
      patterns.set(pattern, undefined);
    }
  }
  return patterns.get(pattern);
}

const ajv = new Ajv({ allErrors: false, strict: false });
const validators = new WeakMap<object, ValidateFunction | undefined>();

/** A `json` field's `schema`: the first violation, as ajv words it; a schema that does not compile constrains nothing. */
function jsonSchemaProblem(schema: object, value: unknown): string | undefined {
  if (!validators.has(schema)) {
    try {
      validators.set(schema, ajv.compile(schema as Record<string, unknown>));
    } catch {
      validators.set(schema, undefined);
    }
  }
  const validate = validators.get(schema);
  if (!validate || validate(value)) return undefined;
  const [error] = validate.errors ?? [];
  return `does not match its JSON schema: ${error?.instancePath ? `${error.instancePath} ` : ''}${error?.message ?? 'invalid'}`;
}
