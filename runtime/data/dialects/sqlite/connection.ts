import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StatementError, type DatabaseConnection, type Row } from '../../../../compiler/migrate/database.js';
import type { PhysicalSchema } from '../../../../compiler/migrate/physical.js';
import { introspectSqlite } from './introspect.js';

/** How long a writer waits for another writer's lock before giving up (a concurrent `migrate apply`). */
const BUSY_TIMEOUT_MS = 30_000;

export interface SqliteOptions {
  /** Open an existing file only (diff and status must not create a database). */
  readonly mustExist?: boolean;
}

export function openSqlite(file: string, options: SqliteOptions = {}): DatabaseConnection {
  if (!options.mustExist && file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS, fileMustExist: options.mustExist === true });
  db.pragma('foreign_keys = ON');
  return new SqliteConnection(db, file);
}

class SqliteConnection implements DatabaseConnection {
  readonly dialect = 'sqlite' as const;

  constructor(
    private readonly db: Database.Database,
    readonly description: string,
  ) {}

  async exec(sql: string): Promise<void> {
    try {
      this.db.exec(sql);
    } catch (error) {
      throw new StatementError(sql, error);
    }
  }

  async query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    try {
      const statement = this.db.prepare(sql);
      if (statement.reader) return statement.all(...params) as Row[];
      statement.run(...params);
      return [];
    } catch (error) {
      throw new StatementError(sql, error);
    }
  }

  /**
   * Foreign keys are switched off for the transaction (a table rebuild drops and recreates referenced tables; the
   * pragma is a no-op inside a transaction, so it is set before BEGIN) and checked as a whole before COMMIT.
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    this.db.pragma('foreign_keys = OFF');
    try {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work();
        const violations = this.db.prepare('PRAGMA foreign_key_check').all() as Row[];
        if (violations.length > 0) {
          const first = violations[0] ?? {};
          throw new StatementError(
            'PRAGMA foreign_key_check',
            new Error(
              `${violations.length} row(s) break a foreign key, e.g. row ${String(first['rowid'])} of "${String(first['table'])}" points to a missing "${String(first['parent'])}" record`,
            ),
          );
        }
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      this.db.pragma('foreign_keys = ON');
    }
  }

  /** SQLite's lock is the `BEGIN IMMEDIATE` of each transaction; the runner re-reads the ledger inside it. */
  async withMigrationLock<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  async introspect(): Promise<PhysicalSchema> {
    return introspectSqlite((sql, ...params) => this.db.prepare(sql).all(...params) as Record<string, unknown>[]);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
