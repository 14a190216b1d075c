import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { physicalSchemaOf, type DialectName } from './dialect.js';
import { dialectNamed } from './dialects.js';
import type { SchemaLocations } from './locations.js';
import { stepOf, type MigrationMeta } from './migration-meta.js';
import {
  downFile,
  metaJson,
  MIGRATIONS_DIR,
  nextMigrationName,
  readMigrations,
  readMigrationSnapshot,
  upFile,
  writeMigrationFolder,
} from './migration-files.js';
import { planMigration, type MigrationPlan } from './plan.js';
import { invertRenames } from './renames.js';
import { EMPTY_SNAPSHOT, serializeSnapshot, type Snapshot } from './snapshot.js';
import { toScript } from './sql-script.js';

export const SNAPSHOT_FILE = join('generated', 'snapshot.json');

export interface CreateInput {
  /** The folder holding objectstack.yaml, migrations/ and generated/. */
  readonly projectDir: string;
  readonly name: string;
  readonly target: Snapshot;
  readonly dialects: readonly DialectName[];
  readonly locations?: SchemaLocations;
}

export interface CreatedMigration {
  readonly name: string;
  readonly dir: string;
  readonly meta: MigrationMeta;
  readonly plans: ReadonlyMap<DialectName, MigrationPlan>;
}

export interface CreateResult {
  /** Null when the target equals the last migration's schema. */
  readonly migration: CreatedMigration | null;
  readonly diagnostics: readonly PendingDiagnostic[];
}

/** The schema the migrations on disk produce: the last migration's snapshot, or the empty schema. */
export function migratedSnapshot(migrationsDir: string): Snapshot {
  const last = readMigrations(migrationsDir).at(-1);
  return last ? readMigrationSnapshot(last) : EMPTY_SNAPSHOT;
}

/**
 * Writes `migrations/<sequence>_<name>/` (meta.json, snapshot.json, up and down SQL per dialect) from the last
 * migration's schema to `target`, then updates generated/snapshot.json.
 */
export function createMigration(input: CreateInput): CreateResult {
  const migrationsDir = join(input.projectDir, MIGRATIONS_DIR);
  const existing = readMigrations(migrationsDir);
  const base = existing.length > 0 ? migratedSnapshot(migrationsDir) : EMPTY_SNAPSHOT;
  if (base.hash === input.target.hash) return { migration: null, diagnostics: [] };

  const name = nextMigrationName(existing, input.name);
  const plans = new Map<DialectName, MigrationPlan>();
  const files: Record<string, string> = {};
  const dialects: MigrationMeta['dialects'] = {};
  const diagnostics: PendingDiagnostic[] = [];
  for (const dialectName of input.dialects) {
    const dialect = dialectNamed(dialectName);
    const from = physicalSchemaOf(base, dialect);
    const to = physicalSchemaOf(input.target, dialect);
    const up = planMigration({ from, to, dialect, ...(input.locations ? { locations: input.locations } : {}) });
    const down = planMigration({ from: to, to: from, dialect, renames: invertRenames(up.renames) });
    const irreversible = up.operations.filter((planned) => planned.classification === 'destructive');
    plans.set(dialectName, up);
    if (plans.size === 1) diagnostics.push(...up.diagnostics);
    const header = [`objectstack migration ${name} (${dialectName})`, `from ${base.hash}`, `to   ${input.target.hash}`];
    files[upFile(dialectName)] = toScript(
      [...header, '', ...up.operations.map((planned) => `${planned.classification}: ${planned.summary}`)],
      up.statements,
    );
    files[downFile(dialectName)] =
      irreversible.length === 0
        ? toScript([...header, 'down: restores the schema of the previous migration'], down.statements)
        : toScript(
            [...header, 'IRREVERSIBLE: this migration deletes data that no down script can restore:', ...irreversible.map((p) => `  ${p.summary}`)],
            [],
          );
    dialects[dialectName] = {
      reversible: irreversible.length === 0,
      steps: up.operations.map(stepOf),
    };
  }
  const meta: MigrationMeta = { version: 1, name, from: base.hash, to: input.target.hash, dialects };
  files['meta.json'] = metaJson(meta);
  files['snapshot.json'] = serializeSnapshot(input.target);
  const dir = writeMigrationFolder(migrationsDir, name, files);
  writeSnapshotFile(input.projectDir, input.target);
  return { migration: { name, dir, meta, plans }, diagnostics };
}

/** generated/snapshot.json, replaced atomically. */
export function writeSnapshotFile(projectDir: string, snapshot: Snapshot): void {
  const file = join(projectDir, SNAPSHOT_FILE);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, serializeSnapshot(snapshot));
  renameSync(temporary, file);
}
