import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatabaseConnection } from '../../compiler/migrate/database.js';
import { physicalSchemaOf, type Dialect } from '../../compiler/migrate/dialect.js';
import { dialectNamed, openDatabase } from '../../compiler/migrate/dialects.js';
import type { PhysicalSchema } from '../../compiler/migrate/physical.js';
import { planMigration } from '../../compiler/migrate/plan.js';
import { invertRenames } from '../../compiler/migrate/renames.js';
import { EMPTY_SNAPSHOT, type Snapshot } from '../../compiler/migrate/snapshot.js';
import { schemaPairArbitrary } from './support/arbitrary-schemas.js';
import { createTestDatabase, createTestSchema } from './support/postgres.js';

// 30 pairs per dialect keeps the suite quick; PROPERTY_RUNS=500 explores further before a release.
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 30);
const postgres = await createTestDatabase('property');
afterAll(() => postgres?.drop());
const scratch = mkdtempSync(join(tmpdir(), 'objectstack-property-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let counter = 0;
async function freshDatabase(dialect: Dialect['name']): Promise<DatabaseConnection> {
  counter++;
  if (dialect === 'sqlite') return openDatabase(join(scratch, `case-${counter}.db`), { cwd: scratch });
  if (!postgres) throw new Error('unreachable: postgres cases are skipped without a server');
  return openDatabase(await createTestSchema(postgres, `case_${counter}`), { cwd: scratch });
}

async function migrate(connection: DatabaseConnection, from: Snapshot, to: Snapshot, dialect: Dialect) {
  const plan = planMigration({ from: physicalSchemaOf(from, dialect), to: physicalSchemaOf(to, dialect), dialect });
  await connection.transaction(async () => {
    for (const statement of plan.statements) await connection.exec(statement);
  });
  return plan;
}

/** Column order and constraint names carry no meaning for equality of two schemas. */
function normalized(schema: PhysicalSchema): unknown {
  return [...schema.tables]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((table) => ({
      ...table,
      columns: [...table.columns]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((column) => ({
          ...column,
          check: column.check ? [...column.check.values].sort() : null,
          references: column.references ? { ...column.references, name: undefined } : null,
        })),
      indexes: [...table.indexes].sort((a, b) => a.name.localeCompare(b.name)),
    }));
}

const dialects: Dialect['name'][] = postgres ? ['sqlite', 'postgres'] : ['sqlite'];

describe.each(dialects)('random schema pairs on %s', (name) => {
  const dialect = dialectNamed(name);

  it(`after applying a → b, the database diffs empty against b; down returns to a when reversible (${RUNS} pairs)`, async () => {
    await fc.assert(
      fc.asyncProperty(schemaPairArbitrary, async ([a, b]) => {
        const connection = await freshDatabase(name);
        try {
          await migrate(connection, EMPTY_SNAPSHOT, a, dialect);
          const original = await connection.introspect();
          expect(planMigration({ from: original, to: physicalSchemaOf(a, dialect), dialect }).operations).toEqual([]);

          const up = await migrate(connection, a, b, dialect);
          const after = planMigration({ from: await connection.introspect(), to: physicalSchemaOf(b, dialect), dialect });
          expect(after.operations.map((planned) => planned.summary)).toEqual([]);

          if (up.operations.some((planned) => planned.classification === 'destructive')) return;
          const down = planMigration({ from: physicalSchemaOf(b, dialect), to: physicalSchemaOf(a, dialect), dialect, renames: invertRenames(up.renames) });
          await connection.transaction(async () => {
            for (const statement of down.statements) await connection.exec(statement);
          });
          expect(normalized(await connection.introspect())).toEqual(normalized(original));
        } finally {
          await connection.close();
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('diff(s, s) is empty', () => {
    fc.assert(
      fc.property(schemaPairArbitrary, ([a]) => {
        const physical = physicalSchemaOf(a, dialect);
        expect(planMigration({ from: physical, to: physical, dialect }).operations).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
