import type { StructShape } from './struct-shapes.js';
import type { ScalarShape, ValueShape } from './value-shape.js';

/** Names the TypeScript rendering needs from the emitter (aliases are declared by it, not here). */
export interface TsTypeNames {
  enumAlias(nameParts: readonly string[]): string;
  struct(shape: StructShape): string;
  jsonObject(): string;
}

/**
 * The TypeScript type of a value shape: a keyword, an alias name or `T[]`, never a union, so the caller adds
 * `| null` and prints it without parentheses. Dates and times are ISO strings, ids are strings.
 */
export function tsTypeOf(shape: ValueShape, names: TsTypeNames): string {
  return shape.kind === 'list' ? `${tsScalarType(shape.item, names)}[]` : tsScalarType(shape, names);
}

function tsScalarType(shape: ScalarShape, names: TsTypeNames): string {
  switch (shape.kind) {
    case 'string':
    case 'id':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'enum':
      return names.enumAlias(shape.nameParts);
    case 'json':
      return names.jsonObject();
    case 'struct':
      return names.struct(shape);
  }
}
