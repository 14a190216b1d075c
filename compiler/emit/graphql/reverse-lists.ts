import type { StackIR } from '../../ir/index.js';
import { isExposed } from '../field-mapping/index.js';

/** A master-detail link seen from the master: the detail records pointing at a record. */
export interface ReverseList {
  readonly child: string;
  readonly childLabel: string;
  readonly field: string;
  readonly fieldLabel: string;
  /** The child object's plural, snake_case (`line_items`); `<plural>_by_<field>` when taken. */
  readonly preferredName: string;
}

/** Reverse lists per master object, children in object order and fields in declaration order: one pass. */
export function reverseLists(ir: StackIR, pluralOf: (objectName: string) => string): Map<string, ReverseList[]> {
  const byParent = new Map<string, ReverseList[]>();
  for (const child of ir.objects) {
    if (!isExposed(child)) continue;
    for (const field of child.fields) {
      if (field.type !== 'master_detail' || field.reference === null) continue;
      const parent = ir.objectsByName.get(field.reference);
      if (parent === undefined || !isExposed(parent)) continue;
      const lists = byParent.get(parent.name) ?? [];
      lists.push({ child: child.name, childLabel: child.label, field: field.name, fieldLabel: field.label, preferredName: pluralOf(child.name) });
      byParent.set(parent.name, lists);
    }
  }
  return byParent;
}
