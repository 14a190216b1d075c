import { StatementError, type DatabaseConnection } from './database.js';
import { currentHash, ensureLedger, readLedger, recordApplied, short, verifyLedger } from './ledger.js';
import { MigrateError } from './migrate-error.js';
import type { MigrationStep } from './migration-meta.js';
import { readMigrations, readStatements, type MigrationFolder } from './migration-files.js';
import { needsPermission } from './operations.js';

export interface ApplyOptions {
  readonly connection: DatabaseConnection;
  readonly migrationsDir: string;
  readonly allowDestructive?: boolean;
  readonly dryRun?: boolean;
}

export interface AppliedMigration {
  readonly name: string;
  readonly statements: readonly string[];
  readonly durationMs: number;
}

export interface ApplyReport {
  /** Applied now (or, with dryRun, what would be applied). */
  readonly applied: readonly AppliedMigration[];
  /** Pending when this run started but applied meanwhile by a concurrent run. */
  readonly skipped: readonly string[];
}

/**
 * Applies pending migrations in order, each in its own transaction together with its ledger row, under the
 * migration lock. Refuses (before changing anything) a modified applied migration, a stale base, and destructive or
 * data-dependent steps without `allowDestructive`.
 */
export async function applyMigrations(options: ApplyOptions): Promise<ApplyReport> {
  const { connection } = options;
  const migrations = readMigrations(options.migrationsDir);
  return connection.withMigrationLock(async () => {
    if (!options.dryRun) await ensureLedger(connection);
    const ledger = await readLedger(connection);
    verifyLedger(ledger, migrations);
    const appliedNames = new Set(ledger.map((entry) => entry.name));
    const pending = migrations.filter((migration) => !appliedNames.has(migration.name));
    checkChain(pending, currentHash(ledger));
    const scripts = pending.map((migration) => ({ migration, statements: readStatements(migration, 'up', connection.dialect) }));
    if (!options.allowDestructive) refuseRiskySteps(pending, connection.dialect);
    if (options.dryRun) return { applied: scripts.map(({ migration, statements }) => ({ name: migration.name, statements, durationMs: 0 })), skipped: [] };

    const applied: AppliedMigration[] = [];
    const skipped: string[] = [];
    for (const { migration, statements } of scripts) {
      const outcome = await applyOne(connection, migration, statements);
      if (outcome === 'skipped') skipped.push(migration.name);
      else applied.push(outcome);
    }
    return { applied, skipped };
  });
}

/** Each pending migration must start where the previous one (or the database) ends. */
function checkChain(pending: readonly MigrationFolder[], databaseHash: string): void {
  let state = databaseHash;
  for (const migration of pending) {
    if (migration.meta.from !== state) throw staleBase(migration, state);
    state = migration.meta.to;
  }
}

function staleBase(migration: MigrationFolder, state: string): MigrateError {
  return new MigrateError(
    'OS6022',
    `migration ${migration.name} starts from schema ${short(migration.meta.from)}, but the database is at ${short(state)}: it was created on another base (e.g. another branch)`,
    { file: migration.dir, hint: `delete ${migration.name} (it is not applied), then run \`objectstack migrate create\` again on top of the applied migrations` },
  );
}

function refuseRiskySteps(pending: readonly MigrationFolder[], dialect: DatabaseConnection['dialect']): void {
  const risky: string[] = [];
  let first: MigrationFolder | undefined;
  for (const migration of pending) {
    const steps: readonly MigrationStep[] = migration.meta.dialects[dialect]?.steps ?? [];
    for (const step of steps) {
      if (!needsPermission(step.classification)) continue;
      first ??= migration;
      risky.push(`${migration.name}: ${step.classification}: ${step.summary} (${step.reason})`);
    }
  }
  if (first === undefined) return;
  throw new MigrateError('OS6020', `refusing to apply ${risky.length} destructive or data-dependent step(s) without --allow-destructive:\n  ${risky.join('\n  ')}`, {
    file: first.dir,
    hint: 'review the steps, back up what you need, then run `objectstack migrate apply --allow-destructive`',
  });
}

async function applyOne(
  connection: DatabaseConnection,
  migration: MigrationFolder,
  statements: readonly string[],
): Promise<AppliedMigration | 'skipped'> {
  const started = performance.now();
  let position = 0;
  try {
    return await connection.transaction(async () => {
      // Re-read inside the write transaction: a concurrent apply may have committed this migration meanwhile.
      const ledger = await readLedger(connection);
      if (ledger.some((entry) => entry.name === migration.name)) return 'skipped' as const;
      if (currentHash(ledger) !== migration.meta.from) throw staleBase(migration, currentHash(ledger));
      for (const statement of statements) {
        position++;
        await connection.exec(statement);
      }
      const durationMs = Math.round(performance.now() - started);
      await recordApplied(connection, {
        name: migration.name,
        checksum: migration.checksum,
        fromHash: migration.meta.from,
        toHash: migration.meta.to,
        appliedAt: new Date().toISOString(),
        durationMs,
      });
      return { name: migration.name, statements, durationMs };
    });
  } catch (error) {
    if (!(error instanceof StatementError)) throw error;
    const cause = error.cause instanceof Error ? error.cause.message : String(error.cause);
    const which = statements[position - 1] === error.statement ? `statement ${position} of ${statements.length}` : 'the final checks';
    throw new MigrateError('OS6023', `migration ${migration.name} failed at ${which} and was rolled back (the database is as before it): ${cause}\n  statement: ${error.statement.trim()}`, {
      file: migration.dir,
      hint: 'fix the data or the YAML, then apply again',
    });
  }
}
