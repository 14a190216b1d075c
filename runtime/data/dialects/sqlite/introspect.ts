import { LEDGER_TABLE } from '../../../../compiler/migrate/database.js';
import type { PhysicalColumn, PhysicalIndex, PhysicalReference, PhysicalSchema, PhysicalTable } from '../../../../compiler/migrate/physical.js';
import type { DeleteBehavior } from '../../../../compiler/migrate/snapshot-schema.js';
import { canonicalSqliteType } from './column-types.js';
import { checkConstraintsOf } from './create-table-checks.js';

/** The synchronous query surface introspection needs (better-sqlite3's `prepare(...).all()`). */
export type SqliteQuery = (sql: string, ...params: unknown[]) => Record<string, unknown>[];

const ON_DELETE: Record<string, DeleteBehavior> = { 'SET NULL': 'set_null', CASCADE: 'cascade', RESTRICT: 'restrict' };

const USER_TABLES = "m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.name <> ?";

// The PRAGMA table-valued functions joined over sqlite_schema read every table in one query each, whatever their number.
const TABLES = `SELECT m.name, m.sql FROM sqlite_schema m WHERE ${USER_TABLES} ORDER BY m.name`;
const COLUMNS = `SELECT m.name AS table_name, p.* FROM sqlite_schema m JOIN pragma_table_info(m.name) p WHERE ${USER_TABLES} ORDER BY m.name, p.cid`;
const FOREIGN_KEYS = `SELECT m.name AS table_name, p.* FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) p WHERE ${USER_TABLES}`;
// Only indexes created with CREATE INDEX: the automatic ones behind PRIMARY KEY and UNIQUE clauses cannot be dropped by name.
const INDEX_COLUMNS = `SELECT m.name AS table_name, l.name AS index_name, l."unique" AS is_unique, i.name AS column_name
FROM sqlite_schema m JOIN pragma_index_list(m.name) l JOIN pragma_index_info(l.name) i
WHERE ${USER_TABLES} AND l.origin = 'c' ORDER BY m.name, l.name, i.seqno`;

interface TableParts {
  readonly sql: string;
  readonly info: Record<string, unknown>[];
  readonly references: Map<string, PhysicalReference>;
  readonly indexes: Map<string, { columns: string[]; unique: boolean }>;
}

/** Reads every user table of a SQLite database through its PRAGMAs (and the CREATE TABLE text for CHECKs). */
export function introspectSqlite(query: SqliteQuery): PhysicalSchema {
  const tables = new Map<string, TableParts>();
  for (const row of query(TABLES, LEDGER_TABLE)) {
    tables.set(String(row['name']), { sql: String(row['sql'] ?? ''), info: [], references: new Map(), indexes: new Map() });
  }
  for (const row of query(COLUMNS, LEDGER_TABLE)) tables.get(String(row['table_name']))?.info.push(row);
  for (const row of query(FOREIGN_KEYS, LEDGER_TABLE)) {
    tables.get(String(row['table_name']))?.references.set(String(row['from']), {
      table: String(row['table']),
      column: String(row['to'] ?? 'id'),
      onDelete: ON_DELETE[String(row['on_delete'])] ?? 'restrict',
    });
  }
  for (const row of query(INDEX_COLUMNS, LEDGER_TABLE)) {
    const indexes = tables.get(String(row['table_name']))?.indexes;
    const name = String(row['index_name']);
    const index = indexes?.get(name) ?? { columns: [], unique: Number(row['is_unique']) === 1 };
    index.columns.push(String(row['column_name']));
    indexes?.set(name, index);
  }
  return { tables: [...tables].map(([name, parts]) => assemble(name, parts)) };
}

function assemble(name: string, parts: TableParts): PhysicalTable {
  const checks = checkConstraintsOf(parts.sql);
  const columns = parts.info.map((row): PhysicalColumn => {
    const column = String(row['name']);
    const values = checks.get(column);
    return {
      name: column,
      type: canonicalSqliteType(String(row['type'] ?? '')),
      notNull: Number(row['notnull']) === 1 || Number(row['pk']) > 0,
      default: canonicalDefault(row['dflt_value']),
      check: values !== undefined ? { values } : null,
      references: parts.references.get(column) ?? null,
    };
  });
  const primaryKey = parts.info
    .filter((row) => Number(row['pk']) > 0)
    .sort((a, b) => Number(a['pk']) - Number(b['pk']))
    .map((row) => String(row['name']));
  const indexes = [...parts.indexes].map(([index, { columns: indexed, unique }]): PhysicalIndex => ({ name: index, columns: indexed, unique }));
  return { name, columns, primaryKey, indexes };
}

function canonicalDefault(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return /^[-+]?\d+(\.\d+)?$/.test(text) ? String(Number(text)) : text;
}
