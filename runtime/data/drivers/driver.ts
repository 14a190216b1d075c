import type { Kysely } from 'kysely';
import type { DialectName } from '../../../compiler/migrate/dialect.js';
import type { DynamicDatabase, QueryAdapter, QueryDb } from './query-adapter.js';

export type ResultRow = Record<string, unknown>;

/** An open database the engine runs queries on: the Kysely instance plus its dialect's adapter. */
export interface DataDriver {
  readonly dialect: DialectName;
  readonly db: Kysely<DynamicDatabase>;
  readonly adapter: QueryAdapter;
  /** The target without secrets, for messages and logs. */
  readonly description: string;
  /**
   * Runs SQL that Kysely compiled straight on the connection and returns its rows (none for a write), when that is
   * the same as executing it through `db` but cheaper; undefined when it is not (then the caller executes it
   * through `db`). Kysely's executor takes a connection lock and several awaits per statement, which a lookup by id
   * pays for more than for its SQL.
   */
  runNow(db: QueryDb, sql: string, parameters: readonly unknown[]): ResultRow[] | undefined;
  /** Drops statements kept prepared (a schema reload changed what they read). */
  forgetStatements(): void;
  close(): Promise<void>;
}
