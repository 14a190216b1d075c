import { appendFileSync, cpSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialectsUnderTest } from './support/dialects.js';
import { TestProject } from './support/project.js';

const dialects = await dialectsUnderTest('ledger');

const STAMP = "'2024-01-01T00:00:00Z'";
const account = (fields: Record<string, unknown>) => ({ fields: { name: { type: 'text' }, ...fields } });

async function ok(project: TestProject, ...argv: string[]) {
  const run = await project.cli(...argv);
  expect(run.code, `${argv.join(' ')}\n${run.stdout}${run.stderr}`).toBe(0);
  return run;
}

async function schemaOf(project: TestProject) {
  const connection = await project.connect();
  try {
    return await connection.introspect();
  } finally {
    await connection.close();
  }
}

describe.each(dialects)('ledger and failures on $name', (dialect) => {
  async function applied(scenario: string, fields: Record<string, unknown> = {}) {
    const project = await dialect.project(scenario);
    project.writeObjects({ account: account(fields) });
    await ok(project, 'migrate', 'create', 'init');
    await ok(project, 'migrate', 'apply');
    await project.sql(`INSERT INTO account (id, name, created_at, updated_at) VALUES ('a1', 'Acme', ${STAMP}, ${STAMP})`);
    return project;
  }

  it('records name, checksum, hashes, time and duration, and refuses an applied migration whose files changed', async () => {
    const project = await applied('tamper');
    const [entry] = await project.sql('SELECT * FROM objectstack_migrations');
    expect(entry).toMatchObject({ name: '0001_init', checksum: expect.stringMatching(/^[0-9a-f]{64}$/), from_hash: expect.stringMatching(/^[0-9a-f]{64}$/), to_hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(Date.parse(String(entry?.['applied_at']))).not.toBeNaN();
    expect(Number(entry?.['duration_ms'])).toBeGreaterThanOrEqual(0);

    appendFileSync(join(project.dir, 'migrations', '0001_init', `up.${dialect.name}.sql`), '\n-- a harmless edit\n');
    const refused = await project.cli('migrate', 'apply');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('OS6021');
    expect(refused.stderr).toContain('0001_init was modified after it was applied');
    const status = await project.cli('migrate', 'status');
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/MODIFIED\s+0001_init/);
  });

  it('refuses a migration created on a stale base (two branches from the same parent)', async () => {
    const project = await applied('stale');
    const branch = new TestProject(dialect.name, project.database);
    cpSync(join(project.dir, 'migrations'), join(branch.dir, 'migrations'), { recursive: true });

    project.writeObjects({ account: account({ phone: { type: 'phone' } }) });
    await ok(project, 'migrate', 'create', 'add_phone');
    await ok(project, 'migrate', 'apply');

    branch.writeObjects({ account: account({ email: { type: 'email' } }) });
    await ok(branch, 'migrate', 'create', 'add_email');
    const [created] = readdirSync(join(branch.dir, 'migrations')).filter((name) => name.startsWith('0002'));
    cpSync(join(branch.dir, 'migrations', created ?? ''), join(project.dir, 'migrations', '0003_add_email'), { recursive: true });
    branch.remove();

    const refused = await project.cli('migrate', 'apply');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('OS6022');
    expect(refused.stderr).toContain('0003_add_email starts from schema');
    expect((await schemaOf(project)).tables[0]?.columns.map((column) => column.name)).not.toContain('email');
  });

  it('refuses an applied migration whose folder is gone', async () => {
    const project = await applied('missing');
    renameSync(join(project.dir, 'migrations', '0001_init'), join(project.dir, 'migrations', 'gone'));
    const refused = await project.cli('migrate', 'apply');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('OS6026');
  });

  it('rolls back a migration that fails halfway: schema, rows and ledger as before, failing statement named', async () => {
    const project = await applied('halfway');
    project.writeObjects({ account: account({ phone: { type: 'phone' } }), invoice: { fields: { total: { type: 'number' } } } });
    await ok(project, 'migrate', 'create', 'two_steps');
    const [folder] = readdirSync(join(project.dir, 'migrations')).filter((name) => name.startsWith('0002'));
    appendFileSync(join(project.dir, 'migrations', folder ?? '', `up.${dialect.name}.sql`), '\nUPDATE "no_such_table" SET "x" = 1;\n');
    const before = await schemaOf(project);

    const failed = await project.cli('migrate', 'apply');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('OS6023');
    expect(failed.stderr).toMatch(/failed at statement 3 of 3 and was rolled back/);
    expect(failed.stderr).toContain('UPDATE "no_such_table" SET "x" = 1');
    expect(failed.stderr).toContain('no_such_table');
    expect(await schemaOf(project)).toEqual(before);
    expect(await project.sql('SELECT id FROM account')).toEqual([{ id: 'a1' }]);
    expect(await project.sql('SELECT name FROM objectstack_migrations')).toEqual([{ name: '0001_init' }]);
  });

  it('rolls back a foreign key that existing rows break (checked after the SQLite rebuild)', async () => {
    const project = await applied('orphans', { parent: { type: 'text' } });
    await project.sql(`UPDATE account SET parent = 'nobody'`);
    project.writeObjects({ account: account({ parent: { type: 'lookup', reference: 'account' } }) });
    const diff = JSON.parse((await ok(project, 'diff', '--from', project.database, '--format', 'json')).stdout);
    expect(diff.changes).toEqual([expect.objectContaining({ classification: 'data-dependent', field: 'parent', affectedRows: 1 })]);
    await ok(project, 'migrate', 'create', 'parent_lookup');
    const before = await schemaOf(project);
    const failed = await project.cli('migrate', 'apply', '--allow-destructive');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('OS6023');
    expect(failed.stderr).toMatch(/foreign key/i);
    expect(await schemaOf(project)).toEqual(before);
    expect(await project.sql('SELECT parent FROM account')).toEqual([{ parent: 'nobody' }]);
  });

  it('reverts with down and refuses to revert a migration that dropped data', async () => {
    const project = await applied('down', { fax: { type: 'phone' } });
    const v1 = await schemaOf(project);
    project.writeObjects({ account: account({ fax: { type: 'phone' }, phone: { type: 'phone' } }) });
    await ok(project, 'migrate', 'create', 'add_phone');
    await ok(project, 'migrate', 'apply');
    expect((await ok(project, 'migrate', 'down')).stdout).toContain('reverted 0002_add_phone');
    expect(await schemaOf(project)).toEqual(v1);
    expect(await project.sql('SELECT name FROM objectstack_migrations')).toEqual([{ name: '0001_init' }]);

    rmSync(join(project.dir, 'migrations', '0002_add_phone'), { recursive: true });
    project.writeObjects({ account: account({}) });
    await ok(project, 'migrate', 'create', 'drop_fax');
    await ok(project, 'migrate', 'apply', '--allow-destructive');
    const refused = await project.cli('migrate', 'down');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('OS6024');
    const unknown = await project.cli('migrate', 'down', '--to', '0009_nothing');
    expect(unknown.stderr).toContain('OS6027');
  });
});
