import { LEDGER_TABLE, type Row } from '../../../../compiler/migrate/database.js';
import type { PhysicalCheck, PhysicalColumn, PhysicalReference, PhysicalSchema, PhysicalTable } from '../../../../compiler/migrate/physical.js';
import type { DeleteBehavior } from '../../../../compiler/migrate/snapshot-schema.js';

export type PostgresQuery = (sql: string, params?: readonly unknown[]) => Promise<Row[]>;

const ON_DELETE: Record<string, DeleteBehavior> = { n: 'set_null', c: 'cascade', r: 'restrict', a: 'restrict' };

// Every query selects the schema's tables by joining pg_class and pg_namespace (an oid list in a parameter would be
// compared row by row: ten times slower at a thousand tables).
const SCHEMA_TABLES = `pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()`;
const USER_TABLE = `t.relkind = 'r' AND t.relname <> $1`;

const TABLES = `
SELECT t.oid::int AS oid, t.relname AS name FROM ${SCHEMA_TABLES}
WHERE ${USER_TABLE}
ORDER BY t.relname`;

const COLUMNS = `
SELECT a.attrelid::int AS table_oid, a.attnum AS num, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_value
FROM ${SCHEMA_TABLES} JOIN pg_attribute a ON a.attrelid = t.oid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE ${USER_TABLE} AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`;

const CONSTRAINTS = `
SELECT con.conrelid::int AS table_oid, con.conname AS name, con.contype AS kind, con.conkey AS columns,
       ref.relname AS ref_table, con.confkey AS ref_columns, con.confrelid::int AS ref_oid, con.confdeltype AS on_delete,
       pg_get_constraintdef(con.oid) AS definition
FROM ${SCHEMA_TABLES} JOIN pg_constraint con ON con.conrelid = t.oid
LEFT JOIN pg_class ref ON ref.oid = con.confrelid
WHERE ${USER_TABLE} AND con.contype IN ('p', 'f', 'c')
ORDER BY con.conrelid, con.conname`;

const INDEXES = `
SELECT i.indrelid::int AS table_oid, ic.relname AS name, i.indisunique AS is_unique, i.indkey::int2[] AS columns
FROM ${SCHEMA_TABLES} JOIN pg_index i ON i.indrelid = t.oid
JOIN pg_class ic ON ic.oid = i.indexrelid
WHERE ${USER_TABLE} AND NOT i.indisprimary
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
ORDER BY i.indrelid, ic.relname`;

interface TableParts {
  name: string;
  columns: Map<number, { name: string; type: string; notNull: boolean; default: string | null }>;
  checks: Map<number, PhysicalCheck>;
  references: Map<number, PhysicalReference>;
  primaryKey: number[];
  indexes: { name: string; columns: number[]; unique: boolean }[];
}

/** Reads the tables of the current schema in four catalogue queries, whatever the number of tables. */
export async function introspectPostgres(query: PostgresQuery): Promise<PhysicalSchema> {
  const tables = await query(TABLES, [LEDGER_TABLE]);
  const byOid = new Map<number, TableParts>();
  for (const row of tables) {
    byOid.set(Number(row['oid']), { name: String(row['name']), columns: new Map(), checks: new Map(), references: new Map(), primaryKey: [], indexes: [] });
  }
  // One client runs one query at a time; the three catalogue reads are sequential.
  const columns = await query(COLUMNS, [LEDGER_TABLE]);
  const constraints = await query(CONSTRAINTS, [LEDGER_TABLE]);
  const indexes = await query(INDEXES, [LEDGER_TABLE]);
  for (const row of columns) {
    const table = byOid.get(Number(row['table_oid']));
    const type = String(row['type']);
    table?.columns.set(Number(row['num']), {
      name: String(row['name']),
      type,
      notNull: row['not_null'] === true,
      default: canonicalDefault(row['default_value'], type),
    });
  }
  for (const row of constraints) addConstraint(byOid, row);
  for (const row of indexes) {
    byOid.get(Number(row['table_oid']))?.indexes.push({
      name: String(row['name']),
      columns: (row['columns'] as number[]).map(Number),
      unique: row['is_unique'] === true,
    });
  }
  return { tables: [...byOid.values()].map(assemble) };
}

function addConstraint(byOid: Map<number, TableParts>, row: Row): void {
  const table = byOid.get(Number(row['table_oid']));
  if (table === undefined) return;
  const columns = (row['columns'] as number[] | null) ?? [];
  const name = String(row['name']);
  const first = columns[0];
  switch (row['kind']) {
    case 'p':
      table.primaryKey = columns.map(Number);
      break;
    case 'f': {
      const target = byOid.get(Number(row['ref_oid']));
      const refNum = ((row['ref_columns'] as number[] | null) ?? [])[0];
      if (first === undefined || columns.length !== 1) break;
      table.references.set(Number(first), {
        table: String(row['ref_table']),
        column: (refNum !== undefined ? target?.columns.get(Number(refNum))?.name : undefined) ?? 'id',
        onDelete: ON_DELETE[String(row['on_delete'])] ?? 'restrict',
        name,
      });
      break;
    }
    case 'c': {
      const values = String(row['definition']).match(/'(?:[^']|'')*'/g);
      if (first !== undefined && columns.length === 1 && values) table.checks.set(Number(first), { values, name });
      break;
    }
  }
}

function assemble(parts: TableParts): PhysicalTable {
  const nameOf = (num: number) => parts.columns.get(num)?.name ?? `#${num}`;
  const columns = [...parts.columns.entries()].map(
    ([num, column]): PhysicalColumn => ({
      ...column,
      check: parts.checks.get(num) ?? null,
      references: parts.references.get(num) ?? null,
    }),
  );
  return {
    name: parts.name,
    columns,
    primaryKey: parts.primaryKey.map(nameOf),
    indexes: parts.indexes.map((index) => ({ name: index.name, columns: index.columns.map(nameOf), unique: index.unique })),
  };
}

const NUMERIC_TYPES = /^(bigint|integer|smallint|numeric|double precision|real)/;

/** `'open'::text` → `'open'`, `'-1'::integer` → `-1`, `(-1.5)` → `-1.5`: the spelling a snapshot's literal has. */
function canonicalDefault(value: unknown, type: string): string | null {
  if (value === null || value === undefined) return null;
  let text = String(value).trim();
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/::[a-z ]+(\([\d,]+\))?(\[\])?$/, '').trim();
    if (/^\(.*\)$/.test(text)) text = text.slice(1, -1).trim();
  }
  const quotedNumber = /^'([-+]?\d+(\.\d+)?)'$/.exec(text);
  if (quotedNumber && NUMERIC_TYPES.test(type)) text = quotedNumber[1] ?? text;
  return /^[-+]?\d+(\.\d+)?$/.test(text) ? String(Number(text)) : text;
}
