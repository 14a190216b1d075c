import { sql } from 'kysely';
import type { ConstraintViolation, QueryAdapter } from '../../drivers/query-adapter.js';
import { isoDateTime } from '../../drivers/datetime.js';

/** better-sqlite3 errors carry an extended result code, e.g. SQLITE_CONSTRAINT_UNIQUE. */
const CONSTRAINT_KINDS: Readonly<Record<string, ConstraintViolation['kind']>> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  SQLITE_CONSTRAINT_NOTNULL: 'not_null',
  SQLITE_CONSTRAINT_CHECK: 'check',
};

/** SQLite keeps booleans as 0/1 and JSON-ish values as JSON text; datetimes are ISO text written by the engine. */
export const sqliteQueryAdapter: QueryAdapter = {
  dialect: 'sqlite',
  encodeBoolean: (value) => (value ? 1 : 0),
  decodeBoolean: (value) => value === 1 || value === 1n || value === true,
  encodeJson: (value) => JSON.stringify(value),
  decodeJson: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
  decodeDateTime: isoDateTime,
  // json_each reads JSON true/false as 1/0.
  encodeListItem: (value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value),
  jsonListContains: (table, column, parameter) =>
    sql<boolean>`exists (select 1 from json_each(${sql.ref(`${table}.${column}`)}) where json_each.value = ${parameter})`,
  // SQLite's default collation is already BINARY.
  binaryText: (table, column) => sql`${sql.ref(`${table}.${column}`)}`,
  textContains: (table, column, parameter) => sql<boolean>`instr(${sql.ref(`${table}.${column}`)}, ${parameter}) > 0`,
  // Kysely runs every statement of a SQLite database on one connection, one transaction at a time.
  lockCounter: async () => undefined,
  constraintViolation(error) {
    const code = (error as { code?: unknown }).code;
    const kind = typeof code === 'string' ? CONSTRAINT_KINDS[code] : undefined;
    if (!kind) return undefined;
    // "UNIQUE constraint failed: table.column" / "NOT NULL constraint failed: table.column"
    const column = /constraint failed: [^.\s]+\.(\w+)/.exec((error as Error).message)?.[1];
    return column !== undefined ? { kind, column } : { kind };
  },
};
