import { dialectOfTarget, sqliteFile } from '../../../compiler/migrate/dialects.js';
import type { DataDriver } from './driver.js';
import { openPostgresDriver } from './postgres.js';
import { openSqliteDriver } from './sqlite.js';

/** A `postgres://` URL opens a pool; anything else is a SQLite file path (relative to `cwd`) or `file:` URL. */
export function openDriver(target: string, cwd: string = process.cwd()): DataDriver {
  return dialectOfTarget(target) === 'postgres' ? openPostgresDriver(target) : openSqliteDriver(sqliteFile(target, cwd));
}
