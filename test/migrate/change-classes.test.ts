import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialectsUnderTest } from './support/dialects.js';
import type { TestProject } from './support/project.js';

const dialects = await dialectsUnderTest('classes');

const STAMP = "'2024-01-01T00:00:00Z'";

interface Change {
  kind: string;
  classification: string;
  summary: string;
  object: string;
  field: string | null;
  location: { file: string; line: number; column: number } | null;
  affectedRows?: number;
}

async function diffFromDatabase(project: TestProject): Promise<{ changes: Change[]; statements: string[]; diagnostics: { code: string; message: string; hint?: string; span: { line: number } }[] }> {
  const run = await project.cli('diff', '--from', project.database, '--format', 'json');
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

/** The 1-based line of `text` in a project file. */
function lineOf(project: TestProject, file: string, text: string): number {
  const lines = readFileSync(join(project.dir, file), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  expect(index, `${text} in ${file}`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

async function migrate(project: TestProject, name: string, ...applyFlags: string[]) {
  const created = await project.cli('migrate', 'create', name);
  expect(created.code, created.stderr).toBe(0);
  return project.cli('migrate', 'apply', ...applyFlags);
}

async function expectInSync(project: TestProject) {
  const run = await project.cli('diff', '--from', project.database, '--exit-code');
  expect(run.code, run.stdout).toBe(0);
  expect((await project.cli('diff', '--exit-code')).code).toBe(0);
}

const account = (fields: Record<string, unknown>) => ({ label: 'Account', fields: { name: { type: 'text' }, ...fields } });

describe.each(dialects)('change classes on $name', (dialect) => {
  /** Applies v1 (account with `fields`), then inserts rows: `extra` names one more column, `values` its value per row. */
  async function v1(scenario: string, fields: Record<string, unknown>, extra?: string, ...values: string[]): Promise<TestProject> {
    const project = await dialect.project(scenario);
    project.writeObjects({ account: account(fields) });
    const applied = await migrate(project, 'init');
    expect(applied.code, applied.stderr).toBe(0);
    for (const [index, value] of values.entries()) {
      const columns = ['id', 'name', 'created_at', 'updated_at', ...(extra ? [extra] : [])].join(', ');
      const row = [`'a${index + 1}'`, `'Account ${index + 1}'`, STAMP, STAMP, ...(extra ? [value] : [])].join(', ');
      await project.sql(`INSERT INTO account (${columns}) VALUES (${row})`);
    }
    return project;
  }

  it('renames a field declared with renamedFrom and keeps its values', async () => {
    const project = await v1('rename', { phone: { type: 'phone' } }, 'phone', "'555-0100'");
    project.writeObjects({ account: account({ phone_number: { type: 'phone', renamedFrom: 'phone' } }) });

    const { changes, statements } = await diffFromDatabase(project);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'rename_column', classification: 'backward-incompatible', object: 'account', field: 'phone_number' });
    expect(changes[0]?.location).toMatchObject({ file: 'objects/account.object.yml', line: lineOf(project, 'objects/account.object.yml', 'renamedFrom: phone') });
    expect(statements).toEqual(['ALTER TABLE "account" RENAME COLUMN "phone" TO "phone_number"']);

    expect((await migrate(project, 'rename_phone')).code).toBe(0);
    expect(await project.sql('SELECT phone_number FROM account')).toEqual([{ phone_number: '555-0100' }]);
    await expectInSync(project);
  });

  it('renames an object declared with renamedFrom and keeps its rows', async () => {
    const project = await v1('rename_object', { phone: { type: 'phone' } }, 'phone', "'555-0100'");
    project.writeObjects({ customer: { ...account({ phone: { type: 'phone' } }), renamedFrom: 'account' } });

    const { changes, statements } = await diffFromDatabase(project);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'rename_table', classification: 'backward-incompatible', object: 'customer' });
    expect(statements).toEqual(['ALTER TABLE "account" RENAME TO "customer"']);

    expect((await migrate(project, 'rename_account')).code).toBe(0);
    expect(await project.sql('SELECT name, phone FROM customer')).toEqual([{ name: 'Account 1', phone: '555-0100' }]);
    await expectInSync(project);
  });

  it('widens a decimal and keeps the values', async () => {
    const project = await v1('widen', { amount: { type: 'number', precision: 8, scale: 2 } }, 'amount', '123456.78');
    project.writeObjects({ account: account({ amount: { type: 'number', precision: 12, scale: 2 } }) });

    const { changes } = await diffFromDatabase(project);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'alter_column', classification: 'safe', field: 'amount' });
    expect(changes[0]?.location?.line).toBe(lineOf(project, 'objects/account.object.yml', 'amount:'));

    expect((await migrate(project, 'widen_amount')).code).toBe(0);
    const [row] = await project.sql('SELECT amount FROM account');
    expect(Number(row?.['amount'])).toBe(123456.78);
    await expectInSync(project);
  });

  it('reports NOT NULL without a default on a non-empty table as data-dependent with the row count, and refuses it', async () => {
    const project = await v1('not_null', {}, undefined, '', '');
    project.writeObjects({ account: account({ region: { type: 'text', storage: { notNull: true } } }) });

    const { changes } = await diffFromDatabase(project);
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'add_column', classification: 'data-dependent', field: 'region', affectedRows: 2 }),
    ]);
    const text = await project.cli('diff', '--from', project.database);
    expect(text.stdout).toMatch(/data-dependent\s+add column "account"\."region"/);
    expect(text.stdout).toMatch(/objects\/account\.object\.yml:\d+:\d+ · field account\.region/);
    expect(text.stdout).toContain('2 rows affected');

    const refused = await migrate(project, 'add_region');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('OS6020');
    expect(refused.stderr).toContain('--allow-destructive');
    const forced = await project.cli('migrate', 'apply', '--allow-destructive');
    expect(forced.code).toBe(1);
    expect(forced.stderr).toContain('OS6023');
    expect(forced.stderr).toMatch(/rolled back/);
    expect(await project.sql('SELECT id FROM account ORDER BY id')).toEqual([{ id: 'a1' }, { id: 'a2' }]);
    const status = await project.cli('migrate', 'status');
    expect(status.stdout).toMatch(/applied\s+0001_init/);
    expect(status.stdout).toMatch(/pending\s+0002_add_region/);
  });

  it('refuses a dropped column without --allow-destructive and drops it with the flag', async () => {
    const project = await v1('drop', { fax: { type: 'phone' } }, 'fax', "'555-0199'");
    project.writeObjects({ account: account({}) });

    const { changes, statements } = await diffFromDatabase(project);
    expect(changes).toEqual([expect.objectContaining({ kind: 'drop_column', classification: 'destructive', field: 'fax', affectedRows: 1 })]);
    expect(changes[0]?.location?.file).toBe('objects/account.object.yml');
    expect(statements).toEqual(['ALTER TABLE "account" DROP COLUMN "fax"']);

    const refused = await migrate(project, 'drop_fax');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('OS6020');
    expect(await project.sql('SELECT fax FROM account')).toEqual([{ fax: '555-0199' }]);

    expect((await project.cli('migrate', 'apply', '--allow-destructive')).code).toBe(0);
    const connection = await project.connect();
    const columns = (await connection.introspect()).tables[0]?.columns.map((column) => column.name);
    await connection.close();
    expect(columns).not.toContain('fax');
    expect(await project.sql('SELECT name FROM account')).toEqual([{ name: 'Account 1' }]);
    await expectInSync(project);
  });

  it('counts rows still using a removed select option', async () => {
    const options = (values: string[]) => ({ type: 'select', options: values.map((value) => ({ label: value, value })) });
    const project = await v1('options', { status: options(['open', 'closed', 'archived']) }, 'status', "'archived'", "'open'");
    project.writeObjects({ account: account({ status: options(['open', 'closed']) }) });

    const { changes } = await diffFromDatabase(project);
    expect(changes).toEqual([expect.objectContaining({ kind: 'alter_column', classification: 'data-dependent', field: 'status', affectedRows: 1 })]);
    expect(changes[0]?.summary).toContain("allowed values ('open', 'closed')");
  });

  it('suggests renamedFrom for a dropped and an added field of the same type', async () => {
    const project = await v1('suggest', { nickname: { type: 'text' } });
    project.writeObjects({ account: account({ alias: { type: 'text' } }) });
    const { changes, diagnostics } = await diffFromDatabase(project);
    expect(changes.map((change) => change.kind).sort()).toEqual(['add_column', 'drop_column']);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'OS6001', hint: expect.stringContaining('renamedFrom: nickname') }),
    ]);
    expect(diagnostics[0]?.span.line).toBe(lineOf(project, 'objects/account.object.yml', 'alias:'));
  });

  it('keeps a multiple lookup in a join table that reads back unchanged and cascades deletes', async () => {
    const project = await dialect.project('join');
    project.writeObjects({ tag: { fields: { label: { type: 'text' } } }, post: { fields: { tags: { type: 'lookup', reference: 'tag', multiple: true } } } });
    const applied = await migrate(project, 'init');
    expect(applied.code, applied.stderr).toBe(0);
    await expectInSync(project);
    await project.sql(`INSERT INTO tag (id, created_at, updated_at) VALUES ('t1', ${STAMP}, ${STAMP})`);
    await project.sql(`INSERT INTO post (id, created_at, updated_at) VALUES ('p1', ${STAMP}, ${STAMP})`);
    await project.sql(`INSERT INTO post__tags (source_id, target_id) VALUES ('p1', 't1')`);
    await project.sql(`DELETE FROM tag WHERE id = 't1'`);
    expect(await project.sql('SELECT * FROM post__tags')).toEqual([]);
  });
});
