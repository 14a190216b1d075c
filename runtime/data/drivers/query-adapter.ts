import type { Kysely, RawBuilder, SqlBool, Transaction } from 'kysely';
import type { DialectName } from '../../../compiler/migrate/dialect.js';

/**
 * Tables are only known at run time (from the IR), so every table is a record of unknown columns; every identifier
 * the engine passes to the builder still comes from the IR, never from a request.
 */
export type DynamicDatabase = Record<string, Record<string, unknown>>;
export type QueryDb = Kysely<DynamicDatabase> | Transaction<DynamicDatabase>;

/** A constraint the database refused a write for, read from the dialect's error. */
export interface ConstraintViolation {
  readonly kind: 'unique' | 'foreign_key' | 'not_null' | 'check';
  /** The column named by the error, when the dialect says. */
  readonly column?: string;
}

/**
 * What differs between dialects once the SQL is built by Kysely: how values of some types are stored and read back,
 * the few predicates without a common spelling, the autonumber lock and the error shapes. One implementation per
 * dialect folder (`runtime/data/dialects/<name>/query-adapter.ts`).
 */
export interface QueryAdapter {
  readonly dialect: DialectName;
  encodeBoolean(value: boolean): unknown;
  decodeBoolean(value: unknown): boolean;
  /** A JSON-ish value as a parameter for its column (JSON text or jsonb). */
  encodeJson(value: unknown): unknown;
  decodeJson(value: unknown): unknown;
  /** A datetime column value as an ISO-8601 string (UTC, milliseconds). */
  decodeDateTime(value: unknown): string;
  /** An item of a JSON list as the parameter `jsonListContains` compares with. */
  encodeListItem(value: string | number | boolean): unknown;
  /** Whether the JSON list in `column` of `table` holds the item `parameter` (from `encodeListItem`). */
  jsonListContains(table: string, column: string, parameter: unknown): RawBuilder<SqlBool>;
  /** A text column compared by code point (the database's locale collation would order differently per server). */
  binaryText(table: string, column: string): RawBuilder<unknown>;
  /** Case-sensitive substring test; `parameter` is the text's placeholder. */
  textContains(table: string, column: string, parameter: unknown): RawBuilder<SqlBool>;
  /**
   * Serialises autonumber assignment for one column until the transaction ends, so that two concurrent inserts never
   * read the same maximum.
   */
  lockCounter(trx: QueryDb, table: string, column: string): Promise<void>;
  /** The constraint behind a database error, or undefined when the error is not a constraint violation. */
  constraintViolation(error: unknown): ConstraintViolation | undefined;
}
