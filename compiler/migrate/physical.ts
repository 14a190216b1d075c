import type { DeleteBehavior } from './snapshot-schema.js';

/**
 * A schema as one dialect spells it: what introspection reads from a live database, and what a snapshot becomes
 * through a dialect's column types. Diffing happens at this level, so a change that is invisible to a dialect
 * (a `maxLength` on SQLite) is no change there.
 */
export interface PhysicalSchema {
  readonly tables: readonly PhysicalTable[];
}

export interface PhysicalTable {
  readonly name: string;
  /** The object (and for a join table, the field) the table stores; absent when read from a database. */
  readonly object?: string;
  readonly field?: string | null;
  readonly renamedFrom?: string;
  readonly columns: readonly PhysicalColumn[];
  readonly primaryKey: readonly string[];
  readonly indexes: readonly PhysicalIndex[];
}

export interface PhysicalColumn {
  readonly name: string;
  /** The field stored in the column; null for system columns, absent when read from a database. */
  readonly field?: string | null;
  readonly renamedFrom?: string;
  /** The dialect's canonical spelling, e.g. `character varying(80)` on PostgreSQL, `NUMERIC(10,2)` on SQLite. */
  readonly type: string;
  readonly notNull: boolean;
  /** The default as a canonical SQL literal (`'open'`, `0`, `true`), or null. */
  readonly default: string | null;
  /** Allowed values as canonical SQL literals (a CHECK … IN (…) constraint), or null. */
  readonly check: PhysicalCheck | null;
  readonly references: PhysicalReference | null;
}

export interface PhysicalCheck {
  readonly values: readonly string[];
  /** Constraint name where the dialect names it (PostgreSQL). */
  readonly name?: string;
}

export interface PhysicalReference {
  readonly table: string;
  readonly column: string;
  readonly onDelete: DeleteBehavior;
  readonly name?: string;
}

export interface PhysicalIndex {
  readonly name: string;
  readonly columns: readonly string[];
  readonly unique: boolean;
}

export function sameValues(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  const sortedB = [...b].sort();
  return [...a].sort().every((value, index) => value === sortedB[index]);
}

export function sameCheck(a: PhysicalCheck | null, b: PhysicalCheck | null): boolean {
  return sameValues(a?.values, b?.values);
}

export function sameReference(a: PhysicalReference | null, b: PhysicalReference | null): boolean {
  if (a === null || b === null) return a === b;
  return a.table === b.table && a.column === b.column && a.onDelete === b.onDelete;
}
