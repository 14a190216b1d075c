import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TestProject } from './support/project.js';

const project = new TestProject('sqlite');
afterAll(() => project.remove());

describe('objectstack diff and migrate on the command line', () => {
  it('exits 0 without changes, 2 with changes, 1 on an error with --exit-code; never writes to the database', async () => {
    project.writeObjects({ note: { fields: { body: { type: 'textarea' } } } });
    expect((await project.cli('migrate', 'create', 'init')).code).toBe(0);
    expect((await project.cli('diff', '--exit-code')).code).toBe(0);

    project.writeObjects({ note: { fields: { body: { type: 'textarea' }, pinned: { type: 'boolean', defaultValue: false } } } });
    const changed = await project.cli('diff', '--exit-code');
    expect(changed.code).toBe(2);
    expect(changed.stdout).toContain('safe  add column "note"."pinned" INTEGER default 0');
    expect(changed.stdout).toMatch(/objects\/note\.object\.yml:\d+:\d+ · field note\.pinned/);
    expect(changed.stdout).toContain('1 change: 1 safe');
    expect(changed.stdout).toContain('ALTER TABLE "note" ADD COLUMN "pinned" INTEGER DEFAULT 0 CHECK ("pinned" IN (0, 1));');

    const missing = await project.cli('diff', '--exit-code', '--from', 'nowhere.db');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('OS6011');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(project.dir, 'nowhere.db'))).toBe(false);
    expect(existsSync(join(project.dir, '.objectstack'))).toBe(false);
  });

  it('prints only SQL with --format sql and a stable document with --format json, for the chosen dialect', async () => {
    const sql = await project.cli('diff', '--format', 'sql', '--dialect', 'postgres');
    expect(sql.stdout).toMatch(/^-- objectstack diff generated\/snapshot\.json → objectstack\.yaml \(postgres\)\n\nALTER TABLE "note" ADD COLUMN "pinned" boolean DEFAULT false;\n$/);
    const json = JSON.parse((await project.cli('diff', '--format', 'json')).stdout);
    expect(json).toMatchObject({ dialect: 'sqlite', live: false, changes: [{ kind: 'add_column', classification: 'safe', object: 'note', field: 'pinned', location: { file: 'objects/note.object.yml' } }] });
  });

  it('reports an unreadable snapshot as OS6010 with a hint', async () => {
    writeFileSync(join(project.dir, 'broken.json'), '{"version": 7}');
    const broken = await project.cli('diff', '--from', 'broken.json');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('OS6010');
    expect(broken.stderr).toContain('hint: regenerate it with `objectstack build`');
  });

  it('writes a migration folder with SQL, meta and snapshot, and updates generated/snapshot.json', async () => {
    const created = await project.cli('migrate', 'create', 'Pin notes!');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('created migrations/0002_pin_notes');
    const dir = join(project.dir, 'migrations', '0002_pin_notes');
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({ version: 1, name: '0002_pin_notes', dialects: { sqlite: { reversible: true, steps: [{ kind: 'add_column', classification: 'safe' }] } } });
    expect(readFileSync(join(dir, 'snapshot.json'), 'utf8')).toBe(readFileSync(join(project.dir, 'generated', 'snapshot.json'), 'utf8'));
    // The column carries a CHECK, which SQLite's DROP COLUMN refuses: the down script rebuilds the table without it.
    const down = readFileSync(join(dir, 'down.sqlite.sql'), 'utf8');
    expect(down).toContain('CREATE TABLE "__objectstack_new_note"');
    expect(down).toContain('INSERT INTO "__objectstack_new_note" ("id", "body", "created_at"');
    const again = await project.cli('migrate', 'create', 'nothing');
    expect(again.stderr).toContain('OS6028');

    const dry = await project.cli('migrate', 'apply', '--dry-run');
    expect(dry.stdout).toContain('-- would apply 0001_init');
    expect(dry.stdout).toContain('dry run: nothing applied');
    const status = await project.cli('migrate', 'status');
    expect(status.stdout).toMatch(/pending\s+0001_init\n\s+pending\s+0002_pin_notes/);
  });

  it('rejects an unknown action as a usage error', async () => {
    const wrong = await project.cli('migrate', 'sideways');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('one of create, apply, status, down');
  });
});
