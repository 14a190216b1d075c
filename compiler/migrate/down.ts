import { StatementError, type DatabaseConnection } from './database.js';
import { readLedger, removeApplied, verifyLedger } from './ledger.js';
import { MigrateError } from './migrate-error.js';
import { readMigrations, readStatements } from './migration-files.js';

export interface DownOptions {
  readonly connection: DatabaseConnection;
  readonly migrationsDir: string;
  /** Revert every migration applied after this one; default: only the last one. */
  readonly to?: string;
  readonly dryRun?: boolean;
}

export interface RevertedMigration {
  readonly name: string;
  readonly statements: readonly string[];
}

/** Runs down scripts newest first, each in a transaction with the removal of its ledger row. */
export async function migrateDown(options: DownOptions): Promise<RevertedMigration[]> {
  const { connection } = options;
  const migrations = readMigrations(options.migrationsDir);
  const byName = new Map(migrations.map((migration) => [migration.name, migration]));
  return connection.withMigrationLock(async () => {
    const ledger = await readLedger(connection);
    verifyLedger(ledger, migrations);
    let targets = ledger.slice(-1);
    if (options.to !== undefined) {
      const at = ledger.findIndex((entry) => entry.name === options.to);
      if (at < 0) {
        throw new MigrateError('OS6027', `${options.to} is not an applied migration`, {
          hint: ledger.length > 0 ? `applied: ${ledger.map((entry) => entry.name).join(', ')}` : 'no migration is applied',
        });
      }
      targets = ledger.slice(at + 1);
    }
    const plans = targets.reverse().map((entry) => {
      const migration = byName.get(entry.name);
      if (migration === undefined) throw new Error(`ledger verified, yet ${entry.name} is missing`);
      if (migration.meta.dialects[connection.dialect]?.reversible !== true) {
        throw new MigrateError('OS6024', `migration ${migration.name} deletes data on ${connection.dialect}, so it cannot be reverted`, {
          file: migration.dir,
          hint: 'restore from a backup, or write a forward migration',
        });
      }
      return { migration, statements: readStatements(migration, 'down', connection.dialect) };
    });
    if (options.dryRun) return plans.map(({ migration, statements }) => ({ name: migration.name, statements }));
    const reverted: RevertedMigration[] = [];
    for (const { migration, statements } of plans) {
      try {
        await connection.transaction(async () => {
          for (const statement of statements) await connection.exec(statement);
          await removeApplied(connection, migration.name);
        });
      } catch (error) {
        if (!(error instanceof StatementError)) throw error;
        throw new MigrateError('OS6023', `down script of ${migration.name} failed and was rolled back: ${error.message}`, { file: migration.dir });
      }
      reverted.push({ name: migration.name, statements });
    }
    return reverted;
  });
}
