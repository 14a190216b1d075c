import type { SourceRef } from '../diagnostics/span.js';
import type { PhysicalColumn, PhysicalIndex, PhysicalTable } from './physical.js';

/** What about a column changed; one `alter_column` may carry several. */
export type ColumnChange = 'type' | 'nullability' | 'default' | 'check' | 'reference';

/** One schema change, named with the target's table and column names (renames come first in every plan). */
export type Operation =
  | { readonly kind: 'create_table'; readonly table: PhysicalTable }
  | { readonly kind: 'drop_table'; readonly table: PhysicalTable }
  | { readonly kind: 'rename_table'; readonly from: string; readonly to: string }
  | { readonly kind: 'add_column'; readonly table: string; readonly column: PhysicalColumn }
  | { readonly kind: 'drop_column'; readonly table: string; readonly column: PhysicalColumn }
  | { readonly kind: 'rename_column'; readonly table: string; readonly from: string; readonly to: string }
  | {
      readonly kind: 'alter_column';
      readonly table: string;
      readonly from: PhysicalColumn;
      readonly to: PhysicalColumn;
      readonly changes: readonly ColumnChange[];
    }
  | { readonly kind: 'add_index'; readonly table: string; readonly index: PhysicalIndex }
  | { readonly kind: 'drop_index'; readonly table: string; readonly index: PhysicalIndex }
  | { readonly kind: 'rename_index'; readonly table: string; readonly from: string; readonly to: string };

export type OperationKind = Operation['kind'];

/**
 * - safe: keeps every row and value;
 * - destructive: drops data;
 * - data-dependent: may fail (or lose precision) depending on the rows present;
 * - backward-incompatible: keeps the data but breaks API clients (renames).
 */
export const CLASSIFICATIONS = ['safe', 'backward-incompatible', 'data-dependent', 'destructive'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** An operation with what a reader needs to judge it. */
export interface PlannedOperation {
  readonly operation: Operation;
  readonly classification: Classification;
  /** One line: what changes, e.g. `add column "deal"."amount" numeric(12,2)`. */
  readonly summary: string;
  /** Why it has its classification, e.g. `NOT NULL without a default fails when "deal" has rows`. */
  readonly reason: string;
  readonly object: string | null;
  readonly field: string | null;
  /** The YAML that caused the change; null when the YAML no longer has it (a drop) and no parent is known. */
  readonly location: SourceRef | null;
  /** A query against the database before the change, returning one row with a `count` column of affected rows. */
  readonly probe: string | null;
  /** Filled in when a live database was probed. */
  readonly affectedRows?: number;
}

export function needsPermission(classification: Classification): boolean {
  return classification === 'destructive' || classification === 'data-dependent';
}
