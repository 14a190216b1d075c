import { refChild, refKey, type SourceRef } from '../diagnostics/span.js';
import type { StackIR } from '../ir/types.js';

/** Where the YAML declares an object or a field; null for what the YAML does not (or no longer) declare. */
export interface SchemaLocations {
  object(name: string): SourceRef | null;
  field(object: string, field: string): SourceRef | null;
  /** The `renamedFrom` key of a field, for rename messages. */
  renamedFrom(object: string, field: string): SourceRef | null;
}

export const NO_LOCATIONS: SchemaLocations = { object: () => null, field: () => null, renamedFrom: () => null };

export function locationsOf(ir: StackIR): SchemaLocations {
  return {
    object: (name) => ir.objectsByName.get(name)?.origin ?? null,
    field: (object, field) => {
      const origin = ir.objectsByName.get(object)?.fieldsByName.get(field)?.origin;
      return origin ? refKey(origin) : null;
    },
    renamedFrom: (object, field) => {
      const origin = ir.objectsByName.get(object)?.fieldsByName.get(field)?.origin;
      return origin ? refKey(refChild(origin, 'renamedFrom')) : null;
    },
  };
}
