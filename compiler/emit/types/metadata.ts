import type { FieldIR, ObjectIR } from '../../ir/index.js';
import { fieldAccess } from '../field-mapping/index.js';
import { printLiteralAfter, type LiteralValue } from './ts-print.js';

/**
 * `export const <object>Metadata = { … } as const;`: what a UI needs to render the object without the YAML —
 * labels, and per field its type, label, required/readonly flags, reference and options.
 */
export function metadataLines(object: ObjectIR, constName: string): string[] {
  const fields: Record<string, LiteralValue> = {};
  for (const field of object.fields) fields[field.name] = fieldMetadata(object, field);
  const value: LiteralValue = {
    name: object.name,
    label: object.label,
    pluralLabel: object.pluralLabel,
    nameField: object.nameField,
    fields,
  };
  return [`/** Labels, field types and options of ${object.label}, for rendering forms and lists. */`, ...printLiteralAfter('', `export const ${constName} =`, value, ' as const;')];
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
