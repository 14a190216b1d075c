import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, sha256 } from './canonical-json.js';
import type { DialectName } from './dialect.js';
import { MigrationMetaSchema, type MigrationMeta } from './migration-meta.js';
import { MigrateError } from './migrate-error.js';
import { parseSnapshot, type Snapshot } from './snapshot.js';
import { splitStatements } from './sql-script.js';

export const MIGRATIONS_DIR = 'migrations';
const FOLDER_NAME = /^(\d{4,})_([a-z0-9_]+)$/;

/** One `migrations/<sequence>_<name>/` folder as read from disk. */
export interface MigrationFolder {
  readonly name: string;
  readonly dir: string;
  readonly meta: MigrationMeta;
  /** SHA-256 over every file of the folder (names and contents): any edit changes it. */
  readonly checksum: string;
}

export function upFile(dialect: DialectName): string {
  return `up.${dialect}.sql`;
}

export function downFile(dialect: DialectName): string {
  return `down.${dialect}.sql`;
}

/** Every migration folder, in sequence order. */
export function readMigrations(migrationsDir: string): MigrationFolder[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && FOLDER_NAME.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((name) => readMigration(join(migrationsDir, name), name));
}

function readMigration(dir: string, name: string): MigrationFolder {
  const files = readdirSync(dir).sort();
  const metaPath = join(dir, 'meta.json');
  if (!files.includes('meta.json')) throw new MigrateError('OS6025', `migration ${name} has no meta.json`, { file: dir });
  let meta: MigrationMeta;
  try {
    meta = MigrationMetaSchema.parse(JSON.parse(readFileSync(metaPath, 'utf8')));
  } catch (error) {
    throw new MigrateError('OS6025', `migration ${name}: meta.json is not valid (${firstLine(error)})`, { file: metaPath });
  }
  const hash = files.map((file) => `${file}\0${readFileSync(join(dir, file), 'utf8')}\0`).join('');
  return { name, dir, meta, checksum: sha256(hash) };
}

export function readStatements(migration: MigrationFolder, direction: 'up' | 'down', dialect: DialectName): string[] {
  const file = join(migration.dir, direction === 'up' ? upFile(dialect) : downFile(dialect));
  if (!existsSync(file)) {
    throw new MigrateError('OS6025', `migration ${migration.name} has no ${direction} script for ${dialect}`, {
      file: migration.dir,
      hint: `create the migration again with the ${dialect} datasource configured`,
    });
  }
  return splitStatements(readFileSync(file, 'utf8'));
}

export function readMigrationSnapshot(migration: MigrationFolder): Snapshot {
  const file = join(migration.dir, 'snapshot.json');
  try {
    return parseSnapshot(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new MigrateError('OS6025', `migration ${migration.name}: snapshot.json cannot be read (${firstLine(error)})`, { file });
  }
}

export function nextMigrationName(existing: readonly MigrationFolder[], name: string): string {
  const last = existing.at(-1);
  const sequence = last ? Number(FOLDER_NAME.exec(last.name)?.[1] ?? existing.length) + 1 : 1;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'migration';
  return `${String(sequence).padStart(4, '0')}_${slug}`;
}

/** Writes the folder through a temporary name, so a crash never leaves a half-written migration behind. */
export function writeMigrationFolder(migrationsDir: string, name: string, files: Readonly<Record<string, string>>): string {
  const dir = join(migrationsDir, name);
  const temporary = join(migrationsDir, `.${name}.tmp`);
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(temporary, file), content);
  renameSync(temporary, dir);
  return dir;
}

export function metaJson(meta: MigrationMeta): string {
  return canonicalJson(meta);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
