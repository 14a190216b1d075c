import { quoteString } from '../../../../compiler/migrate/dialect.js';
import type { TypeChange } from '../../../../compiler/migrate/dialect.js';
import type { PhysicalColumn, PhysicalTable } from '../../../../compiler/migrate/physical.js';
import type { ColumnSnapshot, TableSnapshot } from '../../../../compiler/migrate/snapshot-schema.js';

/** SQLite keeps declared type names as written; these spellings pick the right affinity and read back unchanged. */
export function sqliteType(column: ColumnSnapshot): string {
  switch (column.type) {
    case 'integer':
    case 'boolean':
      return 'INTEGER';
    case 'decimal':
      return `NUMERIC(${column.precision ?? 18},${column.scale ?? 0})`;
    case 'real':
      return 'REAL';
    default:
      // id, text, date, datetime, time (ISO text) and json (JSON text)
      return 'TEXT';
  }
}

export function sqliteLiteral(value: string | number | boolean): string {
  if (typeof value === 'string') return quoteString(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

const BOOLEAN_VALUES = ['0', '1'];

export function sqlitePhysicalTable(table: TableSnapshot): PhysicalTable {
  return {
    name: table.name,
    object: table.object,
    field: table.field,
    renamedFrom: table.renamedFrom,
    columns: table.columns.map(sqliteColumn),
    primaryKey: table.primaryKey,
    indexes: table.indexes,
  };
}

/** One object shape for every column (no conditional spreads), which keeps large snapshots fast to map. */
function sqliteColumn(column: ColumnSnapshot): PhysicalColumn {
  const values = column.type === 'boolean' ? BOOLEAN_VALUES : column.options?.map(quoteString);
  return {
    name: column.name,
    field: column.field,
    renamedFrom: column.renamedFrom,
    type: sqliteType(column),
    notNull: column.notNull,
    default: column.default !== undefined ? sqliteLiteral(column.default) : null,
    check: values !== undefined ? { values } : null,
    references: column.references ?? null,
  };
}

/** Canonical spelling of a declared type, as introspection reports it. */
export function canonicalSqliteType(declared: string): string {
  return declared.toUpperCase().replace(/\s+/g, '');
}

const NUMERIC = /^NUMERIC\((\d+),(\d+)\)$/;

/** Affinity order: INTEGER values fit REAL and NUMERIC, every value fits TEXT; decimals widen when no digit is lost. */
export function sqliteTypeChange(from: string, to: string): TypeChange {
  if (to === 'TEXT') return 'widen';
  if (from === 'INTEGER' && (to === 'REAL' || NUMERIC.test(to))) return 'widen';
  const a = NUMERIC.exec(from);
  const b = NUMERIC.exec(to);
  if (a && b) {
    const [precisionA, scaleA] = [Number(a[1]), Number(a[2])];
    const [precisionB, scaleB] = [Number(b[1]), Number(b[2])];
    if (scaleB >= scaleA && precisionB - scaleB >= precisionA - scaleA) return 'widen';
  }
  return 'convert';
}
