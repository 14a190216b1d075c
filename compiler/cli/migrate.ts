import { join, relative, resolve } from 'node:path';
import { applyMigrations } from '../migrate/apply.js';
import { createMigration } from '../migrate/create.js';
import type { DatabaseConnection } from '../migrate/database.js';
import { DIALECT_NAMES, type DialectName } from '../migrate/dialect.js';
import { sqliteFile, dialectOfTarget } from '../migrate/dialects.js';
import { openLive } from '../migrate/diff-stack.js';
import { migrateDown } from '../migrate/down.js';
import { short } from '../migrate/ledger.js';
import { locationsOf } from '../migrate/locations.js';
import { MIGRATIONS_DIR } from '../migrate/migration-files.js';
import { operationsText } from '../migrate/report.js';
import { snapshotOf } from '../migrate/snapshot.js';
import { migrationStatus } from '../migrate/status.js';
import { DEFAULT_SQLITE_DATABASE, loadTargetStack, stackDatabase, type TargetStack } from '../migrate/target-stack.js';
import { locate } from '../diagnostics/locate.js';
import { fileSpan } from '../diagnostics/span.js';
import { UsageError, type ParsedArgs } from './args.js';
import type { Command } from './command.js';
import type { CliIO } from './io.js';
import { printDiagnostics, reportingErrors } from '../migrate/cli-output.js';

const ACTIONS = ['create', 'apply', 'status', 'down'] as const;

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Create, apply, inspect and revert schema migrations (with a ledger in the database)',
  usage: 'migrate create <name> | apply | status | down   [--stack path] [--database url|file]',
  arity: [1, 2],
  options: {
    stack: { type: 'string', description: 'The stack (default ./objectstack.yaml); migrations/ lives next to it', placeholder: 'path' },
    database: { type: 'string', description: 'postgres:// URL or SQLite file (default: the stack datasource, else .objectstack/dev.db)', placeholder: 'url|file' },
    'allow-destructive': { type: 'boolean', description: 'apply: allow steps that drop data or may fail on existing rows' },
    'dry-run': { type: 'boolean', description: 'apply, down: print the SQL without running it' },
    to: { type: 'string', description: 'down: revert every migration applied after this one', placeholder: 'name' },
  },
  async run(args, io) {
    const [action, name] = args.positionals;
    if (!ACTIONS.includes(action as (typeof ACTIONS)[number])) {
      throw new UsageError('OS9003', `Unknown migrate action ${action ?? ''}`, `one of ${ACTIONS.join(', ')}`);
    }
    if (action === 'create' && name === undefined) throw new UsageError('OS9003', 'migrate create needs a name', 'e.g. objectstack migrate create add_phone');
    if (action !== 'create' && name !== undefined) throw new UsageError('OS9003', `migrate ${action} takes no argument, got ${name}`);
    const stack = loadTargetStack(resolve(io.cwd, (args.options.stack as string | undefined) ?? 'objectstack.yaml'), { env: io.env });
    return reportingErrors(io, stack.entryFile, () => {
      switch (action) {
        case 'create':
          return create(stack, name ?? '', io);
        case 'apply':
          return withDatabase(stack, args, io, (connection) => apply(connection, stack, args, io));
        case 'status':
          return withDatabase(stack, args, io, (connection) => status(connection, stack, io));
        default:
          return withDatabase(stack, args, io, (connection) => down(connection, stack, args, io));
      }
    });
  },
};

function migrationsDir(stack: TargetStack): string {
  return join(stack.projectDir, MIGRATIONS_DIR);
}

async function create(stack: TargetStack, name: string, io: CliIO): Promise<number> {
  if (stack.ir === undefined) {
    printDiagnostics(io, stack.diagnostics, stack.source);
    return 1;
  }
  const datasources = Object.values(stack.ir.datasources as Readonly<Record<string, { readonly driver: DialectName }>>);
  const dialects = DIALECT_NAMES.filter((dialect) => datasources.some((d) => d.driver === dialect));
  const result = createMigration({
    projectDir: stack.projectDir,
    name,
    target: snapshotOf(stack.ir),
    dialects: dialects.length > 0 ? dialects : ['sqlite'],
    locations: locationsOf(stack.ir),
  });
  printDiagnostics(io, locate(result.diagnostics, stack.spans), stack.source);
  if (result.migration === null) {
    printDiagnostics(io, [{ code: 'OS6028', severity: 'info', message: 'no schema changes since the last migration: nothing created', span: fileSpan(stack.entryFile) }]);
    return 0;
  }
  const { migration } = result;
  io.stdout.write(`created ${relative(io.cwd, migration.dir) || migration.dir}  (${short(migration.meta.from)} → ${short(migration.meta.to)})\n`);
  for (const [dialect, plan] of migration.plans) {
    const reversible = migration.meta.dialects[dialect]?.reversible ? 'reversible' : 'IRREVERSIBLE (drops data)';
    io.stdout.write(`\n${dialect}: ${plan.operations.length} step(s), ${plan.statements.length} statement(s), ${reversible}\n`);
    io.stdout.write(`${operationsText(plan.operations, { cwd: io.cwd, spans: stack.spans })}\n`);
  }
  io.stdout.write(`\nupdated ${relative(io.cwd, join(stack.projectDir, 'generated', 'snapshot.json'))}\n`);
  return 0;
}

