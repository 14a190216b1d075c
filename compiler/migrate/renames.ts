import type { PhysicalSchema } from './physical.js';

/** Old names keyed by new names: what `renamedFrom` declared, or the reverse for a down migration. */
export interface RenameHints {
  readonly tables: ReadonlyMap<string, string>;
  /** Keyed by the table's new name, then the column's new name. */
  readonly columns: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

export const NO_RENAMES: RenameHints = { tables: new Map(), columns: new Map() };

/** The hints a target schema declares through `renamedFrom`. */
export function renameHintsOf(target: PhysicalSchema): RenameHints {
  const tables = new Map<string, string>();
  const columns = new Map<string, Map<string, string>>();
  for (const table of target.tables) {
    if (table.renamedFrom !== undefined) tables.set(table.name, table.renamedFrom);
    for (const column of table.columns) {
      if (column.renamedFrom === undefined) continue;
      const byColumn = columns.get(table.name) ?? new Map<string, string>();
      byColumn.set(column.name, column.renamedFrom);
      columns.set(table.name, byColumn);
    }
  }
  return { tables, columns };
}

/** Only the renames a plan actually performed, turned around: what takes the target back to the source. */
export function invertRenames(applied: RenameHints): RenameHints {
  const tables = new Map<string, string>();
  for (const [to, from] of applied.tables) tables.set(from, to);
  const columns = new Map<string, Map<string, string>>();
  for (const [table, byColumn] of applied.columns) {
    const oldTable = applied.tables.get(table) ?? table;
    columns.set(oldTable, new Map([...byColumn].map(([to, from]) => [from, to])));
  }
  return { tables, columns };
}
