/**
 * Diff and migrate benchmark. (1) `diff` between two 1,000 objects × 20 fields schemas that differ in 50 places,
 * per dialect: physical schemas, diff, classification, rename suggestions and SQL (target ≤ 100 ms). (2) Introspection
 * of a 1,000-table database, SQLite and PostgreSQL (reported; PostgreSQL needs the server at 127.0.0.1:5432, or
 * OBJECTSTACK_BENCH_POSTGRES). Run alone: `node dist/bench/migrate/index.js`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { DatabaseConnection } from '../../compiler/migrate/database.js';
import { physicalSchemaOf, type Dialect } from '../../compiler/migrate/dialect.js';
import { dialectNamed } from '../../compiler/migrate/dialects.js';
import { planMigration } from '../../compiler/migrate/plan.js';
import { writeSnapshotFile } from '../../compiler/migrate/create.js';
import { diffStack } from '../../compiler/migrate/diff-stack.js';
import { EMPTY_SNAPSHOT, parseSnapshot, serializeSnapshot, snapshotOf, type Snapshot } from '../../compiler/migrate/snapshot.js';
import { loadTargetStack } from '../../compiler/migrate/target-stack.js';
import { BENCH_SHAPE, writeMultiFileStack } from '../validate/synthetic-stack.js';
import { openPostgres } from '../../runtime/data/dialects/postgres/index.js';
import { openSqlite } from '../../runtime/data/dialects/sqlite/index.js';
import { formatMs, measure, printTable } from '../harness.js';
import { baseSchema, changedSchema, SHAPE } from './synthetic-schema.js';

export const TARGETS = { diffMs: 100 } as const;
const CHANGES = 50;
const ADMIN_URL = process.env['OBJECTSTACK_BENCH_POSTGRES'] ?? 'postgres://postgres@127.0.0.1:5432/test';

function diffOnce(from: Snapshot, to: Snapshot, dialect: Dialect) {
  return planMigration({ from: physicalSchemaOf(from, dialect), to: physicalSchemaOf(to, dialect), dialect });
}

async function create(connection: DatabaseConnection, schema: Snapshot, dialect: Dialect): Promise<void> {
  const plan = diffOnce(EMPTY_SNAPSHOT, schema, dialect);
  await connection.transaction(async () => {
    for (const statement of plan.statements) await connection.exec(statement);
  });
}

/**
 * Median CPU time (user + system) of `fn`: on a shared machine wall time mostly measures the other processes, CPU
 * time what the diff itself costs.
 */
function cpuTime(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.cpuUsage();
    fn();
    const used = process.cpuUsage(started);
    times.push((used.user + used.system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** Median wall and client CPU time of introspection, after one unmeasured run. */
async function timeIntrospection(connection: DatabaseConnection, runs: number): Promise<[string, string]> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const started = process.hrtime.bigint();
    const usage = process.cpuUsage();
    const schema = await connection.introspect();
    const used = process.cpuUsage(usage);
    if (i > 0) wall.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (i > 0) cpu.push((used.user + used.system) / 1000);
    if (schema.tables.length < SHAPE.tables) throw new Error(`introspection found ${schema.tables.length} tables`);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return [formatMs(median(wall)), formatMs(median(cpu))];
}

export async function run(): Promise<void> {
  const base = baseSchema();
  const changed = changedSchema(base, CHANGES);
  const rows: string[][] = [];
  for (const name of ['sqlite', 'postgres'] as const) {
    const dialect = dialectNamed(name);
    const operations = diffOnce(base, changed, dialect).operations.length;
    const timing = measure(() => diffOnce(base, changed, dialect), { warmup: 3, runs: 11 });
    const cpu = cpuTime(() => diffOnce(base, changed, dialect), 11);
    rows.push([`diff ${SHAPE.tables}×${SHAPE.columns}, ${CHANGES} changes (${name}: ${operations} operations)`, formatMs(timing.medianMs), formatMs(timing.minMs), formatMs(cpu), `≤ ${TARGETS.diffMs} ms`]);
  }

  const scratch = mkdtempSync(join(tmpdir(), 'objectstack-bench-migrate-'));
  try {
    rows.push(...(await endToEnd(join(scratch, 'stack'))));
    const sqlite = openSqlite(join(scratch, 'bench.db'));
    await create(sqlite, base, dialectNamed('sqlite'));
    const [wall, cpu] = await timeIntrospection(sqlite, 5);
    rows.push([`introspect ${SHAPE.tables} tables (sqlite)`, wall, '', cpu, 'reported']);
    await sqlite.close();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  rows.push([`introspect ${SHAPE.tables} tables (postgres)`, ...(await postgresIntrospection(base)), 'reported']);
  printTable('Diff and migrate', ['measure', 'median', 'min', 'median CPU', 'target'], rows);
}

/**
 * `objectstack diff` as a user runs it on the synthetic 1,000 × 20 stack (engineer B's generator) against its own
 * snapshot file: YAML load, validation, resolution, snapshotOf, reading and checking the snapshot file, diff.
 */
async function endToEnd(dir: string): Promise<string[][]> {
  writeMultiFileStack(dir, BENCH_SHAPE);
  const stack = loadTargetStack(dir);
  if (stack.ir === undefined) throw new Error('the synthetic stack does not resolve');
  const snapshot = snapshotOf(stack.ir);
  writeSnapshotFile(dir, snapshot);
  const text = serializeSnapshot(snapshot);
  const parse = measure(() => parseSnapshot(text), { warmup: 1, runs: 5 });
  const wall: number[] = [];
  for (let i = 0; i < 4; i++) {
    const started = process.hrtime.bigint();
    const result = await diffStack({ stack: dir, cwd: dir });
    if (!('plan' in result) || result.operations.length !== 0) throw new Error('the stack differs from its own snapshot');
    if (i > 0) wall.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const median = wall.sort((a, b) => a - b)[1] ?? Number.NaN;
  return [
    [`read + check snapshot.json of ${BENCH_SHAPE.objects}×${BENCH_SHAPE.fields} (${Math.round(text.length / 1024)} KiB)`, formatMs(parse.medianMs), formatMs(parse.minMs), '', 'reported'],
    [`objectstack diff end to end, ${BENCH_SHAPE.objects}×${BENCH_SHAPE.fields} stack vs its snapshot file`, formatMs(median), formatMs(wall[0] ?? Number.NaN), '', 'reported'],
  ];
}

/** [median wall, '', median client CPU], or a skip notice. */
async function postgresIntrospection(base: Snapshot): Promise<[string, string, string]> {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    return ['skipped (no PostgreSQL server)', '', ''];
  }
  const name = `os_bench_migrate_${process.pid}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const connection = await openPostgres(url.toString());
    try {
      await create(connection, base, dialectNamed('postgres'));
      const [wall, cpu] = await timeIntrospection(connection, 5);
      return [wall, '', cpu];
    } finally {
      await connection.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
