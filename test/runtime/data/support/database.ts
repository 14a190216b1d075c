import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openDatabase } from '../../../../compiler/migrate/dialects.js';
import { physicalSchemaOf, type DialectName } from '../../../../compiler/migrate/dialect.js';
import { dialectNamed } from '../../../../compiler/migrate/dialects.js';
import { planMigration } from '../../../../compiler/migrate/plan.js';
import { snapshotOf } from '../../../../compiler/migrate/snapshot.js';
import type { StackIR } from '../../../../compiler/ir/types.js';
import { openDriver } from '../../../../runtime/data/drivers/index.js';
import type { DataDriver } from '../../../../runtime/data/drivers/index.js';
import { createTestDatabase, createTestSchema } from '../../../migrate/support/postgres.js';

export interface DatabaseUnderTest {
  readonly dialect: DialectName;
  /** A fresh, empty database (SQLite file) or schema (PostgreSQL) for one scenario. */
  fresh(scenario: string): Promise<string>;
}

/**
 * SQLite in a temp folder always; PostgreSQL when the server answers (with CI=true it must). Call at the top level of
 * a test file: the PostgreSQL database is created for the file and dropped after it.
 */
export async function databasesUnderTest(prefix: string): Promise<DatabaseUnderTest[]> {
  const dir = mkdtempSync(join(tmpdir(), `objectstack-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const databases: DatabaseUnderTest[] = [{ dialect: 'sqlite', fresh: async (scenario) => join(dir, `${scenario}.db`) }];
  const postgres = await createTestDatabase(prefix);
  if (postgres !== null) {
    afterAll(() => postgres.drop());
    databases.push({ dialect: 'postgres', fresh: (scenario) => createTestSchema(postgres, scenario) });
  }
  return databases;
}

/** Creates the stack's tables the way `objectstack migrate` does (F's planner and DDL), then opens the engine's driver. */
export async function migratedDriver(ir: StackIR, target: string, dialect: DialectName): Promise<DataDriver> {
  const to = physicalSchemaOf(snapshotOf(ir), dialectNamed(dialect));
  const plan = planMigration({ from: { tables: [] }, to, dialect: dialectNamed(dialect) });
  const connection = await openDatabase(target, { cwd: process.cwd() });
  try {
    for (const statement of plan.statements) await connection.exec(statement);
  } finally {
    await connection.close();
  }
  return openDriver(target);
}