async function withDatabase(stack: TargetStack, args: ParsedArgs, io: CliIO, work: (connection: DatabaseConnection) => Promise<number>): Promise<number> {
  const given = args.options.database as string | undefined;
  const target = given ?? (stack.ir ? stackDatabase(stack.ir) : DEFAULT_SQLITE_DATABASE);
  // A relative SQLite path is the project's (the one `serve` uses), unless given on the command line.
  const base = given !== undefined ? io.cwd : stack.projectDir;
  const location = dialectOfTarget(target) === 'sqlite' ? sqliteFile(target, base) : target;
  const connection = await openLive(location, base, false);
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}

async function apply(connection: DatabaseConnection, stack: TargetStack, args: ParsedArgs, io: CliIO): Promise<number> {
  const dryRun = args.options['dry-run'] === true;
  const report = await applyMigrations({
    connection,
    migrationsDir: migrationsDir(stack),
    allowDestructive: args.options['allow-destructive'] === true,
    dryRun,
  });
  for (const migration of report.applied) {
    if (dryRun) io.stdout.write(`-- would apply ${migration.name}\n${migration.statements.map((s) => `${s};`).join('\n\n')}\n\n`);
    else io.stdout.write(`applied ${migration.name} (${migration.statements.length} statements, ${migration.durationMs} ms)\n`);
  }
  for (const name of report.skipped) io.stdout.write(`skipped ${name}: applied meanwhile by another run\n`);
  const what = dryRun ? 'dry run: nothing applied' : report.applied.length === 0 ? 'already up to date' : `${report.applied.length} migration(s) applied`;
  io.stdout.write(`${connection.description} (${connection.dialect}): ${what}\n`);
  return 0;
}

async function status(connection: DatabaseConnection, stack: TargetStack, io: CliIO): Promise<number> {
  const result = await migrationStatus(connection, migrationsDir(stack));
  io.stdout.write(`${relative(io.cwd, migrationsDir(stack)) || MIGRATIONS_DIR} against ${connection.description} (${connection.dialect})\n`);
  for (const entry of result.applied) {
    io.stdout.write(`  ${entry.modified ? 'MODIFIED' : 'applied '}  ${entry.name}  ${entry.appliedAt}  ${entry.durationMs} ms\n`);
  }
  for (const name of result.missing) io.stdout.write(`  MISSING   ${name}  (in the ledger, folder not found)\n`);
  for (const name of result.pending) io.stdout.write(`  pending   ${name}\n`);
  if (result.applied.length + result.pending.length + result.missing.length === 0) io.stdout.write('  no migrations\n');
  if (result.drift.length > 0) {
    printDiagnostics(io, [{
      code: 'OS6029',
      severity: 'warning',
      message: `the database differs from its applied migrations; ${result.drift.length} change(s) would bring it back:\n${operationsText(result.drift, { cwd: io.cwd, spans: stack.spans })}`,
      span: fileSpan(migrationsDir(stack)),
    }]);
  } else io.stdout.write('drift: none\n');
  return result.applied.some((entry) => entry.modified) || result.missing.length > 0 ? 1 : 0;
}

async function down(connection: DatabaseConnection, stack: TargetStack, args: ParsedArgs, io: CliIO): Promise<number> {
  const dryRun = args.options['dry-run'] === true;
  const reverted = await migrateDown({
    connection,
    migrationsDir: migrationsDir(stack),
    ...(typeof args.options.to === 'string' ? { to: args.options.to } : {}),
    dryRun,
  });
  for (const migration of reverted) {
    if (dryRun) io.stdout.write(`-- would revert ${migration.name}\n${migration.statements.map((s) => `${s};`).join('\n\n')}\n\n`);
    else io.stdout.write(`reverted ${migration.name}\n`);
  }
  if (reverted.length === 0) io.stdout.write('nothing to revert\n');
  return 0;
}

/** `objectstack migrate …` from code: the same parsing, output and exit code as the command line. */
export async function run(argv: readonly string[]): Promise<number> {
  // Imported on use: main.ts reaches this module through the command table.
  const { main } = await import('./main.js');
  return main(['migrate', ...argv]);
}
