import type { ObjectIR } from '../ir/types.js';
import { suggestion } from '../diagnostics/did-you-mean.js';

/** A declared or system field of the object. */
export function hasField(object: ObjectIR, name: string): boolean {
  return object.fieldsByName.has(name) || object.systemFields.some((field) => field.name === name);
}

// Hints per object table and unknown name: a misspelt target repeated across many fields is matched against every
// object name once, not once per field.
const objectHints = new WeakMap<ReadonlyMap<string, ObjectIR>, Map<string, string>>();

/** Hint for a name that is not an object: the closest object name, else what exists. */
export function objectHint(name: string, objects: ReadonlyMap<string, ObjectIR>): string {
  let hints = objectHints.get(objects);
  if (!hints) objectHints.set(objects, (hints = new Map()));
  let hint = hints.get(name);
  if (hint === undefined) {
    hint = suggestion(name, objects.keys()) ?? (objects.size > 0 ? `the stack defines: ${listed(objects.keys())}` : 'the stack defines no objects');
    hints.set(name, hint);
  }
  return hint;
}

/** Hint for a name that is not a field of `object`. */
export function fieldHint(name: string, object: ObjectIR): string {
  const names = [...object.fieldsByName.keys(), ...object.systemFields.map((field) => field.name)];
  return suggestion(name, names) ?? `'${object.name}' has: ${listed(names)}`;
}

function listed(names: Iterable<string>): string {
  const all = [...names].sort();
  return all.length > 12 ? `${all.slice(0, 12).join(', ')}, … (${all.length} in all)` : all.join(', ');
}
