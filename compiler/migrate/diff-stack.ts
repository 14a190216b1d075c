import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locate } from '../diagnostics/locate.js';
import type { LoadOptions } from '../load/load-stack.js';
import { SNAPSHOT_FILE } from './create.js';
import { physicalSchemaOf, type DialectName } from './dialect.js';
import { dialectNamed, dialectOfTarget, openDatabase } from './dialects.js';
import { locationsOf } from './locations.js';
import { MigrateError } from './migrate-error.js';
import type { PlannedOperation } from './operations.js';
import type { PhysicalSchema } from './physical.js';
import { planMigration, type MigrationPlan } from './plan.js';
import { measureImpact } from './probe.js';
import { parseSnapshot, snapshotOf } from './snapshot.js';
import { describePostgres } from '../../runtime/data/dialects/postgres/connection.js';
import { loadTargetStack, stackDialect, type TargetStack } from './target-stack.js';

export interface DiffStackOptions {
  /** objectstack.yaml or its folder. */
  readonly stack: string;
  /** A snapshot file (*.json), a postgres:// URL or a SQLite file; default generated/snapshot.json of the stack. */
  readonly from?: string;
  readonly dialect?: DialectName;
  readonly cwd: string;
  readonly load?: LoadOptions;
}

export interface StackDiff {
  readonly stack: TargetStack;
  /** What was compared: a file path or a redacted database URL. */
  readonly from: string;
  readonly live: boolean;
  readonly plan: MigrationPlan;
  /** The plan's operations, with affected row counts when `from` is a live database. */
  readonly operations: readonly PlannedOperation[];
  /** Rename suggestions and stale renamedFrom hints, located in the YAML. */
  readonly diagnostics: readonly Diagnostic[];
}

/** `objectstack diff` as a function: never writes to a database (only SELECTs, for introspection and row counts). */
export async function diffStack(options: DiffStackOptions): Promise<StackDiff | { stack: TargetStack }> {
  const stack = loadTargetStack(resolve(options.cwd, options.stack), options.load);
  if (stack.ir === undefined) return { stack };
  const target = snapshotOf(stack.ir);
  const fromArg = options.from ?? join(stack.projectDir, SNAPSHOT_FILE);
  const isSnapshot = options.from === undefined || /\.json$/i.test(fromArg);
  const dialectName = options.dialect ?? (isSnapshot ? stackDialect(stack.ir) : dialectOfTarget(fromArg));
  const dialect = dialectNamed(dialectName);
  const locations = locationsOf(stack.ir);
  const to = physicalSchemaOf(target, dialect);

  if (isSnapshot) {
    const from = physicalSchemaOf(readSnapshotFile(resolve(options.cwd, fromArg)), dialect);
    const plan = planMigration({ from, to, dialect, locations });
    return { stack, from: fromArg, live: false, plan, operations: plan.operations, diagnostics: locate(plan.diagnostics, stack.spans) };
  }
  const connection = await openLive(fromArg, options.cwd);
  try {
    const from: PhysicalSchema = await connection.introspect();
    const plan = planMigration({ from, to, dialect, locations });
    const operations = await measureImpact(plan.operations, connection);
    return { stack, from: connection.description, live: true, plan, operations, diagnostics: locate(plan.diagnostics, stack.spans) };
  } finally {
    await connection.close();
  }
}

function readSnapshotFile(file: string) {
  if (!existsSync(file)) {
    throw new MigrateError('OS6010', `snapshot file ${file} does not exist`, {
      file,
      hint: 'run `objectstack build` (it writes generated/snapshot.json), or pass --from <snapshot.json | sqlite file | postgres URL>',
    });
  }
  try {
    return parseSnapshot(readFileSync(file, 'utf8'));
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new MigrateError('OS6010', `${file} is not a valid snapshot: ${message}`, { file, hint: 'regenerate it with `objectstack build`' });
  }
}

export async function openLive(target: string, cwd: string, mustExist = true) {
  try {
    return await openDatabase(target, { cwd, mustExist });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const shown = dialectOfTarget(target) === 'postgres' ? describePostgres(target) : target;
    throw new MigrateError('OS6011', `cannot open database ${shown}: ${message}`, {
      hint: dialectOfTarget(target) === 'postgres' ? 'check the URL and that the server is running' : 'check the SQLite file path',
    });
  }
}
