import { FrozenMap } from './frozen-map.js';
import type { ObjectIR, StackIR } from './types.js';

/**
 * The IR as data another thread can receive: a structured clone keeps plain objects, arrays and shared references but
 * not class instances, so the lookup maps are left out and rebuilt on arrival from the lists they index.
 */
export interface TransferableIR extends Omit<StackIR, 'objects' | 'objectsByName' | 'pluginsById'> {
  readonly objects: readonly Omit<ObjectIR, 'fieldsByName'>[];
}

export function toTransferable(ir: StackIR): TransferableIR {
  const { objectsByName: _objects, pluginsById: _plugins, objects, ...rest } = ir;
  return { ...rest, objects: objects.map(({ fieldsByName: _fields, ...object }) => object) };
}

export function fromTransferable(data: TransferableIR): StackIR {
  const objects = data.objects.map((object): ObjectIR => ({ ...object, fieldsByName: new FrozenMap(object.fields.map((field) => [field.name, field] as const)) }));
  return {
    ...data,
    objects,
    objectsByName: new FrozenMap(objects.map((object) => [object.name, object] as const)),
    pluginsById: new FrozenMap(data.plugins.map((plugin) => [plugin.id, plugin] as const)),
  };
}
