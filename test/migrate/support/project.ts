import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { main } from '../../../compiler/cli/main.js';
import type { CliIO } from '../../../compiler/cli/io.js';
import type { DatabaseConnection } from '../../../compiler/migrate/database.js';
import type { DialectName } from '../../../compiler/migrate/dialect.js';
import { openDatabase } from '../../../compiler/migrate/dialects.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A stack on disk (objectstack.yaml plus one objects/<name>.object.yml per object) bound to one database, driven
 * through the real CLI in-process.
 */
export class TestProject {
  readonly dir = mkdtempSync(join(tmpdir(), 'objectstack-migrate-'));

  /** A postgres:// URL, or the SQLite file (default: `.objectstack/dev.db` in the project, as `serve` uses). */
  readonly database: string;

  constructor(
    readonly dialect: DialectName,
    database?: string,
  ) {
    this.database = database ?? join(this.dir, '.objectstack', 'dev.db');
  }

  /** Writes the stack with these objects (name → object YAML without `name`), replacing the previous ones. */
  writeObjects(objects: Readonly<Record<string, Record<string, unknown>>>): void {
    rmSync(join(this.dir, 'objects'), { recursive: true, force: true });
    const datasource = this.dialect === 'postgres' ? { driver: 'postgres', url: this.database } : { driver: 'sqlite', url: this.database };
    this.write('objectstack.yaml', stringify({
      manifest: { id: 'com.test.migrate', name: 'Migrate test', version: '1.0.0' },
      include: ['objects/*.object.yml'],
      plugins: [{ id: 'com.objectstack.data' }, { id: 'com.objectstack.metadata' }],
      datasources: { default: datasource },
    }));
    for (const [name, object] of Object.entries(objects)) this.write(`objects/${name}.object.yml`, stringify(object));
  }

  write(path: string, content: string): void {
    const file = join(this.dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }

  async cli(...argv: string[]): Promise<CliRun> {
    let stdout = '';
    let stderr = '';
    const io: CliIO = {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: this.dir,
      env: { ...process.env, NO_COLOR: '1' },
    };
    const code = await main(argv, io);
    return { code, stdout, stderr };
  }

  async connect(): Promise<DatabaseConnection> {
    return openDatabase(this.database, { cwd: this.dir });
  }

  /** Runs SQL against the project's database and returns the rows. */
  async sql(statement: string): Promise<Record<string, unknown>[]> {
    const connection = await this.connect();
    try {
      return await connection.query(statement);
    } finally {
      await connection.close();
    }
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
