import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL = process.env['OBJECTSTACK_TEST_POSTGRES'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, uniquely named PostgreSQL database for one test file. Null when the server is unreachable outside CI
 * (the caller skips with this message); in CI an unreachable server fails the run.
 */
export async function createTestDatabase(prefix: string): Promise<TestDatabase | null> {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    if (process.env['CI'] === 'true') throw new Error(`PostgreSQL at ${ADMIN_URL} is unreachable in CI: ${String(error)}`);
    console.warn(`skipping PostgreSQL tests: ${ADMIN_URL} is unreachable (${String(error)})`);
    return null;
  }
  const name = `os_${prefix}_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A schema of its own inside the test database, selected through the URL: one per scenario, so scenarios never share tables. */
export async function createTestSchema(database: TestDatabase, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(`CREATE SCHEMA "${name}"`);
  await client.end();
  const url = new URL(database.url);
  url.searchParams.set('options', `-c search_path=${name}`);
  return url.toString();
}
