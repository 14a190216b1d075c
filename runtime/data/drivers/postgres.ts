import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { redactUrl } from '../../plugins/support/redis-connection.js';
import { postgresQueryAdapter, postgresTypeParser } from '../dialects/postgres/query-adapter.js';
import type { DataDriver } from './driver.js';
import type { DynamicDatabase } from './query-adapter.js';

export interface PostgresDriverOptions {
  /** Connections in the pool (default 10). */
  readonly poolSize?: number;
}

/** A PostgreSQL pool whose type parsers return the engine's value shapes (numbers, ISO strings). */
export function openPostgresDriver(url: string, options: PostgresDriverOptions = {}): DataDriver {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    types: { getTypeParser: postgresTypeParser },
  });
  const db = new Kysely<DynamicDatabase>({ dialect: new PostgresDialect({ pool }) });
  // No named prepared statements: PostgreSQL refuses a kept `select *` plan once a migration changes the table
  // ("cached plan must not change result type"), and `dev` migrates under a running server.
  return {
    dialect: 'postgres',
    db,
    adapter: postgresQueryAdapter,
    description: redactUrl(url),
    // Every statement goes through the pool, which Kysely's executor already does with little more than a checkout.
    runNow: () => undefined,
    forgetStatements: () => undefined,
    close: () => db.destroy(),
  };
}
