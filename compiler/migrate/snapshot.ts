import type { FieldIR, ObjectIR, StackIR, SystemFieldIR } from '../ir/types.js';
import { canonicalJson, sha256 } from './canonical-json.js';
import { fitIdentifier, plainIndexName, uniqueIndexName } from './identifiers.js';
import { databaseDefaultOf, logicalColumnOf } from './logical-column.js';
import {
  SNAPSHOT_VERSION,
  SnapshotSchema,
  type ColumnSnapshot,
  type DeleteBehavior,
  type IndexSnapshot,
  type Snapshot,
  type TableSnapshot,
} from './snapshot-schema.js';

export * from './snapshot-schema.js';

/** Columns of every join table: the owning record and the referenced record. */
export const JOIN_SOURCE_COLUMN = 'source_id';
export const JOIN_TARGET_COLUMN = 'target_id';

/**
 * The physical schema a stack needs: one table per object, one column per stored field plus the system columns,
 * a join table per multiple lookup, indexes and unique constraints. Formula and summary fields have no column.
 */
export function snapshotOf(ir: StackIR): Snapshot {
  return withHash(tablesOf(ir));
}

/**
 * `serializeSnapshot(snapshotOf(ir))` in one pass where it can: without rename hints the hashed content is the
 * snapshot itself minus its `hash` line, so the canonical text is produced once, hashed, and the hash line put in.
 */
export function snapshotTextOf(ir: StackIR): string {
  const tables = sortedByName(tablesOf(ir));
  const renames = tables.some((table) => table.renamedFrom !== undefined || table.columns.some((column) => column.renamedFrom !== undefined));
  if (renames) return serializeSnapshot({ version: SNAPSHOT_VERSION, hash: hashTables(tables), tables });
  const hashed = canonicalJson({ version: SNAPSHOT_VERSION, tables });
  const afterVersion = hashed.indexOf('\n', hashed.indexOf('"version"')) + 1;
  return `${hashed.slice(0, afterVersion)}  "hash": "${sha256(hashed)}",\n${hashed.slice(afterVersion)}`;
}

function tablesOf(ir: StackIR): TableSnapshot[] {
  const tables: TableSnapshot[] = [];
  for (const object of ir.objects) {
    tables.push(objectTable(ir, object));
    for (const field of object.fields) {
      if (field.storage === 'join_table') tables.push(joinTable(ir, object, field));
    }
  }
  return tables;
}

