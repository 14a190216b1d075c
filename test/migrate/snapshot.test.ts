import { afterAll, describe, expect, it } from 'vitest';
import { loadTargetStack } from '../../compiler/migrate/target-stack.js';
import { hashTables, parseSnapshot, serializeSnapshot, snapshotOf, snapshotTextOf, type Snapshot } from '../../compiler/migrate/snapshot.js';
import { TestProject } from './support/project.js';

const projects: TestProject[] = [];
afterAll(() => projects.forEach((project) => project.remove()));

function snapshotOfObjects(objects: Record<string, Record<string, unknown>>): Snapshot {
  const project = new TestProject('sqlite');
  projects.push(project);
  project.writeObjects(objects);
  const stack = loadTargetStack(project.dir);
  expect(stack.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return snapshotOf(stack.ir!);
}

const zoo = loadTargetStack(new URL('../../stacks/field-zoo', import.meta.url).pathname);
const zooSnapshot = snapshotOf(zoo.ir!);
const specimen = zooSnapshot.tables.find((table) => table.name === 'specimen')!;
const columnNamed = (name: string) => specimen.columns.find((column) => column.name === name);

describe('snapshotOf', () => {
  it('maps every field type of the field zoo to a column, except computed fields', () => {
    expect(columnNamed('formula_field')).toBeUndefined();
    expect(columnNamed('summary_field')).toBeUndefined();
    expect(columnNamed('text_field')).toMatchObject({ type: 'text', maxLength: 100 });
    expect(columnNamed('currency_field')).toMatchObject({ type: 'decimal', precision: 18, scale: 2 });
    expect(columnNamed('boolean_field')).toMatchObject({ type: 'boolean' });
    expect(columnNamed('datetime_field')).toMatchObject({ type: 'datetime' });
    expect(columnNamed('file_field')).toMatchObject({ type: 'json' });
    expect(columnNamed('lookup_field')).toMatchObject({ type: 'id', references: { table: 'habitat', column: 'id', onDelete: 'set_null' } });
    expect(columnNamed('select_field')?.options?.length).toBeGreaterThan(0);
    expect(specimen.columns.slice(0, 1)).toEqual([{ name: 'id', field: null, type: 'id', notNull: true }]);
    expect(specimen.columns.map((column) => column.name)).toEqual(expect.arrayContaining(['created_at', 'updated_at']));
  });

  it('keeps a multiple lookup in a join table with cascading keys to both sides', () => {
    const snapshot = snapshotOfObjects({
      tag: { fields: { name: { type: 'text' } } },
      post: { fields: { tags: { type: 'lookup', reference: 'tag', multiple: true } } },
    });
    expect(snapshot.tables.map((table) => table.name)).toEqual(['post', 'post__tags', 'tag']);
    const join = snapshot.tables[1]!;
    expect(join).toMatchObject({ object: 'post', field: 'tags', primaryKey: ['source_id', 'target_id'] });
    expect(join.columns).toEqual([
      { name: 'source_id', field: null, type: 'id', notNull: true, references: { table: 'post', column: 'id', onDelete: 'cascade' } },
      { name: 'target_id', field: null, type: 'id', notNull: true, references: { table: 'tag', column: 'id', onDelete: 'cascade' } },
    ]);
    expect(snapshot.tables[0]!.columns.map((column) => column.name)).not.toContain('tags');
  });

  it('adds NOT NULL only for storage.notNull, and database defaults only for literals that fit', () => {
    const snapshot = snapshotOfObjects({
      task: {
        fields: {
          title: { type: 'text', required: true },
          code: { type: 'text', storage: { notNull: true }, defaultValue: 'T-1' },
          owner: { type: 'text', defaultValue: '$currentUser' },
          done: { type: 'boolean', defaultValue: false },
          priority: { type: 'select', options: ['low', 'high'], defaultValue: 'low' },
          due: { type: 'master_detail', reference: 'task' },
        },
      },
    });
    const columns = new Map(snapshot.tables[0]!.columns.map((column) => [column.name, column]));
    expect(columns.get('title')).toMatchObject({ notNull: false });
    expect(columns.get('code')).toMatchObject({ notNull: true, default: 'T-1' });
    expect(columns.get('owner')?.default).toBeUndefined();
    expect(columns.get('done')).toMatchObject({ default: false });
    expect(columns.get('priority')).toMatchObject({ options: ['low', 'high'] });
    expect(columns.get('priority')?.default).toBe('low');
    expect(columns.get('due')?.references).toEqual({ table: 'task', column: 'id', onDelete: 'cascade' });
  });

  it('serialises deterministically and round-trips through the versioned schema', () => {
    const text = serializeSnapshot(zooSnapshot);
    expect(serializeSnapshot(snapshotOf(loadTargetStack(new URL('../../stacks/field-zoo', import.meta.url).pathname).ir!))).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.indexOf('"version"')).toBeLessThan(text.indexOf('"hash"'));
    expect(serializeSnapshot(parseSnapshot(text))).toBe(text);
    expect(() => parseSnapshot(text.replace('"version": 1', '"version": 2'))).toThrow();
  });

  it('writes the same text in one pass (snapshotTextOf) as serialising snapshotOf, with and without rename hints', () => {
    for (const name of ['crm', 'todo', 'field-zoo', 'hello-plugin']) {
      const ir = loadTargetStack(new URL(`../../stacks/${name}`, import.meta.url).pathname).ir!;
      expect(snapshotTextOf(ir), name).toBe(serializeSnapshot(snapshotOf(ir)));
    }
    const project = new TestProject('sqlite');
    projects.push(project);
    project.writeObjects({
      customer: { name: 'customer', renamedFrom: 'account', fields: { phone_number: { type: 'phone', renamedFrom: 'phone' } } },
    });
    const renamed = loadTargetStack(project.dir).ir!;
    expect(snapshotTextOf(renamed)).toContain('"renamedFrom": "phone"');
    expect(snapshotTextOf(renamed)).toBe(serializeSnapshot(snapshotOf(renamed)));
  });

  it('hashes the physical content: a change moves the hash, a renamedFrom hint does not', () => {
    const tables = zooSnapshot.tables;
    expect(zooSnapshot.hash).toBe(hashTables(tables));
    const hinted = tables.map((table) => ({ ...table, renamedFrom: `old_${table.name}` }));
    expect(hashTables(hinted)).toBe(zooSnapshot.hash);
    const changed = tables.map((table, index) => (index === 0 ? { ...table, columns: table.columns.slice(1) } : table));
    expect(hashTables(changed)).not.toBe(zooSnapshot.hash);
  });
});
