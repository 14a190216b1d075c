import type { DialectName } from './dialect.js';
import type { PhysicalSchema } from './physical.js';

/** The ledger of applied migrations; excluded from introspection, so it never shows up as drift. */
export const LEDGER_TABLE = 'objectstack_migrations';

export type Row = Record<string, unknown>;

/**
 * One open database, whatever the dialect (`runtime/data/dialects/<name>/connection.ts`). Statements run one at a
 * time; the migration runner owns transactions through `transaction`.
 */
export interface DatabaseConnection {
  readonly dialect: DialectName;
  /** Where the connection points, without credentials, for messages. */
  readonly description: string;
  exec(sql: string): Promise<void>;
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /**
   * Runs `work` in one write transaction: committed when it resolves, rolled back when it throws. On SQLite the
   * transaction is `BEGIN IMMEDIATE` (the write lock) with foreign keys checked before the commit.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Holds the migration lock while `work` runs (PostgreSQL advisory lock; SQLite relies on `transaction`). */
  withMigrationLock<T>(work: () => Promise<T>): Promise<T>;
  introspect(): Promise<PhysicalSchema>;
  close(): Promise<void>;
}

/** A statement that failed, with the statement: the message a user needs to see. */
export class StatementError extends Error {
  constructor(
    readonly statement: string,
    override readonly cause: unknown,
  ) {
    super(`${cause instanceof Error ? cause.message : String(cause)}\n  in statement: ${statement.trim()}`);
    this.name = 'StatementError';
  }
}
