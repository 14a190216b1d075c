import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { StackIR } from '../../compiler/ir/types.js';
import { applyMigrations } from '../../compiler/migrate/apply.js';
import { physicalSchemaOf } from '../../compiler/migrate/dialect.js';
import { dialectNamed, dialectOfTarget, openDatabase } from '../../compiler/migrate/dialects.js';
import { MIGRATIONS_DIR } from '../../compiler/migrate/migration-files.js';
import { needsPermission, type PlannedOperation } from '../../compiler/migrate/operations.js';
import { planMigration } from '../../compiler/migrate/plan.js';
import { snapshotOf } from '../../compiler/migrate/snapshot.js';

export interface SchemaSyncResult {
  /** What was applied: migration names (ledger) or operation summaries (direct sync). */
  readonly applied: readonly string[];
  /**
   * Changes held back: ones that could lose data (nothing was applied then), or, in a project with migrations, YAML
   * changes no migration covers yet.
   */
  readonly refused: readonly PlannedOperation[];
  /** The command that applies what was refused, for the message. */
  readonly command: string;
}

/**
 * Brings the database up to the stack before serving, safely. A project with a `migrations/` folder applies its
 * pending migrations through the ledger (which refuses destructive steps) and reports YAML changes no migration
 * covers; otherwise the database is compared with
 * the stack and the changes are applied in one transaction only when every one of them keeps all data. A change that
 * could drop or break data is never applied here: the result lists it with the command to run.
 */
export async function syncSchema(ir: StackIR, database: string, projectDir: string): Promise<SchemaSyncResult> {
  const connection = await openDatabase(database, { cwd: projectDir });
  try {
    const migrationsDir = join(projectDir, MIGRATIONS_DIR);
    const dialect = dialectNamed(dialectOfTarget(database));
    const planFromDatabase = async () => planMigration({ from: await connection.introspect(), to: physicalSchemaOf(snapshotOf(ir), dialect), dialect });
    if (existsSync(migrationsDir)) {
      const report = await applyMigrations({ connection, migrationsDir });
      // The ledger owns this database: YAML changes without a migration are not applied behind its back.
      const unmigrated = (await planFromDatabase()).operations;
      return {
        applied: report.applied.map((m) => m.name),
        refused: unmigrated,
        command: 'objectstack migrate create <name>, then objectstack migrate apply',
      };
    }
    const plan = await planFromDatabase();
    const command = `objectstack diff --from ${JSON.stringify(connection.description)}, then objectstack migrate create <name> and objectstack migrate apply`;
    const refused = plan.operations.filter((op) => needsPermission(op.classification));
    if (refused.length > 0 || plan.statements.length === 0) return { applied: [], refused, command };
    await connection.transaction(async () => {
      for (const statement of plan.statements) await connection.exec(statement);
    });
    return { applied: plan.operations.map((op) => op.summary), refused: [], command };
  } finally {
    await connection.close();
  }
}
