import type { API_METHODS } from '../../../schemas/index.js';
import type { ObjectIR, StackIR } from '../../ir/index.js';

export type ApiMethod = (typeof API_METHODS)[number];

/**
 * Whether the generated APIs (REST, GraphQL) expose an object at all: `enable.apiEnabled` (default true). The UI
 * types cover every object regardless, since a UI may render records it gets by other means.
 */
export function isExposed(object: ObjectIR): boolean {
  return object.def.enable?.apiEnabled !== false;
}

/** Whether an exposed object allows one API operation: every operation when `enable.apiMethods` is omitted. */
export function allows(object: ObjectIR, method: ApiMethod): boolean {
  if (!isExposed(object)) return false;
  const methods = object.def.enable?.apiMethods;
  return methods === undefined || methods.includes(method);
}

/** The exposed objects, in the IR's order (sorted by name). */
export function exposedObjects(ir: StackIR): ObjectIR[] {
  return ir.objects.filter(isExposed);
}
