import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Enough for every query shape of a large stack's hot paths; the least recently used statement goes first. */
const DEFAULT_CAPACITY = 512;

/**
 * better-sqlite3 behind Kysely's SQLite dialect with prepared statements kept by SQL text: the dialect prepares
 * every statement it runs, and preparing costs more than running a lookup by id. Safe to share because
 * better-sqlite3 runs a statement to completion synchronously (the dialect's `all`/`run`); SQLite re-prepares a
 * kept statement itself when another connection changes the schema, and `clear` drops them all when this server
 * swaps its own metadata.
 */
export class StatementCache implements SqliteDatabase {
  private readonly statements = new Map<string, Database.Statement>();
  private lastSql: string | undefined;
  private last: Database.Statement | undefined;

  constructor(
    private readonly database: Database.Database,
    private readonly capacity: number = DEFAULT_CAPACITY,
  ) {}

  prepare(sql: string): SqliteStatement {
    // The statement used last is already where a re-insertion would put it (a run of the same lookup is common).
    if (sql === this.lastSql) return this.last!;
    const kept = this.statements.get(sql);
    if (kept) {
      // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
      this.statements.delete(sql);
      this.statements.set(sql, kept);
      return this.used(sql, kept);
    }
    const statement = this.database.prepare(sql);
    this.statements.set(sql, statement);
    if (this.statements.size > this.capacity) this.statements.delete(this.statements.keys().next().value!);
    return this.used(sql, statement);
  }

  private used(sql: string, statement: Database.Statement): Database.Statement {
    this.lastSql = sql;
    this.last = statement;
    return statement;
  }

  /** How many statements are kept (tests check the bound). */
  get size(): number {
    return this.statements.size;
  }

  clear(): void {
    this.statements.clear();
    this.lastSql = undefined;
    this.last = undefined;
  }

  close(): void {
    this.clear();
    this.database.close();
  }
}
