import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_TYPES, ObjectFileSchema, PluginManifestSchema, StackSchema, type ObjectDef } from '../../schemas/index.js';
import { REPO_ROOT, exampleDocuments } from './examples.js';

const examples = exampleDocuments();
const stackAt = (name: string) => StackSchema.parse(examples.find((example) => example.name === name)?.data);
const fieldTypes = (objects: readonly ObjectDef[]) => new Set(objects.flatMap((object) => Object.values(object.fields).map((field) => field.type)));

/** Objects of a stack including its `include`d files (the examples only use `<dir>/*.object.yml` globs). */
function allObjects(name: string): ObjectDef[] {
  const stack = stackAt(name);
  const included = stack.include.flatMap((pattern) => {
    const dir = join(REPO_ROOT, dirname(name), dirname(pattern));
    return readdirSync(dir)
      .filter((file) => file.endsWith('.object.yml'))
      .map((file) => {
        const data = examples.find((example) => example.path === join(dir, file))?.data;
        return { ...ObjectFileSchema.parse(data), name: file.replace(/\.object\.yml$/, '') };
      });
  });
  return [...stack.objects, ...included];
}

describe('example stacks', () => {
  it.each(examples.map((example) => [example.name, example]))('%s is valid against the Zod schema', (_, example) => {
    const schema = { stack: StackSchema, object: ObjectFileSchema, plugin: PluginManifestSchema }[example.kind];
    expect(schema.safeParse(example.data).error?.issues ?? []).toEqual([]);
  });

  it('field-zoo uses every one of the 49 field types', () => {
    expect([...fieldTypes(allObjects('stacks/field-zoo/objectstack.yaml'))].sort()).toEqual([...FIELD_TYPES].sort());
  });

  it('crm has accounts, contacts, opportunities with master_detail line items, select stages, currency and a formula', () => {
    const objects = allObjects('stacks/crm/objectstack.yaml');
    expect(objects.map((object) => object.name)).toEqual(expect.arrayContaining(['account', 'contact', 'opportunity', 'opportunity_line_item']));
    const lineItem = objects.find((object) => object.name === 'opportunity_line_item');
    expect(lineItem?.fields.opportunity).toMatchObject({ type: 'master_detail', reference: 'opportunity' });
    const opportunity = objects.find((object) => object.name === 'opportunity');
    expect(opportunity?.fields.stage?.type).toBe('select');
    for (const type of ['currency', 'formula', 'select', 'master_detail'] as const) expect(fieldTypes(objects).has(type), type).toBe(true);
  });

  it('crm references only objects it defines', () => {
    const objects = allObjects('stacks/crm/objectstack.yaml');
    const names = new Set(objects.map((object) => object.name));
    for (const field of objects.flatMap((object) => Object.values(object.fields))) {
      if (field.type === 'lookup' || field.type === 'master_detail') expect(names.has(field.reference), field.reference).toBe(true);
    }
  });

  it('the root stack wires the built-in plugins and the local notifier, whose manifest exists with its module', () => {
    const stack = stackAt('objectstack.yaml');
    const ids = stack.plugins.flatMap((entry) => ('id' in entry ? [entry.id] : []));
    expect(ids).toEqual([
      'com.objectstack.data', 'com.objectstack.metadata', 'com.objectstack.cache', 'com.objectstack.queue',
      'com.objectstack.job', 'com.objectstack.audit', 'com.objectstack.metrics',
    ]);
    expect(stack.plugins).toContainEqual(expect.objectContaining({ path: './plugins/notifier' }));
    const notifier = PluginManifestSchema.parse(examples.find((example) => example.name === 'plugins/notifier/plugin.yml')?.data);
    expect(notifier.dependencies).toEqual({ 'com.objectstack.queue': '^0.1.0' });
    expect(notifier.requiresServices).toEqual(['queue']);
    expect(existsSync(join(REPO_ROOT, 'plugins/notifier/index.ts'))).toBe(true);
    expect(stack.objects.length).toBeGreaterThanOrEqual(4);
  });
});
