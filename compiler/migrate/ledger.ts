import { LEDGER_TABLE, type DatabaseConnection } from './database.js';
import { quoteIdentifier as q } from './dialect.js';
import { MigrateError } from './migrate-error.js';
import type { MigrationFolder } from './migration-files.js';
import { EMPTY_SNAPSHOT } from './snapshot.js';

/** One applied migration as the database records it. */
export interface LedgerEntry {
  readonly name: string;
  readonly checksum: string;
  readonly fromHash: string;
  readonly toHash: string;
  readonly appliedAt: string;
  readonly durationMs: number;
}

const TABLE = q(LEDGER_TABLE);

export async function ensureLedger(connection: DatabaseConnection): Promise<void> {
  await connection.exec(
    `CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT NOT NULL PRIMARY KEY, checksum TEXT NOT NULL, from_hash TEXT NOT NULL, to_hash TEXT NOT NULL, applied_at TEXT NOT NULL, duration_ms INTEGER NOT NULL)`,
  );
}

/** Whether the ledger exists, without creating it (status and diff never write). */
export async function ledgerExists(connection: DatabaseConnection): Promise<boolean> {
  const rows =
    connection.dialect === 'sqlite'
      ? await connection.query(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name = ?`, [LEDGER_TABLE])
      : await connection.query(`SELECT to_regclass($1) AS name`, [LEDGER_TABLE]);
  return rows.length > 0 && rows[0]?.['name'] !== null;
}

/** Applied migrations in sequence order (their names start with the sequence number). */
export async function readLedger(connection: DatabaseConnection): Promise<LedgerEntry[]> {
  if (!(await ledgerExists(connection))) return [];
  const rows = await connection.query(`SELECT name, checksum, from_hash, to_hash, applied_at, duration_ms FROM ${TABLE} ORDER BY name`);
  return rows.map((row) => ({
    name: String(row['name']),
    checksum: String(row['checksum']),
    fromHash: String(row['from_hash']),
    toHash: String(row['to_hash']),
    appliedAt: String(row['applied_at']),
    durationMs: Number(row['duration_ms']),
  }));
}

export function currentHash(ledger: readonly LedgerEntry[]): string {
  return ledger.at(-1)?.toHash ?? EMPTY_SNAPSHOT.hash;
}

export async function recordApplied(connection: DatabaseConnection, entry: LedgerEntry): Promise<void> {
  const params = connection.dialect === 'sqlite' ? '?, ?, ?, ?, ?, ?' : '$1, $2, $3, $4, $5, $6';
  await connection.query(`INSERT INTO ${TABLE} (name, checksum, from_hash, to_hash, applied_at, duration_ms) VALUES (${params})`, [
    entry.name,
    entry.checksum,
    entry.fromHash,
    entry.toHash,
    entry.appliedAt,
    entry.durationMs,
  ]);
}

export async function removeApplied(connection: DatabaseConnection, name: string): Promise<void> {
  await connection.query(`DELETE FROM ${TABLE} WHERE name = ${connection.dialect === 'sqlite' ? '?' : '$1'}`, [name]);
}

/** Every applied migration must still be on disk, byte for byte. */
export function verifyLedger(ledger: readonly LedgerEntry[], migrations: readonly MigrationFolder[]): void {
  const onDisk = new Map(migrations.map((migration) => [migration.name, migration]));
  for (const entry of ledger) {
    const migration = onDisk.get(entry.name);
    if (migration === undefined) {
      throw new MigrateError('OS6026', `migration ${entry.name} is applied to the database but its folder is missing from migrations/`, {
        hint: `restore migrations/${entry.name} from version control`,
      });
    }
    if (migration.checksum !== entry.checksum) {
      throw new MigrateError('OS6021', `migration ${entry.name} was modified after it was applied (checksum ${short(migration.checksum)}, applied as ${short(entry.checksum)})`, {
        file: migration.dir,
        hint: `restore it (git checkout -- migrations/${entry.name}) and put further changes in a new migration`,
      });
    }
  }
}

export function short(hash: string): string {
  return hash.slice(0, 12);
}
