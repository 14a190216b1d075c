import { suggestion } from '../../../compiler/diagnostics/did-you-mean.js';
import type { DataErrorDetail } from './types.js';
import type { ObjectModel } from './model.js';

/** The detail for a name the object does not have, with a did-you-mean among its fields. */
export function unknownFieldDetail(model: Pick<ObjectModel, 'name'> & { readonly byName: ReadonlyMap<string, unknown> }, name: string, role: string): DataErrorDetail {
  const hint = suggestion(name, model.byName.keys());
  return { field: name, problem: `${role} "${name}" is not a field of ${model.name}${hint ? `; ${hint}` : ''}` };
}
