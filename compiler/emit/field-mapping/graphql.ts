import type { StructShape } from './struct-shapes.js';
import type { ScalarShape, ValueShape } from './value-shape.js';

/** Names the GraphQL rendering needs from the emitter. */
export interface GraphqlTypeNames {
  enumType(nameParts: readonly string[]): string;
  struct(shape: StructShape, input: boolean): string;
  /** The GraphQL type of an object when the schema has one (exposed through the API), else null. */
  objectType(objectName: string): string | null;
}

/** Output types resolve references to the referenced object type; inputs take ids. */
export type GraphqlTypeMode = 'output' | 'input';

/** Scalars the SDL declares beyond GraphQL's own. */
export const CUSTOM_SCALARS = ['Date', 'DateTime', 'JSON', 'Time'] as const;

/** The GraphQL type of a value shape without the outer non-null marker: a list is `[T!]` (no null items). */
export function graphqlTypeOf(shape: ValueShape, names: GraphqlTypeNames, mode: GraphqlTypeMode): string {
  return shape.kind === 'list' ? `[${graphqlScalarOf(shape.item, names, mode)}!]` : graphqlScalarOf(shape, names, mode);
}

export function graphqlScalarOf(shape: ScalarShape, names: GraphqlTypeNames, mode: GraphqlTypeMode): string {
  switch (shape.kind) {
    case 'string':
      if (shape.format === 'date') return 'Date';
      if (shape.format === 'date-time') return 'DateTime';
      if (shape.format === 'time') return 'Time';
      return 'String';
    case 'number':
      // Int is 32-bit in GraphQL: integer fields (scale 0, ratings) are expected to stay in that range.
      return shape.integer ? 'Int' : 'Float';
    case 'boolean':
      return 'Boolean';
    case 'enum':
      return names.enumType(shape.nameParts);
    case 'id': {
      const target = mode === 'output' && shape.reference !== null ? names.objectType(shape.reference) : null;
      return target ?? 'ID';
    }
    case 'json':
      return 'JSON';
    case 'struct':
      return names.struct(shape, mode === 'input');
  }
}
