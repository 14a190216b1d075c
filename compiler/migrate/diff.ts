import type { ColumnChange, Operation } from './operations.js';
import {
  sameCheck,
  sameReference,
  type PhysicalColumn,
  type PhysicalIndex,
  type PhysicalSchema,
  type PhysicalTable,
} from './physical.js';
import type { RenameHints } from './renames.js';

export interface SchemaDiff {
  /** Dependency-ordered: renames, index drops, table creates (referenced first), column changes, table drops, index adds. */
  readonly operations: readonly Operation[];
  /** The renames performed (a subset of the hints: a hint whose old name is gone, or whose new name exists, is spent). */
  readonly renames: RenameHints;
}

/**
 * The operations that turn `from` into `to`. Every lookup goes through a map keyed by table or column name, so the
 * cost is linear in the size of the two schemas.
 */
export function diffSchemas(from: PhysicalSchema, to: PhysicalSchema, hints: RenameHints): SchemaDiff {
  const phases = new Phases();
  const fromTables = new Map(from.tables.map((table) => [table.name, table]));
  const toNames = new Set(to.tables.map((table) => table.name));
  const tableRenames = new Map<string, string>();
  const columnRenames = new Map<string, Map<string, string>>();

  for (const table of to.tables) {
    const old = hints.tables.get(table.name);
    if (old === undefined || fromTables.has(table.name) || !fromTables.has(old) || toNames.has(old)) continue;
    tableRenames.set(table.name, old);
    phases.renames.push({ kind: 'rename_table', from: old, to: table.name });
  }
  const renamedFrom = applyTableRenames(from.tables, tableRenames);
  const matched = new Map(renamedFrom.map((table) => [table.name, table]));

  const creates: PhysicalTable[] = [];
  for (const target of to.tables) {
    const source = matched.get(target.name);
    if (source === undefined) {
      creates.push(target);
      continue;
    }
    const renames = columnRenamesFor(source, target, hints.columns.get(target.name));
    if (renames.size > 0) columnRenames.set(target.name, renames);
    for (const [newName, oldName] of renames) {
      phases.renames.push({ kind: 'rename_column', table: target.name, from: oldName, to: newName });
    }
    diffTable(applyColumnRenames(source, renames), target, phases);
  }
  phases.creates.push(...dependencyOrder(creates).map((table): Operation => ({ kind: 'create_table', table })));
  const drops = renamedFrom.filter((table) => !toNames.has(table.name));
  phases.tableDrops.push(...dependencyOrder(drops).reverse().map((table): Operation => ({ kind: 'drop_table', table })));
  return { operations: phases.ordered(), renames: { tables: tableRenames, columns: columnRenames } };
}

class Phases {
  readonly renames: Operation[] = [];
  readonly indexDrops: Operation[] = [];
  readonly creates: Operation[] = [];
  readonly columnAdds: Operation[] = [];
  readonly columnAlters: Operation[] = [];
  readonly columnDrops: Operation[] = [];
  readonly tableDrops: Operation[] = [];
  readonly indexAdds: Operation[] = [];

  ordered(): Operation[] {
    return [
      ...this.renames,
      ...this.indexDrops,
      ...this.creates,
      ...this.columnAdds,
      ...this.columnAlters,
      ...this.columnDrops,
      ...this.tableDrops,
      ...this.indexAdds,
    ];
  }
}

function applyTableRenames(tables: readonly PhysicalTable[], renames: ReadonlyMap<string, string>): PhysicalTable[] {
  if (renames.size === 0) return [...tables];
  const newNameOf = new Map([...renames].map(([newName, oldName]) => [oldName, newName]));
  return tables.map((table) => {
    const renamed = newNameOf.has(table.name);
    return {
      ...table,
      name: newNameOf.get(table.name) ?? table.name,
      columns: table.columns.map((column) => {
        const target = column.references ? newNameOf.get(column.references.table) : undefined;
        const moved = target && column.references ? { ...column, references: { ...column.references, table: target } } : column;
        return renamed ? withoutConstraintNames(moved) : moved;
      }),
    };
  });
}

/**
 * A rename renames derived constraint names along (see the PostgreSQL DDL), so later steps of the same plan must
 * use the derived names, not the ones read before the rename.
 */
function withoutConstraintNames(column: PhysicalColumn): PhysicalColumn {
  return {
    ...column,
    check: column.check ? { values: column.check.values } : null,
    references: column.references
      ? { table: column.references.table, column: column.references.column, onDelete: column.references.onDelete }
      : null,
  };
}

