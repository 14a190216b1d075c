import { NameTable } from './names.js';

/** GraphQL's Name rule. */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** Enum values GraphQL forbids: they would read as literals. */
const FORBIDDEN_ENUM_VALUES = new Set(['true', 'false', 'null']);

/**
 * The GraphQL enum value name for each stored option value, in option order. A value that is already a valid name is
 * kept as written (so clients send what the REST API sends); any other is mapped deterministically: characters
 * outside `[_0-9A-Za-z]` become `_`, a leading digit, an empty result, a reserved literal (`true`, `false`, `null`)
 * or an introspection-style `__` prefix gets a `_` prefix (`v` for `__`), and a name already used gets a numeric
 * suffix. The SDL marks every mapped value with `@objectstack(value: "<stored value>")`, and the runtime can call
 * this same function, so the mapping has one definition.
 */
export function graphqlEnumValueNames(values: readonly string[]): Map<string, string> {
  const table = new NameTable();
  const names = new Map<string, string>();
  // Valid values claim first, so a mapped value never steals the name of a value spelled that way.
  for (const value of values) if (isValidEnumValueName(value)) names.set(value, table.claim(value));
  for (const value of values) if (!names.has(value)) names.set(value, table.claim(mappedEnumValueName(value)));
  return new Map(values.map((value) => [value, names.get(value) ?? value]));
}

function isValidEnumValueName(value: string): boolean {
  return GRAPHQL_NAME.test(value) && !FORBIDDEN_ENUM_VALUES.has(value) && !value.startsWith('__');
}

function mappedEnumValueName(value: string): string {
  const replaced = value.replace(/[^_0-9A-Za-z]/g, '_');
  if (replaced.startsWith('__')) return `v${replaced}`;
  if (replaced === '' || /^[0-9]/.test(replaced) || FORBIDDEN_ENUM_VALUES.has(replaced)) return `_${replaced}`;
  return replaced;
}

/**
 * The GraphQL name of a field or argument. snake_case names are valid GraphQL names, and GraphQL has no reserved
 * words for field names (`type`, `query`, `on` are fine); only the `__` prefix is reserved for introspection, so
 * `__x` becomes `f__x` (the SDL marks it with `@objectstack(field: "__x")`).
 */
export function graphqlFieldName(name: string): string {
  return name.startsWith('__') ? `f${name}` : name;
}
