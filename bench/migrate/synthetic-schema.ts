import { plainIndexName } from '../../compiler/migrate/identifiers.js';
import { withHash, type ColumnSnapshot, type Snapshot, type TableSnapshot } from '../../compiler/migrate/snapshot.js';

/** The shape: 1,000 objects × 20 fields. */
export const SHAPE = { tables: 1000, columns: 20 } as const;

function tableName(index: number): string {
  return `object_${String(index).padStart(4, '0')}`;
}

/** Column `c` of table `t`: a fixed mix of types, one reference to an earlier table, options every fifth column. */
function column(t: number, c: number): ColumnSnapshot {
  const name = `field_${String(c).padStart(2, '0')}`;
  switch (c % 5) {
    case 0:
      return { name, field: name, type: 'text', maxLength: 80 + c, notNull: false };
    case 1:
      return { name, field: name, type: 'decimal', precision: 12, scale: 2, notNull: false };
    case 2:
      return t > 0 && c === 2
        ? { name, field: name, type: 'id', notNull: false, references: { table: tableName(t - 1), column: 'id', onDelete: 'set_null' } }
        : { name, field: name, type: 'boolean', notNull: false, default: false };
    case 3:
      return { name, field: name, type: 'text', notNull: false, options: ['new', 'open', 'done'], default: 'new' };
    default:
      return { name, field: name, type: 'datetime', notNull: false };
  }
}

function table(t: number): TableSnapshot {
  const name = tableName(t);
  const columns: ColumnSnapshot[] = [{ name: 'id', field: null, type: 'id', notNull: true }];
  for (let c = 0; c < SHAPE.columns; c++) columns.push(column(t, c));
  columns.push({ name: 'created_at', field: null, type: 'datetime', notNull: true }, { name: 'updated_at', field: null, type: 'datetime', notNull: true });
  return { name, object: name, field: null, columns, primaryKey: ['id'], indexes: [{ name: plainIndexName(name, ['field_00']), columns: ['field_00'], unique: false }] };
}

export function baseSchema(): Snapshot {
  return withHash(Array.from({ length: SHAPE.tables }, (_, t) => table(t)));
}

/**
 * The base schema changed in `count` places spread over the tables, cycling through the kinds of change a diff
 * meets: add, drop, rename (declared), widen, NOT NULL, a removed option, a new unique index, a new table.
 */
export function changedSchema(base: Snapshot, count: number): Snapshot {
  const tables = base.tables.map((t) => ({ ...t, columns: [...t.columns], indexes: [...t.indexes] }));
  for (let change = 0; change < count; change++) {
    const target = tables[(change * 97) % tables.length];
    if (target === undefined) continue;
    const at = 1 + (change % SHAPE.columns);
    const existing = target.columns[at];
    switch (change % 8) {
      case 0:
        target.columns.push({ name: `added_${change}`, field: `added_${change}`, type: 'text', notNull: false });
        break;
      case 1:
        target.columns.splice(at, 1);
        break;
      case 2:
        if (existing) target.columns[at] = { ...existing, name: `${existing.name}_renamed`, field: `${existing.name}_renamed`, renamedFrom: existing.name };
        break;
      case 3:
        if (existing) target.columns[at] = { ...existing, type: 'text', maxLength: 500, options: undefined, default: undefined, references: undefined };
        break;
      case 4:
        if (existing) target.columns[at] = { ...existing, notNull: true };
        break;
      case 5:
        target.columns = target.columns.map((c) => (c.options ? { ...c, options: c.options.slice(0, 2) } : c));
        break;
      case 6:
        target.indexes.push({ name: `uniq_${target.name}_${change}`, columns: ['field_01'], unique: true });
        break;
      default:
        tables.push({ ...table(0), name: `new_object_${change}`, object: `new_object_${change}`, indexes: [] });
    }
  }
  return withHash(tables);
}
