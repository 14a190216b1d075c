import type { DatabaseConnection } from './database.js';
import { physicalSchemaOf } from './dialect.js';
import { dialectNamed } from './dialects.js';
import { readLedger, type LedgerEntry } from './ledger.js';
import { readMigrations, readMigrationSnapshot } from './migration-files.js';
import type { PlannedOperation } from './operations.js';
import { planMigration } from './plan.js';
import { NO_RENAMES } from './renames.js';
import { EMPTY_SNAPSHOT } from './snapshot.js';

export interface MigrationStatus {
  readonly applied: readonly (LedgerEntry & { readonly modified: boolean })[];
  readonly pending: readonly string[];
  /** In the ledger, not on disk. */
  readonly missing: readonly string[];
  /** What the database has that its applied migrations do not say (and the reverse), as operations that would fix it. */
  readonly drift: readonly PlannedOperation[];
}

/** Reads the ledger, the migration folders and the live schema; writes nothing. */
export async function migrationStatus(connection: DatabaseConnection, migrationsDir: string): Promise<MigrationStatus> {
  const migrations = readMigrations(migrationsDir);
  const ledger = await readLedger(connection);
  const onDisk = new Map(migrations.map((migration) => [migration.name, migration]));
  const appliedNames = new Set(ledger.map((entry) => entry.name));
  const lastApplied = ledger.at(-1);
  const lastFolder = lastApplied ? onDisk.get(lastApplied.name) : undefined;
  const expected = lastFolder ? readMigrationSnapshot(lastFolder) : EMPTY_SNAPSHOT;
  const dialect = dialectNamed(connection.dialect);
  const drift =
    lastApplied && !lastFolder
      ? []
      : planMigration({ from: await connection.introspect(), to: physicalSchemaOf(expected, dialect), dialect, renames: NO_RENAMES }).operations;
  return {
    applied: ledger.map((entry) => ({ ...entry, modified: onDisk.has(entry.name) && onDisk.get(entry.name)?.checksum !== entry.checksum })),
    pending: migrations.filter((migration) => !appliedNames.has(migration.name)).map((migration) => migration.name),
    missing: ledger.filter((entry) => !onDisk.has(entry.name)).map((entry) => entry.name),
    drift,
  };
}
