import pg from 'pg';
import { StatementError, type DatabaseConnection, type Row } from '../../../../compiler/migrate/database.js';
import type { PhysicalSchema } from '../../../../compiler/migrate/physical.js';
import { introspectPostgres } from './introspect.js';

/** The advisory lock key of `migrate apply` (any constant; it only has to be the same in every process). */
const MIGRATION_LOCK_KEY = 4_815_162_342;

export async function openPostgres(url: string): Promise<DatabaseConnection> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  // A notice per statement (e.g. "table does not exist, skipping") would interleave with the CLI output.
  client.on('notice', () => undefined);
  // A connection dropped while idle (server restart) emits 'error'; unhandled it would crash the CLI, while the next
  // query reports the failure anyway.
  client.on('error', () => undefined);
  return new PostgresConnection(client, describePostgres(url));
}

/** Where the connection points, for messages: never the password. */
export const redact = describePostgres;

export function describePostgres(url: string): string {
  try {
    const parsed = new URL(url);
    return `postgres://${parsed.username ? `${parsed.username}@` : ''}${parsed.host}${parsed.pathname}`;
  } catch {
    return 'postgres database';
  }
}

class PostgresConnection implements DatabaseConnection {
  readonly dialect = 'postgres' as const;

  constructor(
    private readonly client: pg.Client,
    readonly description: string,
  ) {}

  async exec(sql: string): Promise<void> {
    await this.query(sql);
  }

  async query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    try {
      const result = await this.client.query(sql, params as unknown[]);
      return result.rows as Row[];
    } catch (error) {
      throw new StatementError(sql, withDetail(error));
    }
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.client.query('BEGIN');
    try {
      const result = await work();
      await this.client.query('COMMIT');
      return result;
    } catch (error) {
      await this.client.query('ROLLBACK');
      throw error;
    }
  }

  /** A session-level advisory lock: a second `apply` waits here until the first one has finished. */
  async withMigrationLock<T>(work: () => Promise<T>): Promise<T> {
    await this.client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await this.client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  }

  async introspect(): Promise<PhysicalSchema> {
    return introspectPostgres((sql, params) => this.query(sql, params));
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

function withDetail(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const detail = (error as { detail?: string }).detail;
  return detail ? new Error(`${error.message} (${detail})`) : error;
}
