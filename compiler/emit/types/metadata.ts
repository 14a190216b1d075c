import type { FieldIR, ObjectIR } from '../../ir/index.js';
import { fieldAccess } from '../field-mapping/index.js';
import { printLiteralAfter, printLiteralTypeAfter, type LiteralValue } from './ts-print.js';

/** `types/metadata.js` and `types/metadata.d.ts`: the object files' names never take it (see `TsNames`). */
export const METADATA_MODULE = 'metadata';

/**
 * What a UI needs to render each object without the YAML — labels, and per field its type, label, required/readonly
 * flags, reference and options — as one module beside the object files:
 * - `metadata.js`, a constant per object as plain data;
 * - `metadata.d.ts`, each constant's exact, deeply readonly type (what `as const` would infer, spelled out).
 * Type-checking `as const` literals made up most of `tsc`'s time over the generated types (about 60% at 1,000
 * objects); a declared type costs next to nothing until used, and consumers get the same literal types. One module
 * rather than a pair per object: two files instead of two thousand at 1,000 objects to write and to verify on every
 * no-op build, and one request instead of a thousand for a dev server loading the barrel.
 */
export function metadataModule(objects: readonly ObjectIR[], constName: (object: ObjectIR) => string): { readonly js: string; readonly dts: string } {
  const js: string[] = [];
  const dts: string[] = [];
  for (const object of objects) {
    const value = metadataValue(object);
    const doc = `/** Labels, field types and options of ${object.label}, for rendering forms and lists. */`;
    js.push([doc, ...printLiteralAfter('', `export const ${constName(object)} =`, value, ';')].join('\n'));
    dts.push([doc, ...printLiteralTypeAfter('', `export declare const ${constName(object)}:`, value, ';')].join('\n'));
  }
  return { js: js.length === 0 ? 'export {};\n' : `${js.join('\n\n')}\n`, dts: dts.length === 0 ? 'export {};\n' : `${dts.join('\n\n')}\n` };
}

function metadataValue(object: ObjectIR): LiteralValue {
  const fields: Record<string, LiteralValue> = {};
  for (const field of object.fields) fields[field.name] = fieldMetadata(object, field);
  return {
    name: object.name,
    label: object.label,
    pluralLabel: object.pluralLabel,
    nameField: object.nameField,
    fields,
  };
}

function fieldMetadata(object: ObjectIR, field: FieldIR): LiteralValue {
  const def = field.def;
  const entry: Record<string, LiteralValue> = {
    type: field.type,
    label: field.label,
    required: def.required,
    // Computed and assigned fields count as readonly: a form must not offer them for input.
    readonly: fieldAccess(object, field).readonly,
  };
  if ('multiple' in def && def.multiple) entry.multiple = true;
  if (field.reference !== null) entry.reference = field.reference;
  const options = 'options' in def ? def.options : undefined;
  if (options !== undefined && options.length > 0) {
    entry.options = options.map((option): LiteralValue => {
      const choice: Record<string, LiteralValue> = { value: option.value, label: option.label };
      if (option.color !== undefined) choice.color = option.color;
      return choice;
    });
  }
  return entry;
}
