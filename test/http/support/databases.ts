import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createTestDatabase, createTestSchema } from '../../migrate/support/postgres.js';

export interface DatabaseTarget {
  readonly dialect: 'sqlite' | 'postgres';
  /** A fresh, empty database for one scenario: a SQLite file, or a PostgreSQL schema of the file's database. */
  fresh(scenario: string): Promise<string>;
}

/**
 * SQLite always; PostgreSQL when the server answers (with CI=true it must, see createTestDatabase). Call at the top
 * level of a test file: the PostgreSQL database is created for the file and dropped after it.
 */
export async function databaseTargets(prefix: string): Promise<DatabaseTarget[]> {
  const dir = mkdtempSync(join(tmpdir(), `objectstack-http-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const targets: DatabaseTarget[] = [{ dialect: 'sqlite', fresh: async (scenario) => join(dir, `${scenario}.db`) }];
  const postgres = await createTestDatabase(`http_${prefix}`);
  if (postgres !== null) {
    afterAll(() => postgres.drop());
    targets.push({ dialect: 'postgres', fresh: (scenario) => createTestSchema(postgres, scenario) });
  }
  return targets;
}