function sortedByName(tables: readonly TableSnapshot[]): TableSnapshot[] {
  return [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Sorts tables by name and computes the hash: the one way a snapshot is completed, from the IR or in tests. */
export function withHash(tables: readonly TableSnapshot[]): Snapshot {
  const sorted = sortedByName(tables);
  return { version: SNAPSHOT_VERSION, hash: hashTables(sorted), tables: sorted };
}

/** The hash of the physical content: renamedFrom hints say how to get here, not what is here, so they are left out. */
export function hashTables(tables: readonly TableSnapshot[]): string {
  const content = tables.map(({ renamedFrom: _table, ...table }) => ({
    ...table,
    columns: table.columns.map(({ renamedFrom: _column, ...column }) => column),
  }));
  return sha256(canonicalJson({ version: SNAPSHOT_VERSION, tables: content }));
}

/** The snapshot of a stack with no objects: the state of a database no migration has touched. */
export const EMPTY_SNAPSHOT: Snapshot = withHash([]);

export function serializeSnapshot(snapshot: Snapshot): string {
  return canonicalJson(snapshot);
}

/** Parses snapshot JSON text; throws the Zod error for the caller to turn into a located diagnostic. */
export function parseSnapshot(text: string): Snapshot {
  return SnapshotSchema.parse(JSON.parse(text));
}

function objectTable(ir: StackIR, object: ObjectIR): TableSnapshot {
  const renamedFrom = object.renamedFrom;
  const system = new Map(object.systemFields.map((field) => [field.name, field]));
  const columns: ColumnSnapshot[] = [];
  const id = system.get('id');
  if (id) columns.push(systemColumn(id));
  for (const field of object.fields) {
    if (field.storage === 'column' && field.column !== null) columns.push(fieldColumn(ir, field));
  }
  const declared = new Set(columns.map((column) => column.name));
  for (const field of object.systemFields) if (!declared.has(field.column)) columns.push(systemColumn(field));
  return {
    name: object.table,
    object: object.name,
    field: null,
    columns,
    primaryKey: [id?.column ?? 'id'],
    indexes: objectIndexes(object),
    ...(renamedFrom !== null ? { renamedFrom } : {}),
  };
}

function systemColumn(field: SystemFieldIR): ColumnSnapshot {
  const type = field.kind === 'datetime' ? 'datetime' : 'id';
  return { name: field.column, field: null, type, notNull: field.kind === 'id' || field.notNull };
}

function fieldColumn(ir: StackIR, field: FieldIR): ColumnSnapshot {
  const logical = logicalColumnOf(field);
  const defaultValue = databaseDefaultOf(logical, (field.def as { defaultValue?: unknown }).defaultValue);
  const referenced = field.reference !== null && logical.type === 'id' ? ir.objectsByName.get(field.reference) : undefined;
  return {
    name: field.column ?? field.name,
    field: field.name,
    type: logical.type,
    ...(logical.maxLength !== undefined ? { maxLength: logical.maxLength } : {}),
    ...(logical.precision !== undefined ? { precision: logical.precision, scale: logical.scale ?? 0 } : {}),
    notNull: field.notNull,
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
    ...(logical.options ? { options: [...logical.options] } : {}),
    ...(referenced ? { references: { table: referenced.table, column: 'id', onDelete: deleteBehaviorOf(field) } } : {}),
    ...(field.renamedFrom !== null ? { renamedFrom: field.renamedFrom } : {}),
  };
}

function deleteBehaviorOf(field: FieldIR): DeleteBehavior {
  const behavior = (field.def as { deleteBehavior?: DeleteBehavior }).deleteBehavior;
  return behavior ?? 'set_null';
}

/** Declared indexes plus one unique index per `unique: true` field (unless a declared index already covers it). */
function objectIndexes(object: ObjectIR): IndexSnapshot[] {
  const indexes: IndexSnapshot[] = object.indexes.map((index) => ({
    name: fitIdentifier(index.name),
    columns: [...index.columns],
    unique: index.unique,
  }));
  const covered = new Set(indexes.filter((index) => index.unique).map((index) => index.columns.join('\0')));
  for (const field of object.fields) {
    const unique = (field.def as { unique?: boolean }).unique === true;
    if (!unique || field.storage !== 'column' || field.column === null || covered.has(field.column)) continue;
    indexes.push({ name: uniqueIndexName(object.table, [field.column]), columns: [field.column], unique: true });
  }
  return indexes;
}

function joinTable(ir: StackIR, object: ObjectIR, field: FieldIR): TableSnapshot {
  const name = field.joinTable ?? `${object.table}__${field.name}`;
  const referenced = field.reference !== null ? ir.objectsByName.get(field.reference) : undefined;
  const target: ColumnSnapshot = {
    name: JOIN_TARGET_COLUMN,
    field: null,
    type: 'id',
    notNull: true,
    ...(referenced ? { references: { table: referenced.table, column: 'id', onDelete: 'cascade' as const } } : {}),
  };
  const objectRenamed = object.renamedFrom;
  const oldField = field.renamedFrom ?? field.name;
  const renamedFrom =
    objectRenamed !== null || field.renamedFrom !== null ? `${objectRenamed ?? object.table}__${oldField}` : null;
  return {
    name,
    object: object.name,
    field: field.name,
    columns: [
      {
        name: JOIN_SOURCE_COLUMN,
        field: null,
        type: 'id',
        notNull: true,
        references: { table: object.table, column: 'id', onDelete: 'cascade' },
      },
      target,
    ],
    primaryKey: [JOIN_SOURCE_COLUMN, JOIN_TARGET_COLUMN],
    indexes: [{ name: plainIndexName(name, [JOIN_TARGET_COLUMN]), columns: [JOIN_TARGET_COLUMN], unique: false }],
    ...(renamedFrom !== null ? { renamedFrom } : {}),
  };
}
