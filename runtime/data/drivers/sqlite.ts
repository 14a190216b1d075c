import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { sqliteQueryAdapter } from '../dialects/sqlite/query-adapter.js';
import type { DataDriver, ResultRow } from './driver.js';
import type { DynamicDatabase, QueryDb } from './query-adapter.js';
import { StatementCache } from './statement-cache.js';

/** How long a writer waits for another process's lock (a concurrent migration or server). */
const BUSY_TIMEOUT_MS = 5_000;

/** A SQLite file (created when missing) in WAL mode with foreign keys enforced, or `:memory:`; statements kept prepared. */
export function openSqliteDriver(file: string): DataDriver {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  if (file !== ':memory:') database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  const statements = new StatementCache(database);
  const db = new Kysely<DynamicDatabase>({ dialect: new SqliteDialect({ database: statements }) });
  return {
    dialect: 'sqlite',
    db,
    adapter: sqliteQueryAdapter,
    description: file,
    runNow: (on, sql, parameters) => runNow(database, statements, on, sql, parameters),
    forgetStatements: () => statements.clear(),
    close: () => db.destroy(),
  };
}

/**
 * better-sqlite3 runs a statement to completion synchronously, so outside a transaction running it here is what
 * Kysely's SQLite driver would do after its lock. Inside one (a Kysely transaction, or any `BEGIN` on this
 * connection: `inTransaction` is the connection's own state) the statement belongs to that transaction's turn, so
 * it waits for it through Kysely instead of slipping into it.
 */
function runNow(database: Database.Database, statements: StatementCache, on: QueryDb, sql: string, parameters: readonly unknown[]): ResultRow[] | undefined {
  if (on.isTransaction || database.inTransaction) return undefined;
  const statement = statements.prepare(sql);
  if (statement.reader) return statement.all(parameters) as ResultRow[];
  statement.run(parameters);
  return [];
}
