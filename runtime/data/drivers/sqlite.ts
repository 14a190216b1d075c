import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { sqliteQueryAdapter } from '../dialects/sqlite/query-adapter.js';
import type { DataDriver } from './driver.js';
import type { DynamicDatabase } from './query-adapter.js';
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
  return { dialect: 'sqlite', db, adapter: sqliteQueryAdapter, description: file, forgetStatements: () => statements.clear(), close: () => db.destroy() };
}