function columnRenamesFor(
  source: PhysicalTable,
  target: PhysicalTable,
  hints: ReadonlyMap<string, string> | undefined,
): Map<string, string> {
  const renames = new Map<string, string>();
  if (hints === undefined) return renames;
  const sourceColumns = new Set(source.columns.map((column) => column.name));
  const targetColumns = new Set(target.columns.map((column) => column.name));
  for (const [newName, oldName] of hints) {
    if (sourceColumns.has(newName) || !sourceColumns.has(oldName) || targetColumns.has(oldName)) continue;
    renames.set(newName, oldName);
  }
  return renames;
}

function applyColumnRenames(table: PhysicalTable, renames: ReadonlyMap<string, string>): PhysicalTable {
  if (renames.size === 0) return table;
  const newNameOf = new Map([...renames].map(([newName, oldName]) => [oldName, newName]));
  const rename = (name: string) => newNameOf.get(name) ?? name;
  return {
    ...table,
    columns: table.columns.map((column) =>
      newNameOf.has(column.name) ? withoutConstraintNames({ ...column, name: rename(column.name) }) : column,
    ),
    primaryKey: table.primaryKey.map(rename),
    indexes: table.indexes.map((index) => ({ ...index, columns: index.columns.map(rename) })),
  };
}

function diffTable(source: PhysicalTable, target: PhysicalTable, phases: Phases): void {
  const sourceColumns = new Map(source.columns.map((column) => [column.name, column]));
  const targetNames = new Set(target.columns.map((column) => column.name));
  for (const column of target.columns) {
    const before = sourceColumns.get(column.name);
    if (before === undefined) {
      phases.columnAdds.push({ kind: 'add_column', table: target.name, column });
      continue;
    }
    const changes = columnChanges(before, column);
    if (changes.length > 0) {
      phases.columnAlters.push({ kind: 'alter_column', table: target.name, from: before, to: column, changes });
    }
  }
  for (const column of source.columns) {
    if (!targetNames.has(column.name)) phases.columnDrops.push({ kind: 'drop_column', table: target.name, column });
  }
  diffIndexes(source, target, phases);
}

export function columnChanges(from: PhysicalColumn, to: PhysicalColumn): ColumnChange[] {
  const changes: ColumnChange[] = [];
  if (from.type !== to.type) changes.push('type');
  if (from.notNull !== to.notNull) changes.push('nullability');
  if (from.default !== to.default) changes.push('default');
  if (!sameCheck(from.check, to.check)) changes.push('check');
  if (!sameReference(from.references, to.references)) changes.push('reference');
  return changes;
}

/** Indexes match by name; an unmatched pair with the same columns and uniqueness is a rename (names derive from columns). */
function diffIndexes(source: PhysicalTable, target: PhysicalTable, phases: Phases): void {
  const sourceByName = new Map(source.indexes.map((index) => [index.name, index]));
  const targetNames = new Set(target.indexes.map((index) => index.name));
  const unmatchedSource = new Map<string, PhysicalIndex[]>();
  for (const index of source.indexes) {
    if (targetNames.has(index.name)) continue;
    const key = indexShape(index);
    unmatchedSource.set(key, [...(unmatchedSource.get(key) ?? []), index]);
  }
  for (const index of target.indexes) {
    const before = sourceByName.get(index.name);
    if (before !== undefined) {
      if (before.unique !== index.unique || !sameOrder(before.columns, index.columns)) {
        phases.indexDrops.push({ kind: 'drop_index', table: target.name, index: before });
        phases.indexAdds.push({ kind: 'add_index', table: target.name, index });
      }
      continue;
    }
    const candidate = unmatchedSource.get(indexShape(index))?.shift();
    if (candidate !== undefined) {
      phases.indexAdds.push({ kind: 'rename_index', table: target.name, from: candidate.name, to: index.name });
    } else {
      phases.indexAdds.push({ kind: 'add_index', table: target.name, index });
    }
  }
  for (const remaining of unmatchedSource.values()) {
    for (const index of remaining) phases.indexDrops.push({ kind: 'drop_index', table: target.name, index });
  }
}

function indexShape(index: PhysicalIndex): string {
  return `${index.unique ? 'u' : 'i'}:${index.columns.join('\0')}`;
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Referenced tables before the tables that reference them; cycles keep name order (their keys are added afterwards). */
export function dependencyOrder(tables: readonly PhysicalTable[]): PhysicalTable[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const state = new Map<string, 'visiting' | 'done'>();
  const ordered: PhysicalTable[] = [];
  const visit = (table: PhysicalTable): void => {
    if (state.has(table.name)) return;
    state.set(table.name, 'visiting');
    for (const column of table.columns) {
      const referenced = column.references ? byName.get(column.references.table) : undefined;
      if (referenced !== undefined && referenced !== table) visit(referenced);
    }
    state.set(table.name, 'done');
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) visit(table);
  return ordered;
}
