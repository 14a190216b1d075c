import { isAbsolute, resolve } from 'node:path';
import { openPostgres, postgresDialect } from '../../runtime/data/dialects/postgres/index.js';
import { openSqlite, sqliteDialect } from '../../runtime/data/dialects/sqlite/index.js';
import type { DatabaseConnection } from './database.js';
import type { Dialect, DialectName } from './dialect.js';

const DIALECTS: Record<DialectName, Dialect> = { sqlite: sqliteDialect, postgres: postgresDialect };

export function dialectNamed(name: DialectName): Dialect {
  return DIALECTS[name];
}

/** A postgres:// URL, else a SQLite file (a path or a `file:` URL). */
export function dialectOfTarget(target: string): DialectName {
  return /^postgres(ql)?:\/\//i.test(target) ? 'postgres' : 'sqlite';
}

export interface OpenOptions {
  /** Folder relative SQLite paths are resolved against. */
  readonly cwd: string;
  /** Refuse to create a SQLite file that does not exist (diff, status). */
  readonly mustExist?: boolean;
}

export async function openDatabase(target: string, options: OpenOptions): Promise<DatabaseConnection> {
  if (dialectOfTarget(target) === 'postgres') return openPostgres(target);
  return openSqlite(sqliteFile(target, options.cwd), { mustExist: options.mustExist === true });
}

export function sqliteFile(target: string, cwd: string): string {
  const path = target.replace(/^file:(\/\/)?/, '');
  return path === ':memory:' || isAbsolute(path) ? path : resolve(cwd, path);
}
