import type { ObjectIR } from '../../../compiler/ir/types.js';
import { buildObjectIR } from '../../../compiler/resolve/object-ir.js';
import type { ObjectDef, SystemConfig } from '../../../schemas/index.js';

/**
 * The IR of the objects a running kernel serves, built from the validated definitions in `objects.json` with the
 * compiler's own construction, so tables, columns and join tables are exactly those the migrations created.
 */
export function runtimeObjects(defs: readonly ObjectDef[], system: SystemConfig): ObjectIR[] {
  const hasUserObject = defs.some((def) => def.name === 'user');
  return defs.map((def) => buildObjectIR(def, { file: 'objects.json', path: ['objects', def.name] }, { tenancy: system.tenancy, hasUserObject }));
}
