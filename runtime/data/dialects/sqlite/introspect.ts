import { LEDGER_TABLE } from '../../../../compiler/migrate/database.js';
import type { PhysicalColumn, PhysicalIndex, PhysicalReference, PhysicalSchema, PhysicalTable } from '../../../../compiler/migrate/physical.js';
import type { DeleteBehavior } from '../../../../compiler/migrate/snapshot-schema.js';
import { canonicalSqliteType } from './column-types.js';
import { checkConstraintsOf } from './create-table-checks.js';

/** The synchronous query surface introspection needs (better-sqlite3's `prepare(...).all()`). */
export type SqliteQuery = (sql: string, ...params: unknown[]) => Record<string, unknown>[];

const ON_DELETE: Record<string, DeleteBehavior> = { 'SET NULL': 'set_null', CASCADE: 'cascade', RESTRICT: 'restrict' };

/** Reads every user table of a SQLite database through its PRAGMAs (and the CREATE TABLE text for CHECKs). */
export function introspectSqlite(query: SqliteQuery): PhysicalSchema {
  const tables = query(
    "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> ? ORDER BY name",
    LEDGER_TABLE,
  );
  return { tables: tables.map((row) => introspectTable(query, String(row['name']), String(row['sql'] ?? ''))) };
}

function introspectTable(query: SqliteQuery, name: string, sql: string): PhysicalTable {
  const checks = checkConstraintsOf(sql);
  const references = new Map<string, PhysicalReference>();
  for (const row of query('SELECT * FROM pragma_foreign_key_list(?)', name)) {
    references.set(String(row['from']), {
      table: String(row['table']),
      column: String(row['to'] ?? 'id'),
      onDelete: ON_DELETE[String(row['on_delete'])] ?? 'restrict',
    });
  }
  const info = query('SELECT * FROM pragma_table_info(?) ORDER BY cid', name);
  const columns = info.map((row): PhysicalColumn => {
    const column = String(row['name']);
    const values = checks.get(column);
    return {
      name: column,
      type: canonicalSqliteType(String(row['type'] ?? '')),
      notNull: Number(row['notnull']) === 1 || Number(row['pk']) > 0,
      default: canonicalDefault(row['dflt_value']),
      check: values !== undefined ? { values } : null,
      references: references.get(column) ?? null,
    };
  });
  const primaryKey = info
    .filter((row) => Number(row['pk']) > 0)
    .sort((a, b) => Number(a['pk']) - Number(b['pk']))
    .map((row) => String(row['name']));
  return { name, columns, primaryKey, indexes: introspectIndexes(query, name) };
}

/** Indexes created with CREATE INDEX; the automatic ones behind PRIMARY KEY and UNIQUE clauses cannot be dropped by name. */
function introspectIndexes(query: SqliteQuery, table: string): PhysicalIndex[] {
  return query("SELECT * FROM pragma_index_list(?) WHERE origin = 'c' ORDER BY name", table).map((row) => {
    const name = String(row['name']);
    const columns = query('SELECT name FROM pragma_index_info(?) ORDER BY seqno', name).map((column) => String(column['name']));
    return { name, columns, unique: Number(row['unique']) === 1 };
  });
}

function canonicalDefault(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return /^[-+]?\d+(\.\d+)?$/.test(text) ? String(Number(text)) : text;
}
