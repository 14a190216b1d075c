import { quoteIdentifier as q } from '../../../../compiler/migrate/dialect.js';
import type { Operation, PlannedOperation } from '../../../../compiler/migrate/operations.js';
import type { PhysicalColumn, PhysicalIndex, PhysicalSchema, PhysicalTable } from '../../../../compiler/migrate/physical.js';

const ON_DELETE = { set_null: 'SET NULL', cascade: 'CASCADE', restrict: 'RESTRICT' } as const;

export function sqliteColumnDefinition(column: PhysicalColumn, inlinePrimaryKey: boolean): string {
  const parts = [q(column.name), column.type];
  if (column.notNull) parts.push('NOT NULL');
  if (inlinePrimaryKey) parts.push('PRIMARY KEY');
  if (column.default !== null) parts.push(`DEFAULT ${column.default}`);
  if (column.check !== null) parts.push(`CHECK (${q(column.name)} IN (${column.check.values.join(', ')}))`);
  if (column.references !== null) {
    const { table, column: target, onDelete } = column.references;
    parts.push(`REFERENCES ${q(table)} (${q(target)}) ON DELETE ${ON_DELETE[onDelete]}`);
  }
  return parts.join(' ');
}

export function sqliteCreateTable(table: PhysicalTable, name = table.name): string {
  const single = table.primaryKey.length === 1 ? table.primaryKey[0] : undefined;
  const lines = table.columns.map((column) => sqliteColumnDefinition(column, column.name === single));
  if (single === undefined) lines.push(`PRIMARY KEY (${table.primaryKey.map(q).join(', ')})`);
  return `CREATE TABLE ${q(name)} (\n  ${lines.join(',\n  ')}\n)`;
}

export function sqliteCreateIndex(table: string, index: PhysicalIndex): string {
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${q(index.name)} ON ${q(table)} (${index.columns.map(q).join(', ')})`;
}

/**
 * SQLite's ALTER TABLE adds, drops and renames columns; every other change (type, NOT NULL, default, CHECK,
 * foreign key, and adds or drops ALTER refuses) goes through the documented rebuild: create the new table, copy the
 * rows, drop the old one, rename, recreate the indexes (https://www.sqlite.org/lang_altertable.html#otheralter).
 * The runner turns foreign keys off around the transaction and runs `PRAGMA foreign_key_check` before committing.
 */
export function renderSqlite(operations: readonly PlannedOperation[], _from: PhysicalSchema, to: PhysicalSchema): string[] {
  const targets = new Map(to.tables.map((table) => [table.name, table]));
  const rebuilt = tablesToRebuild(operations.map((planned) => planned.operation));
  const added = new Map<string, Set<string>>();
  for (const { operation } of operations) {
    if (operation.kind === 'add_column') {
      added.set(operation.table, (added.get(operation.table) ?? new Set()).add(operation.column.name));
    }
  }
  const done = new Set<string>();
  const statements: string[] = [];
  for (const { operation } of operations) {
    const table = 'table' in operation && typeof operation.table === 'string' ? operation.table : null;
    if (table !== null && rebuilt.has(table)) {
      if (operation.kind === 'rename_column') statements.push(renameColumn(table, operation.from, operation.to));
      else if (!done.has(table)) {
        const target = targets.get(table);
        if (target === undefined) throw new Error(`table ${table} is missing from the target schema`);
        statements.push(...rebuild(target, added.get(table) ?? new Set()));
        done.add(table);
      }
      continue;
    }
    statements.push(...renderOperation(operation, targets));
  }
  return statements;
}

function renameColumn(table: string, from: string, to: string): string {
  return `ALTER TABLE ${q(table)} RENAME COLUMN ${q(from)} TO ${q(to)}`;
}

function tablesToRebuild(operations: readonly Operation[]): Set<string> {
  const tables = new Set<string>();
  for (const operation of operations) {
    if (operation.kind === 'alter_column') tables.add(operation.table);
    if (operation.kind === 'add_column' && !alterCanAdd(operation.column)) tables.add(operation.table);
    if (operation.kind === 'drop_column' && !alterCanDrop(operation.column)) tables.add(operation.table);
  }
  return tables;
}

/** ADD COLUMN refuses NOT NULL without a default (and a foreign key with a non-NULL default). */
function alterCanAdd(column: PhysicalColumn): boolean {
  if (column.notNull && column.default === null) return false;
  return column.references === null || column.default === null;
}

/** DROP COLUMN refuses columns in a CHECK or a foreign key (indexes on the column are dropped first). */
function alterCanDrop(column: PhysicalColumn): boolean {
  return column.check === null && column.references === null;
}

function rebuild(target: PhysicalTable, added: ReadonlySet<string>): string[] {
  const temporary = `__objectstack_new_${target.name}`;
  const copied = target.columns.filter((column) => !added.has(column.name)).map((column) => q(column.name));
  return [
    sqliteCreateTable(target, temporary),
    `INSERT INTO ${q(temporary)} (${copied.join(', ')}) SELECT ${copied.join(', ')} FROM ${q(target.name)}`,
    `DROP TABLE ${q(target.name)}`,
    `ALTER TABLE ${q(temporary)} RENAME TO ${q(target.name)}`,
    ...target.indexes.map((index) => sqliteCreateIndex(target.name, index)),
  ];
}

function renderOperation(operation: Operation, targets: ReadonlyMap<string, PhysicalTable>): string[] {
  switch (operation.kind) {
    case 'create_table':
      return [
        sqliteCreateTable(operation.table),
        ...operation.table.indexes.map((index) => sqliteCreateIndex(operation.table.name, index)),
      ];
    case 'drop_table':
      return [`DROP TABLE ${q(operation.table.name)}`];
    case 'rename_table':
      return [`ALTER TABLE ${q(operation.from)} RENAME TO ${q(operation.to)}`];
    case 'add_column':
      return [`ALTER TABLE ${q(operation.table)} ADD COLUMN ${sqliteColumnDefinition(operation.column, false)}`];
    case 'drop_column':
      return [`ALTER TABLE ${q(operation.table)} DROP COLUMN ${q(operation.column.name)}`];
    case 'rename_column':
      return [renameColumn(operation.table, operation.from, operation.to)];
    case 'alter_column':
      throw new Error('alter_column is always rendered as a table rebuild on SQLite');
    case 'add_index':
      return [sqliteCreateIndex(operation.table, operation.index)];
    case 'drop_index':
      return [`DROP INDEX ${q(operation.index.name)}`];
    case 'rename_index': {
      // SQLite cannot rename an index: drop it and create it under the new name.
      const index = targets.get(operation.table)?.indexes.find((candidate) => candidate.name === operation.to);
      if (index === undefined) throw new Error(`index ${operation.to} is missing from the target schema`);
      return [`DROP INDEX ${q(operation.from)}`, sqliteCreateIndex(operation.table, index)];
    }
  }
}
