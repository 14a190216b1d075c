import type { PlannedOperation } from './operations.js';
import type { PhysicalSchema, PhysicalTable } from './physical.js';
import type { Snapshot, TableSnapshot } from './snapshot-schema.js';

export const DIALECT_NAMES = ['sqlite', 'postgres'] as const;
export type DialectName = (typeof DIALECT_NAMES)[number];

/** How a type change affects stored values. */
export type TypeChange = 'widen' | 'convert';

/**
 * Everything the planner needs from one database: column types, DDL, identifier quoting. Each dialect lives in
 * `runtime/data/dialects/<name>/`; adding one means adding a folder and an entry in `dialects.ts`.
 */
export interface Dialect {
  readonly name: DialectName;
  /** The table a snapshot table becomes in this dialect (types, checks, defaults spelled the dialect's way). */
  physicalTable(table: TableSnapshot): PhysicalTable;
  /** Whether changing `from` to `to` keeps every value (widen) or converts them (may fail or lose precision). */
  typeChange(from: string, to: string): TypeChange;
  /** The SQL statements of a plan, in order, without transaction control (the runner owns that). */
  render(operations: readonly PlannedOperation[], from: PhysicalSchema, to: PhysicalSchema): string[];
}

export function physicalSchemaOf(snapshot: Snapshot, dialect: Dialect): PhysicalSchema {
  return { tables: snapshot.tables.map((table) => dialect.physicalTable(table)) };
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
