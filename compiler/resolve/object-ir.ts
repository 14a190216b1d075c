import type { Field, ObjectDef, SystemConfig } from '../../schemas/index.js';
import { refChild } from '../diagnostics/span.js';
import type { SourceRef } from '../diagnostics/span.js';
import { FrozenMap } from '../ir/frozen-map.js';
import type { FieldIR, FieldStorageKind, IndexIR, ObjectIR, SystemFieldIR } from '../ir/types.js';
import { labelFromName, pluralOf } from './labels.js';
import { indexName, joinTableName } from './naming.js';

/** Types computed on read: no column. */
const VIRTUAL_TYPES: ReadonlySet<Field['type']> = new Set(['formula', 'summary']);

/** What building an object needs to know about the rest of the stack. */
export interface ObjectBuildContext {
  readonly tenancy: SystemConfig['tenancy'];
  /** Whether the stack defines a `user` object, which `user` fields then reference. */
  readonly hasUserObject: boolean;
}

/** The IR of one validated object. Pure construction: problems are reported by the checks, not here. */
export function buildObjectIR(def: ObjectDef, origin: SourceRef, context: ObjectBuildContext): ObjectIR {
  const table = def.tableName ?? def.name;
  const fields = Object.entries(def.fields).map(([name, field]) =>
    buildFieldIR(name, field, refChild(origin, 'fields', name), def.name, table, context),
  );
  const fieldsByName = new FrozenMap(fields.map((field) => [field.name, field] as const));
  const ownership = def.ownership ?? 'user';
  const tenantColumn = tenantColumnOf(def, context.tenancy);
  const systemFields = systemFieldsOf(ownership, tenantColumn);
  const label = def.label ?? labelFromName(def.name);
  return {
    name: def.name,
    table,
    datasource: def.datasource ?? 'default',
    ownership,
    label,
    pluralLabel: def.pluralLabel ?? pluralOf(label),
    def,
    fields,
    fieldsByName,
    systemFields,
    tenantColumn,
    indexes: buildIndexes(def, origin, table, fields, fieldsByName, systemFields),
    nameField: def.nameField ?? (fieldsByName.has('name') ? 'name' : null),
    renamedFrom: def.renamedFrom ?? null,
    origin,
  };
}

function buildFieldIR(name: string, def: Field, origin: SourceRef, objectName: string, table: string, context: ObjectBuildContext): FieldIR {
  const storage = storageOf(def);
  return {
    name,
    type: def.type,
    label: def.label ?? labelFromName(name),
    def,
    storage,
    column: storage === 'column' ? name : null,
    joinTable: storage === 'join_table' ? joinTableName(table, name) : null,
    reference: referenceOf(def, objectName, context),
    notNull: def.storage?.notNull ?? false,
    renamedFrom: def.renamedFrom ?? null,
    origin,
  };
}

function storageOf(def: Field): FieldStorageKind {
  if (VIRTUAL_TYPES.has(def.type)) return 'virtual';
  return def.type === 'lookup' && def.multiple ? 'join_table' : 'column';
}

function referenceOf(def: Field, objectName: string, context: ObjectBuildContext): string | null {
  switch (def.type) {
    case 'lookup':
    case 'master_detail':
      return def.reference;
    case 'tree':
      return def.reference ?? objectName;
    case 'user':
      return context.hasUserObject ? 'user' : null;
    default:
      return null;
  }
}

function tenantColumnOf(def: ObjectDef, tenancy: SystemConfig['tenancy']): string | null {
  if (def.tenancy) return def.tenancy.enabled ? def.tenancy.field : null;
  return tenancy.enabled && tenancy.strategy === 'shared_schema' ? tenancy.tenantField : null;
}

function systemFieldsOf(ownership: ObjectIR['ownership'], tenantColumn: string | null): SystemFieldIR[] {
  const fields: SystemFieldIR[] = [
    { name: 'id', column: 'id', kind: 'id', notNull: true },
    { name: 'created_at', column: 'created_at', kind: 'datetime', notNull: true },
    { name: 'updated_at', column: 'updated_at', kind: 'datetime', notNull: true },
    { name: 'created_by', column: 'created_by', kind: 'user', notNull: false },
    { name: 'updated_by', column: 'updated_by', kind: 'user', notNull: false },
  ];
  if (ownership === 'user') fields.push({ name: 'owner_id', column: 'owner_id', kind: 'user', notNull: false });
  if (tenantColumn !== null) fields.push({ name: tenantColumn, column: tenantColumn, kind: 'tenant', notNull: true });
  return fields;
}

/**
 * Declared indexes first (declaration order), then one unique index per `unique: true` field (field order) unless
 * a declared unique index on exactly that column already enforces it (ObjectQL's field-level `index` + `unique`
 * arrives as both).
 */
function buildIndexes(
  def: ObjectDef,
  origin: SourceRef,
  table: string,
  fields: readonly FieldIR[],
  fieldsByName: ReadonlyMap<string, FieldIR>,
  systemFields: readonly SystemFieldIR[],
): IndexIR[] {
  const columnOf = (name: string) =>
    fieldsByName.get(name)?.column ?? systemFields.find((field) => field.name === name)?.column ?? name;
  const indexes: IndexIR[] = (def.indexes ?? []).map((index, position) => {
    const columns = index.fields.map(columnOf);
    return {
      name: index.name ?? indexName(table, columns, index.unique),
      fields: index.fields,
      columns,
      unique: index.unique,
      named: index.name !== undefined,
      declaredBy: 'indexes',
      origin: refChild(origin, 'indexes', position),
    };
  });
  const uniqueColumns = new Set<string>();
  for (const index of indexes) if (index.unique && index.columns.length === 1) uniqueColumns.add(index.columns[0]!);
  for (const field of fields) {
    if (!field.def.unique || field.column === null || uniqueColumns.has(field.column)) continue;
    indexes.push({
      name: indexName(table, [field.column], true),
      fields: [field.name],
      columns: [field.column],
      unique: true,
      named: false,
      declaredBy: 'field',
      origin: refChild(field.origin, 'unique'),
    });
  }
  return indexes;
}
