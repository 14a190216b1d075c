import { quoteIdentifier as q } from '../../../../compiler/migrate/dialect.js';
import type { Operation, PlannedOperation } from '../../../../compiler/migrate/operations.js';
import type { PhysicalColumn, PhysicalIndex, PhysicalSchema, PhysicalTable } from '../../../../compiler/migrate/physical.js';
import { checkName, foreignKeyName } from './column-types.js';

const ON_DELETE = { set_null: 'SET NULL', cascade: 'CASCADE', restrict: 'RESTRICT' } as const;

/** DDL is transactional on PostgreSQL, so every change is a plain ALTER; the runner wraps the plan in one transaction. */
export function renderPostgres(operations: readonly PlannedOperation[], from: PhysicalSchema, _to: PhysicalSchema): string[] {
  const existing = new Set(from.tables.map((table) => table.name));
  const sourceTables = new Map(from.tables.map((table) => [table.name, table]));
  const renamedTables = new Map<string, string>();
  for (const { operation } of operations) if (operation.kind === 'rename_table') renamedTables.set(operation.to, operation.from);
  const statements: string[] = [];
  // Foreign keys to a table created later in the plan (a cycle) are added once every table exists.
  const deferred: string[] = [];
  const lastCreate = lastIndexOf(operations, 'create_table');
  operations.forEach(({ operation }, position) => {
    if (operation.kind === 'create_table') {
      statements.push(...createTable(operation.table, existing, deferred));
      existing.add(operation.table.name);
    } else {
      statements.push(...renderOperation(operation, sourceTables, renamedTables));
    }
    if (position === lastCreate) statements.push(...deferred.splice(0));
  });
  return statements;
}

function lastIndexOf(operations: readonly PlannedOperation[], kind: Operation['kind']): number {
  for (let index = operations.length - 1; index >= 0; index--) if (operations[index]?.operation.kind === kind) return index;
  return -1;
}

function columnDefinition(table: string, column: PhysicalColumn, withReference: boolean): string {
  const parts = [q(column.name), column.type];
  if (column.notNull) parts.push('NOT NULL');
  if (column.default !== null) parts.push(`DEFAULT ${column.default}`);
  if (column.check !== null) parts.push(`CONSTRAINT ${q(column.check.name ?? checkName(table, column.name))} ${checkClause(column)}`);
  if (withReference && column.references !== null) {
    parts.push(`CONSTRAINT ${q(column.references.name ?? foreignKeyName(table, column.name))} ${referencesClause(column)}`);
  }
  return parts.join(' ');
}

function checkClause(column: PhysicalColumn): string {
  return `CHECK (${q(column.name)} IN (${column.check?.values.join(', ') ?? ''}))`;
}

function referencesClause(column: PhysicalColumn): string {
  const reference = column.references;
  if (reference === null) return '';
  return `REFERENCES ${q(reference.table)} (${q(reference.column)}) ON DELETE ${ON_DELETE[reference.onDelete]}`;
}

function addForeignKey(table: string, column: PhysicalColumn): string {
  const name = column.references?.name ?? foreignKeyName(table, column.name);
  return `ALTER TABLE ${q(table)} ADD CONSTRAINT ${q(name)} FOREIGN KEY (${q(column.name)}) ${referencesClause(column)}`;
}

function createTable(table: PhysicalTable, existing: ReadonlySet<string>, deferred: string[]): string[] {
  const lines: string[] = [];
  for (const column of table.columns) {
    const target = column.references?.table;
    const inline = target === undefined || target === table.name || existing.has(target);
    lines.push(columnDefinition(table.name, column, inline));
    if (!inline) deferred.push(addForeignKey(table.name, column));
  }
  lines.push(`PRIMARY KEY (${table.primaryKey.map(q).join(', ')})`);
  return [`CREATE TABLE ${q(table.name)} (\n  ${lines.join(',\n  ')}\n)`, ...table.indexes.map((index) => createIndex(table.name, index))];
}

