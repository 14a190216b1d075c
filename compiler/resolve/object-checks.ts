import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { refChild, refKey } from '../diagnostics/span.js';
import type { FieldIR, ObjectIR } from '../ir/types.js';
import { SYSTEM_FIELD_NAMES } from '../ir/types.js';
import { suggestion } from '../diagnostics/did-you-mean.js';
import { formulaIdentifiers } from './formula.js';
import { fieldHint, hasField } from './lookup.js';

const SYSTEM_NAMES: ReadonlySet<string> = new Set(SYSTEM_FIELD_NAMES);

/** Checks that need only the object itself: names, indexes, defaults, formulas and renames. Linear in its fields. */
export function checkObject(object: ObjectIR): PendingDiagnostic[] {
  const diagnostics: PendingDiagnostic[] = [];
  const renamedFrom = new Map<string, FieldIR>();
  for (const field of object.fields) {
    if (SYSTEM_NAMES.has(field.name) || field.name === object.tenantColumn) {
      diagnostics.push({
        code: 'OS3010',
        message: `Field '${field.name}' of '${object.name}' collides with the system column of the same name`,
        at: refKey(field.origin),
        hint: 'rename the field: the platform already fills this column',
      });
    }
    diagnostics.push(...checkOptionsDefault(field), ...checkFormula(object, field));
    if (field.renamedFrom !== null) checkRename(object, field, renamedFrom, diagnostics);
  }
  const { nameField } = object.def;
  if (nameField !== undefined && !hasField(object, nameField)) {
    diagnostics.push({
      code: 'OS3004',
      message: `nameField '${nameField}' is not a field of '${object.name}'`,
      at: refChild(object.origin, 'nameField'),
      hint: fieldHint(nameField, object),
    });
  }
  diagnostics.push(...checkIndexes(object));
  return diagnostics;
}

function checkIndexes(object: ObjectIR): PendingDiagnostic[] {
  const diagnostics: PendingDiagnostic[] = [];
  const byColumns = new Map<string, (typeof object.indexes)[number]>();
  for (const index of object.indexes) {
    index.fields.forEach((name, position) => {
      const at = refChild(index.origin, 'fields', position);
      const field = object.fieldsByName.get(name);
      if (!field && !hasField(object, name)) {
        diagnostics.push({ code: 'OS3002', message: `Index on '${object.name}' names unknown field '${name}'`, at, hint: fieldHint(name, object) });
      } else if (field && field.column === null) {
        diagnostics.push({
          code: 'OS3003',
          message: `Index on '${object.name}' names '${name}', a ${field.type}${field.storage === 'join_table' ? ' with multiple values' : ''} field that has no column`,
          at,
          hint: field.storage === 'virtual' ? 'index the stored fields the value is computed from' : 'the join table is indexed automatically; remove it from the index',
        });
      }
    });
    const key = index.columns.join('\u0000');
    const twin = byColumns.get(key);
    if (!twin) byColumns.set(key, index);
    else {
      diagnostics.push({
        code: 'OS3013',
        message: `Index '${index.name}' on '${object.name}' covers the same fields as '${twin.name}'`,
        at: index.origin,
        hint: 'remove one of the two indexes',
        related: [{ at: twin.origin, message: `'${twin.name}' is declared here` }],
      });
    }
  }
  return diagnostics;
}

/** Option values as strings: YAML may write `1` for an option whose value is `'1'`. */
function optionValues(def: FieldIR['def']): string[] | undefined {
  switch (def.type) {
    case 'select':
    case 'multiselect':
    case 'radio':
    case 'checkboxes':
      return def.options.map((option) => String(option.value));
    case 'tags':
      return def.options && !def.allowCustom ? def.options.map((option) => String(option.value)) : undefined;
    default:
      return undefined;
  }
}

function checkOptionsDefault(field: FieldIR): PendingDiagnostic[] {
  const { defaultValue } = field.def;
  const values = optionValues(field.def);
  if (defaultValue === undefined || defaultValue === null || !values) return [];
  const allowed = new Set(values);
  const defaults = Array.isArray(defaultValue) ? defaultValue : [defaultValue];
  const diagnostics: PendingDiagnostic[] = [];
  defaults.forEach((value, position) => {
    const text = String(value);
    if (allowed.has(text)) return;
    diagnostics.push({
      code: 'OS3006',
      message: `Default value '${text}' of ${field.type} field '${field.name}' is not one of its options`,
      at: Array.isArray(defaultValue) ? refChild(field.origin, 'defaultValue', position) : refChild(field.origin, 'defaultValue'),
      hint: suggestion(text, values) ?? `use one of: ${values.join(', ')}`,
    });
  });
  return diagnostics;
}

function checkFormula(object: ObjectIR, field: FieldIR): PendingDiagnostic[] {
  if (field.def.type !== 'formula') return [];
  const diagnostics: PendingDiagnostic[] = [];
  const reported = new Set<string>();
  for (const name of formulaIdentifiers(field.def.expression)) {
    if (hasField(object, name) || reported.has(name)) continue;
    reported.add(name);
    diagnostics.push({
      code: 'OS3005',
      message: `Formula '${field.name}' of '${object.name}' uses '${name}', which is not a field of the object`,
      at: refChild(field.origin, 'expression'),
      hint:
        suggestion(name, [...object.fieldsByName.keys(), ...object.systemFields.map((system) => system.name)]) ??
        "quote literal text ('like this'), or declare the field",
    });
  }
  return diagnostics;
}

function checkRename(object: ObjectIR, field: FieldIR, renamedFrom: Map<string, FieldIR>, diagnostics: PendingDiagnostic[]): void {
  const old = field.renamedFrom!;
  const at = refChild(field.origin, 'renamedFrom');
  if (object.fieldsByName.has(old)) {
    diagnostics.push({
      code: 'OS3011',
      message: `Field '${field.name}' is renamed from '${old}', but '${old}' is still declared on '${object.name}'`,
      at,
      hint: `remove the old field '${old}' (the rename keeps its data), or remove renamedFrom`,
      related: [{ at: refKey(object.fieldsByName.get(old)!.origin), message: `'${old}' is declared here` }],
    });
  }
  const other = renamedFrom.get(old);
  if (other) {
    diagnostics.push({
      code: 'OS3014',
      message: `Fields '${other.name}' and '${field.name}' of '${object.name}' are both renamed from '${old}'`,
      at,
      hint: 'one column can become one field: remove renamedFrom from one of them',
      related: [{ at: refChild(other.origin, 'renamedFrom'), message: `'${other.name}' claims it here` }],
    });
  } else {
    renamedFrom.set(old, field);
  }
}
