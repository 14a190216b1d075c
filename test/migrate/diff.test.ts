import { describe, expect, it } from 'vitest';
import { physicalSchemaOf } from '../../compiler/migrate/dialect.js';
import type { SchemaLocations } from '../../compiler/migrate/locations.js';
import type { Snapshot } from '../../compiler/migrate/snapshot.js';
import { planMigration } from '../../compiler/migrate/plan.js';
import { postgresDialect } from '../../runtime/data/dialects/postgres/index.js';
import { sqliteDialect } from '../../runtime/data/dialects/sqlite/index.js';
import { column, snapshot, table } from './support/tables.js';

function plan(from: Snapshot, to: Snapshot, dialect = postgresDialect) {
  return planMigration({ from: physicalSchemaOf(from, dialect), to: physicalSchemaOf(to, dialect), dialect });
}

const ref = (target: string, onDelete: 'set_null' | 'cascade' | 'restrict' = 'set_null') => ({ references: { table: target, column: 'id', onDelete } });

describe('diff', () => {
  it('creates referenced tables first and drops referencing tables first', () => {
    const schema = snapshot(
      table('line', [column('order_id', 'id', ref('order', 'cascade'))]),
      table('order', [column('customer', 'id', ref('customer'))]),
      table('customer', [column('name', 'text')]),
    );
    expect(plan(snapshot(), schema).operations.map((p) => p.summary.split(' (')[0])).toEqual([
      'create table "customer"',
      'create table "order"',
      'create table "line"',
    ]);
    expect(plan(schema, snapshot()).operations.map((p) => p.summary)).toEqual([
      'drop table "line"',
      'drop table "order"',
      'drop table "customer"',
    ]);
  });

  it('adds the foreign keys of a reference cycle after both tables exist (PostgreSQL)', () => {
    const cyclic = snapshot(table('a', [column('b', 'id', ref('b'))]), table('b', [column('a', 'id', ref('a'))]));
    const statements = plan(snapshot(), cyclic).statements;
    expect(statements.at(-1)).toBe('ALTER TABLE "b" ADD CONSTRAINT "fk_b_a" FOREIGN KEY ("a") REFERENCES "a" ("id") ON DELETE SET NULL');
    expect(statements.filter((s) => s.startsWith('CREATE TABLE'))).toHaveLength(2);
  });

  it('renames a table declared with renamedFrom, keeping its constraints named after it', () => {
    const from = snapshot(table('client', [column('status', 'text', { options: ['a'] })]));
    const to = snapshot(table('customer', [column('status', 'text', { options: ['a'] })], { renamedFrom: 'client' }));
    const result = plan(from, to);
    expect(result.operations.map((p) => [p.operation.kind, p.classification])).toEqual([['rename_table', 'backward-incompatible']]);
    expect(result.statements).toEqual([
      'ALTER TABLE "client" RENAME TO "customer"',
      'ALTER TABLE "customer" RENAME CONSTRAINT "ck_client_status" TO "ck_customer_status"',
    ]);
    expect(plan(to, to).operations).toEqual([]);
  });

  it('renames an index whose derived name follows a renamed column instead of dropping it', () => {
    const from = snapshot(table('a', [column('code', 'text')], { indexes: [{ name: 'idx_a_code', columns: ['code'], unique: false }] }));
    const to = snapshot(table('a', [column('sku', 'text', { renamedFrom: 'code' })], { indexes: [{ name: 'idx_a_sku', columns: ['sku'], unique: false }] }));
    expect(plan(from, to).statements).toEqual(['ALTER TABLE "a" RENAME COLUMN "code" TO "sku"', 'ALTER INDEX "idx_a_code" RENAME TO "idx_a_sku"']);
    expect(plan(from, to, sqliteDialect).statements).toEqual([
      'ALTER TABLE "a" RENAME COLUMN "code" TO "sku"',
      'DROP INDEX "idx_a_code"',
      'CREATE INDEX "idx_a_sku" ON "a" ("sku")',
    ]);
  });

  it('classifies each kind of change', () => {
    const from = snapshot(table('t', [
      column('a', 'text', { maxLength: 10 }),
      column('b', 'text', { maxLength: 50 }),
      column('c', 'integer'),
      column('d', 'text', { options: ['x', 'y'] }),
      column('e', 'text'),
    ]));
    const to = snapshot(table('t', [
      column('a', 'text', { maxLength: 20 }),
      column('b', 'text', { maxLength: 5 }),
      column('c', 'integer', { notNull: true }),
      column('d', 'text', { options: ['x', 'y', 'z'] }),
      column('f', 'text', { default: 'n/a', notNull: true }),
    ], { indexes: [{ name: 'uniq_t_a', columns: ['a'], unique: true }] }));
    const byField = Object.fromEntries(plan(from, to).operations.map((p) => [`${p.operation.kind}:${p.field ?? ''}`, p.classification]));
    expect(byField).toEqual({
      'add_column:f': 'safe',
      'alter_column:a': 'safe',
      'alter_column:b': 'data-dependent',
      'alter_column:c': 'data-dependent',
      'alter_column:d': 'safe',
      'drop_column:e': 'destructive',
      'add_index:': 'data-dependent',
    });
  });

  it('treats a change invisible to the dialect as no change (maxLength on SQLite)', () => {
    const from = snapshot(table('t', [column('a', 'text', { maxLength: 10 })]));
    const to = snapshot(table('t', [column('a', 'text', { maxLength: 20 })]));
    expect(plan(from, to, sqliteDialect).operations).toEqual([]);
    expect(plan(from, to, postgresDialect).operations).toHaveLength(1);
  });

  it('rebuilds a SQLite table for changes ALTER TABLE cannot make, copying the kept columns', () => {
    const from = snapshot(table('t', [column('a', 'integer'), column('b', 'text')]));
    const to = snapshot(table('t', [column('a', 'real', { notNull: true }), column('b', 'text'), column('c', 'text', { notNull: true, default: 'x' })]));
    expect(plan(from, to, sqliteDialect).statements).toEqual([
      'CREATE TABLE "__objectstack_new_t" (\n  "id" TEXT NOT NULL PRIMARY KEY,\n  "a" REAL NOT NULL,\n  "b" TEXT,\n  "c" TEXT NOT NULL DEFAULT \'x\',\n  "created_at" TEXT\n)',
      'INSERT INTO "__objectstack_new_t" ("id", "a", "b", "created_at") SELECT "id", "a", "b", "created_at" FROM "t"',
      'DROP TABLE "t"',
      'ALTER TABLE "__objectstack_new_t" RENAME TO "t"',
    ]);
  });

  it('warns about a renamedFrom that names no previous column, and suggests one for a look-alike drop and add', () => {
    const from = snapshot(table('t', [column('a', 'text'), column('old', 'integer')]));
    const stale = plan(from, snapshot(table('t', [column('a', 'text'), column('old', 'integer'), column('b', 'text', { renamedFrom: 'gone' })])));
    expect(stale.operations.map((p) => p.operation.kind)).toEqual(['add_column']);
    expect(stale.diagnostics.map((d) => d.code)).toEqual(['OS6003']);
    const to = snapshot(table('t', [column('a', 'text'), column('new', 'integer')]));
    const locations: SchemaLocations = {
      object: () => ({ file: 't.object.yml', path: [] }),
      field: (_object, field) => ({ file: 't.object.yml', path: ['fields', field], target: 'key' }),
      renamedFrom: () => null,
    };
    const lookAlike = planMigration({ from: physicalSchemaOf(from, postgresDialect), to: physicalSchemaOf(to, postgresDialect), dialect: postgresDialect, locations });
    expect(lookAlike.diagnostics).toEqual([
      expect.objectContaining({ code: 'OS6001', at: { file: 't.object.yml', path: ['fields', 'new'], target: 'key' }, hint: expect.stringContaining('renamedFrom: old') }),
    ]);
  });
});
