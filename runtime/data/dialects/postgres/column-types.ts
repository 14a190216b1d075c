import { quoteString } from '../../../../compiler/migrate/dialect.js';
import type { TypeChange } from '../../../../compiler/migrate/dialect.js';
import { fitIdentifier } from '../../../../compiler/migrate/identifiers.js';
import type { PhysicalColumn, PhysicalTable } from '../../../../compiler/migrate/physical.js';
import type { ColumnSnapshot, TableSnapshot } from '../../../../compiler/migrate/snapshot-schema.js';

/** Types spelled as `format_type()` reports them, so a snapshot and an introspected database compare as text. */
export function postgresType(column: ColumnSnapshot): string {
  switch (column.type) {
    case 'id':
      return 'text';
    case 'text':
      return column.maxLength !== undefined ? `character varying(${column.maxLength})` : 'text';
    case 'integer':
      return 'bigint';
    case 'decimal':
      return `numeric(${column.precision ?? 18},${column.scale ?? 0})`;
    case 'real':
      return 'double precision';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'timestamp with time zone';
    case 'time':
      return 'time without time zone';
    case 'json':
      return 'jsonb';
  }
}

export function postgresLiteral(value: string | number | boolean): string {
  if (typeof value === 'string') return quoteString(value);
  return String(value);
}

export function foreignKeyName(table: string, column: string): string {
  return fitIdentifier(`fk_${table}_${column}`);
}

export function checkName(table: string, column: string): string {
  return fitIdentifier(`ck_${table}_${column}`);
}

export function postgresPhysicalTable(table: TableSnapshot): PhysicalTable {
  return {
    name: table.name,
    object: table.object,
    field: table.field,
    renamedFrom: table.renamedFrom,
    columns: table.columns.map((column) => postgresColumn(table.name, column)),
    primaryKey: table.primaryKey,
    indexes: table.indexes,
  };
}

/** One object shape for every column (no conditional spreads): a 20,000-column snapshot maps in a few milliseconds. */
function postgresColumn(table: string, column: ColumnSnapshot): PhysicalColumn {
  const reference = column.references;
  return {
    name: column.name,
    field: column.field,
    renamedFrom: column.renamedFrom,
    type: postgresType(column),
    notNull: column.notNull,
    default: column.default !== undefined ? postgresLiteral(column.default) : null,
    check: column.options ? { values: column.options.map(quoteString), name: checkName(table, column.name) } : null,
    references: reference
      ? { table: reference.table, column: reference.column, onDelete: reference.onDelete, name: foreignKeyName(table, column.name) }
      : null,
  };
}

const VARCHAR = /^character varying\((\d+)\)$/;
const NUMERIC = /^numeric\((\d+),(\d+)\)$/;

/** Conversions PostgreSQL performs without losing a value; every other change converts (and may fail). */
export function postgresTypeChange(from: string, to: string): TypeChange {
  if (to === 'text' && from !== 'jsonb') return 'widen';
  const lengthFrom = VARCHAR.exec(from);
  const lengthTo = VARCHAR.exec(to);
  if ((lengthFrom || from === 'text') && lengthTo) return lengthFrom && Number(lengthTo[1]) >= Number(lengthFrom[1]) ? 'widen' : 'convert';
  const a = NUMERIC.exec(from);
  const b = NUMERIC.exec(to);
  if (a && b) {
    const [precisionA, scaleA] = [Number(a[1]), Number(a[2])];
    const [precisionB, scaleB] = [Number(b[1]), Number(b[2])];
    return scaleB >= scaleA && precisionB - scaleB >= precisionA - scaleA ? 'widen' : 'convert';
  }
  if (from === 'bigint' && (to === 'double precision' || (b && Number(b[1]) - Number(b[2]) >= 19))) return 'widen';
  if (from === 'date' && to === 'timestamp with time zone') return 'widen';
  return 'convert';
}
