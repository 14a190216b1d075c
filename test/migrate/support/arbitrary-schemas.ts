import fc from 'fast-check';
import { plainIndexName, uniqueIndexName } from '../../../compiler/migrate/identifiers.js';
import { withHash, type ColumnSnapshot, type Snapshot, type TableSnapshot } from '../../../compiler/migrate/snapshot.js';

const TABLES = ['alpha', 'beta', 'gamma'];
const COLUMNS = ['c1', 'c2', 'c3', 'c4', 'c5'];
const KINDS = ['text', 'varchar', 'integer', 'decimal', 'real', 'boolean', 'date', 'datetime', 'time', 'json', 'select', 'reference'] as const;

function columnArbitrary(name: string, tables: readonly string[]): fc.Arbitrary<ColumnSnapshot> {
  return fc
    .record({
      kind: fc.constantFrom(...KINDS),
      notNull: fc.boolean(),
      withDefault: fc.boolean(),
      maxLength: fc.integer({ min: 5, max: 300 }),
      precision: fc.integer({ min: 4, max: 20 }),
      scale: fc.integer({ min: 0, max: 3 }),
      options: fc.subarray(['a', 'b', 'c', 'd'], { minLength: 1 }),
      table: fc.constantFrom(...tables),
      onDelete: fc.constantFrom('set_null', 'cascade', 'restrict') as fc.Arbitrary<'set_null' | 'cascade' | 'restrict'>,
    })
    .map((c): ColumnSnapshot => {
      const base = { name, field: name, notNull: c.notNull };
      switch (c.kind) {
        case 'varchar':
          return { ...base, type: 'text', maxLength: c.maxLength, ...(c.withDefault ? { default: 'x' } : {}) };
        case 'text':
          return { ...base, type: 'text', ...(c.withDefault ? { default: "it's" } : {}) };
        case 'select':
          return { ...base, type: 'text', options: c.options, ...(c.withDefault ? { default: c.options[0] } : {}) };
        case 'integer':
          return { ...base, type: 'integer', ...(c.withDefault ? { default: -7 } : {}) };
        case 'decimal':
          return { ...base, type: 'decimal', precision: c.precision, scale: c.scale, ...(c.withDefault ? { default: 1.5 } : {}) };
        case 'real':
          return { ...base, type: 'real', ...(c.withDefault ? { default: 2.25 } : {}) };
        case 'boolean':
          return { ...base, type: 'boolean', ...(c.withDefault ? { default: true } : {}) };
        case 'reference':
          return { ...base, type: 'id', references: { table: c.table, column: 'id', onDelete: c.notNull && c.onDelete === 'set_null' ? 'cascade' : c.onDelete } };
        default:
          return { ...base, type: c.kind };
      }
    });
}

function tableArbitrary(name: string, tables: readonly string[]): fc.Arbitrary<TableSnapshot> {
  return fc
    .subarray(COLUMNS)
    .chain((names) => fc.tuple(fc.tuple(...names.map((column) => columnArbitrary(column, tables))), fc.subarray(names, { maxLength: Math.min(2, names.length) }), fc.boolean()))
    .map(([columns, indexed, unique]): TableSnapshot => ({
      name,
      object: name,
      field: null,
      columns: [{ name: 'id', field: null, type: 'id', notNull: true }, ...columns],
      primaryKey: ['id'],
      indexes: indexed.length === 0 ? [] : [{ name: (unique ? uniqueIndexName : plainIndexName)(name, indexed), columns: indexed, unique }],
    }));
}

export const schemaArbitrary: fc.Arbitrary<Snapshot> = fc
  .subarray(TABLES, { minLength: 1 })
  .chain((tables) => fc.tuple(...tables.map((table) => tableArbitrary(table, tables))))
  .map((tables) => withHash(tables));

/**
 * Two schemas over the same name pools (so they overlap), the target declaring `renamedFrom` for one added column per
 * table when the source has a column the target lost: renames meet type changes, index renames and drops.
 */
export const schemaPairArbitrary: fc.Arbitrary<[Snapshot, Snapshot]> = fc
  .tuple(schemaArbitrary, schemaArbitrary, fc.boolean())
  .map(([from, to, rename]) => [from, rename ? withRenames(from, to) : to]);

function withRenames(from: Snapshot, to: Snapshot): Snapshot {
  const sources = new Map(from.tables.map((table) => [table.name, table]));
  return withHash(
    to.tables.map((table) => {
      const source = sources.get(table.name);
      if (!source) return table;
      const kept = new Set(table.columns.map((column) => column.name));
      const lost = source.columns.find((column) => !kept.has(column.name));
      const had = new Set(source.columns.map((column) => column.name));
      const added = table.columns.find((column) => !had.has(column.name));
      if (!lost || !added) return table;
      return { ...table, columns: table.columns.map((column) => (column === added ? { ...column, renamedFrom: lost.name } : column)) };
    }),
  );
}
