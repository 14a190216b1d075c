import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../diagnostics/span.js';
import { judge } from './classify.js';
import type { Dialect } from './dialect.js';
import { diffSchemas } from './diff.js';
import { NO_LOCATIONS, type SchemaLocations } from './locations.js';
import type { Classification, Operation, PlannedOperation } from './operations.js';
import type { PhysicalColumn, PhysicalSchema, PhysicalTable } from './physical.js';
import { renameHintsOf, type RenameHints } from './renames.js';
import { renameSuggestions } from './rename-suggestions.js';

export interface PlanInput {
  readonly from: PhysicalSchema;
  readonly to: PhysicalSchema;
  readonly dialect: Dialect;
  /** Defaults to the `renamedFrom` hints of `to`. */
  readonly renames?: RenameHints;
  readonly locations?: SchemaLocations;
}

export interface MigrationPlan {
  readonly dialect: Dialect['name'];
  readonly operations: readonly PlannedOperation[];
  /** The SQL of the plan, one statement per entry, without transaction control. */
  readonly statements: readonly string[];
  /** The renames performed, to build the reverse plan. */
  readonly renames: RenameHints;
  /** Rename suggestions and stale hints. */
  readonly diagnostics: readonly PendingDiagnostic[];
}

/** diff → classify → locate → render: everything `objectstack diff` shows, without touching a database. */
export function planMigration(input: PlanInput): MigrationPlan {
  const locations = input.locations ?? NO_LOCATIONS;
  const hints = input.renames ?? renameHintsOf(input.to);
  const diff = diffSchemas(input.from, input.to, hints);
  const owners = new TableOwners(input.from, input.to);
  const operations = diff.operations.map((operation): PlannedOperation => {
    const judgement = judge(operation, input.dialect, diff.renames);
    const { object, field } = owners.of(operation);
    return { operation, ...judgement, object, field, location: locate(operation, object, field, locations) };
  });
  return {
    dialect: input.dialect.name,
    operations,
    statements: input.dialect.render(operations, input.from, input.to),
    renames: diff.renames,
    diagnostics: renameSuggestions(diff.operations, input.to, diff.renames, hints, owners, locations),
  };
}

/** Maps tables and columns back to the object and field that declare them (or their own names when read from a database). */
export class TableOwners {
  private readonly tables = new Map<string, PhysicalTable>();

  constructor(from: PhysicalSchema, to: PhysicalSchema) {
    for (const table of from.tables) this.tables.set(table.name, table);
    for (const table of to.tables) this.tables.set(table.name, table);
  }

  objectOf(table: string): string {
    return this.tables.get(table)?.object ?? table;
  }

  fieldOf(column: PhysicalColumn): string {
    return column.field ?? column.name;
  }

  of(operation: Operation): { object: string; field: string | null } {
    switch (operation.kind) {
      case 'create_table':
      case 'drop_table':
        return { object: operation.table.object ?? operation.table.name, field: operation.table.field ?? null };
      case 'rename_table':
        return { object: this.objectOf(operation.to), field: this.tables.get(operation.to)?.field ?? null };
      case 'add_column':
      case 'drop_column':
        return { object: this.objectOf(operation.table), field: this.fieldOf(operation.column) };
      case 'alter_column':
        return { object: this.objectOf(operation.table), field: this.fieldOf(operation.to) };
      case 'rename_column':
        return { object: this.objectOf(operation.table), field: this.fieldNamed(operation.table, operation.to) };
      case 'add_index':
      case 'drop_index':
      case 'rename_index':
        return { object: this.objectOf(operation.table), field: null };
    }
  }

  private fieldNamed(table: string, column: string): string {
    return this.tables.get(table)?.columns.find((candidate) => candidate.name === column)?.field ?? column;
  }
}

function locate(operation: Operation, object: string, field: string | null, locations: SchemaLocations): SourceRef | null {
  if (operation.kind === 'rename_column' && field !== null) {
    return locations.renamedFrom(object, field) ?? locations.object(object);
  }
  const dropped = operation.kind === 'drop_column' || operation.kind === 'drop_table';
  if (field !== null && !dropped) return locations.field(object, field) ?? locations.object(object);
  return locations.object(object);
}

export function worstClassification(operations: readonly PlannedOperation[]): Classification | null {
  const order: Classification[] = ['safe', 'backward-incompatible', 'data-dependent', 'destructive'];
  let worst = -1;
  for (const planned of operations) worst = Math.max(worst, order.indexOf(planned.classification));
  return order[worst] ?? null;
}