function createIndex(table: string, index: PhysicalIndex): string {
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${q(index.name)} ON ${q(table)} (${index.columns.map(q).join(', ')})`;
}

function renderOperation(
  operation: Operation,
  sources: ReadonlyMap<string, PhysicalTable>,
  renamedTables: ReadonlyMap<string, string>,
): string[] {
  switch (operation.kind) {
    case 'create_table':
      return [];
    case 'drop_table':
      return [`DROP TABLE ${q(operation.table.name)}`];
    case 'rename_table':
      return [
        `ALTER TABLE ${q(operation.from)} RENAME TO ${q(operation.to)}`,
        ...renameConstraints(operation.to, sources.get(operation.from)?.columns ?? [], operation.from, operation.to, (c) => c),
      ];
    case 'rename_column': {
      const oldTable = renamedTables.get(operation.table);
      const source = sources.get(oldTable ?? operation.table)?.columns.find((column) => column.name === operation.from);
      // After a table rename in the same plan, its constraints already carry names derived from the new table name.
      const current = source && oldTable !== undefined ? withDerivedNames(operation.table, source) : source;
      return [
        `ALTER TABLE ${q(operation.table)} RENAME COLUMN ${q(operation.from)} TO ${q(operation.to)}`,
        ...renameConstraints(operation.table, current ? [current] : [], operation.table, operation.table, () => operation.to),
      ];
    }
    case 'add_column':
      return [`ALTER TABLE ${q(operation.table)} ADD COLUMN ${columnDefinition(operation.table, operation.column, true)}`];
    case 'drop_column':
      return [`ALTER TABLE ${q(operation.table)} DROP COLUMN ${q(operation.column.name)}`];
    case 'alter_column':
      return alterColumn(operation);
    case 'add_index':
      return [createIndex(operation.table, operation.index)];
    case 'drop_index':
      return [`DROP INDEX ${q(operation.index.name)}`];
    case 'rename_index':
      return [`ALTER INDEX ${q(operation.from)} RENAME TO ${q(operation.to)}`];
  }
}

/**
 * Constraint names derive from table and column names; renaming them along keeps a later plan built from a
 * snapshot (which only knows derived names) able to drop them.
 */
function renameConstraints(
  table: string,
  columns: readonly PhysicalColumn[],
  oldTable: string,
  newTable: string,
  newColumn: (column: string) => string,
): string[] {
  const statements: string[] = [];
  for (const column of columns) {
    const pairs: [string | undefined, string][] = [];
    if (column.references) pairs.push([column.references.name ?? foreignKeyName(oldTable, column.name), foreignKeyName(newTable, newColumn(column.name))]);
    if (column.check) pairs.push([column.check.name ?? checkName(oldTable, column.name), checkName(newTable, newColumn(column.name))]);
    for (const [from, to] of pairs) {
      if (from !== undefined && from !== to) statements.push(`ALTER TABLE ${q(table)} RENAME CONSTRAINT ${q(from)} TO ${q(to)}`);
    }
  }
  return statements;
}

function withDerivedNames(table: string, column: PhysicalColumn): PhysicalColumn {
  return {
    ...column,
    check: column.check ? { values: column.check.values, name: checkName(table, column.name) } : null,
    references: column.references ? { ...column.references, name: foreignKeyName(table, column.name) } : null,
  };
}

const TEXT_FAMILY = /^(text|character varying)/;
const NUMERIC_FAMILY = /^(bigint|numeric|double precision)/;
const DIRECT_TEMPORAL = new Set(['date>timestamp with time zone', 'timestamp with time zone>date', 'timestamp with time zone>time without time zone']);

/**
 * PostgreSQL has no cast between some types (numeric → date, boolean → bigint); every type converts to and from
 * text, so those go through text and fail only on values that do not convert.
 */
function castExpression(column: string, from: string, to: string): string {
  const direct =
    TEXT_FAMILY.test(from) ||
    TEXT_FAMILY.test(to) ||
    (NUMERIC_FAMILY.test(from) && NUMERIC_FAMILY.test(to)) ||
    DIRECT_TEMPORAL.has(`${from}>${to}`);
  return direct ? `${column}::${to}` : `${column}::text::${to}`;
}

function alterColumn(operation: Extract<Operation, { kind: 'alter_column' }>): string[] {
  const { table, from, to, changes } = operation;
  const alter = `ALTER TABLE ${q(table)}`;
  const column = q(to.name);
  const statements: string[] = [];
  const changed = new Set(changes);
  if ((changed.has('reference') || changed.has('type')) && from.references) {
    statements.push(`${alter} DROP CONSTRAINT ${q(from.references.name ?? foreignKeyName(table, from.name))}`);
  }
  if ((changed.has('check') || changed.has('type')) && from.check) {
    statements.push(`${alter} DROP CONSTRAINT ${q(from.check.name ?? checkName(table, from.name))}`);
  }
  if (changed.has('type')) {
    if (from.default !== null) statements.push(`${alter} ALTER COLUMN ${column} DROP DEFAULT`);
    statements.push(`${alter} ALTER COLUMN ${column} TYPE ${to.type} USING ${castExpression(column, from.type, to.type)}`);
  }
  if (changed.has('nullability')) statements.push(`${alter} ALTER COLUMN ${column} ${to.notNull ? 'SET' : 'DROP'} NOT NULL`);
  if (changed.has('default') || (changed.has('type') && from.default !== null)) {
    statements.push(to.default === null ? `${alter} ALTER COLUMN ${column} DROP DEFAULT` : `${alter} ALTER COLUMN ${column} SET DEFAULT ${to.default}`);
  }
  if ((changed.has('check') || changed.has('type')) && to.check) {
    statements.push(`${alter} ADD CONSTRAINT ${q(to.check.name ?? checkName(table, to.name))} ${checkClause(to)}`);
  }
  if ((changed.has('reference') || changed.has('type')) && to.references) statements.push(addForeignKey(table, to));
  return statements;
}
