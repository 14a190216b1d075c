import { withHash } from '../../../compiler/migrate/snapshot.js';
import type { ColumnSnapshot, Snapshot, TableSnapshot } from '../../../compiler/migrate/snapshot.js';

/** Snapshot tables written by hand: the exact input of the planner, without going through YAML. */
export function column(name: string, type: ColumnSnapshot['type'], extra: Partial<ColumnSnapshot> = {}): ColumnSnapshot {
  return { name, field: name, type, notNull: false, ...extra };
}

const SYSTEM: ColumnSnapshot[] = [
  { name: 'id', field: null, type: 'id', notNull: true },
  { name: 'created_at', field: null, type: 'datetime', notNull: false },
];

export function table(name: string, columns: ColumnSnapshot[], extra: Partial<TableSnapshot> = {}): TableSnapshot {
  return {
    name,
    object: name,
    field: null,
    columns: [SYSTEM[0] as ColumnSnapshot, ...columns, ...SYSTEM.slice(1)],
    primaryKey: ['id'],
    indexes: [],
    ...extra,
  };
}

export function snapshot(...tables: TableSnapshot[]): Snapshot {
  return withHash(tables);
}
