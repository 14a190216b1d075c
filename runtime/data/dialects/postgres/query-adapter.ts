import { sql } from 'kysely';
import pg from 'pg';
import type { ConstraintViolation, QueryAdapter } from '../../drivers/query-adapter.js';
import { isoDateTime } from '../../drivers/datetime.js';

/** SQLSTATE class 23: integrity constraint violations. */
const CONSTRAINT_KINDS: Readonly<Record<string, ConstraintViolation['kind']>> = {
  '23505': 'unique',
  '23503': 'foreign_key',
  '23502': 'not_null',
  '23514': 'check',
};

const OID = { int8: 20, numeric: 1700, date: 1082, time: 1083, timestamp: 1114, timestamptz: 1184 } as const;

/**
 * Type parsers giving the same shapes as SQLite: bigint and numeric as numbers (the engine's values are JSON
 * numbers), dates and times as the text PostgreSQL prints (no local-midnight Date objects), timestamps as ISO UTC.
 */
export function postgresTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  switch (oid) {
    case OID.int8:
    case OID.numeric:
      return Number;
    case OID.date:
    case OID.time:
      return (value) => value;
    case OID.timestamp:
      return (value) => new Date(`${value.replace(' ', 'T')}Z`).toISOString();
    case OID.timestamptz:
      return (value) => new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString();
    default:
      return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  }
}

/** PostgreSQL has native booleans and jsonb (returned parsed); a jsonb parameter is sent as JSON text. */
export const postgresQueryAdapter: QueryAdapter = {
  dialect: 'postgres',
  encodeBoolean: (value) => value,
  decodeBoolean: (value) => value === true,
  encodeJson: (value) => JSON.stringify(value),
  decodeJson: (value) => value,
  decodeDateTime: isoDateTime,
  // Containment of a one-item list: `@>` can use a GIN index on the column.
  encodeListItem: (value) => JSON.stringify([value]),
  jsonListContains: (table, column, parameter) => sql<boolean>`${sql.ref(`${table}.${column}`)} @> ${parameter}::jsonb`,
  binaryText: (table, column) => sql`${sql.ref(`${table}.${column}`)} collate "C"`,
  textContains: (table, column, parameter) => sql<boolean>`strpos(${sql.ref(`${table}.${column}`)}, ${parameter}) > 0`,
  async lockCounter(trx, table, column) {
    await sql`select pg_advisory_xact_lock(hashtext(${`autonumber:${table}.${column}`}))`.execute(trx);
  },
  constraintViolation(error) {
    const { code, detail, column } = error as { code?: unknown; detail?: unknown; column?: unknown };
    const kind = typeof code === 'string' ? CONSTRAINT_KINDS[code] : undefined;
    if (!kind) return undefined;
    // "Key (email)=(a@b.c) already exists." / "Key (account)=(x) is not present in table ..." / column on not_null
    const named = typeof column === 'string' ? column : /^Key \(([^)]+)\)/.exec(typeof detail === 'string' ? detail : '')?.[1];
    return named !== undefined ? { kind, column: named } : { kind };
  },
};
