import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBuiltinManifest } from '../../../../runtime/plugins/builtins.js';
import metadataPlugin, { type MetadataService } from '../../../../runtime/plugins/metadata/index.js';
import { MetadataPluginConfigSchema } from '../../../../runtime/plugins/metadata/config.js';
import { bootWithData, type BootedStack } from '../../data/support/boot.js';
import { databasesUnderTest } from '../../data/support/database.js';
import { resolveObjects } from '../../data/support/stack.js';

const ir = resolveObjects({
  project: {
    label: 'Project',
    description: 'Work with a deadline',
    icon: 'briefcase',
    fields: {
      name: { type: 'text', required: true },
      stage: { type: 'select', options: ['draft', 'live'] },
      internal_notes: { type: 'textarea', hidden: true },
      pin: { type: 'password' },
    },
  },
  milestone: { fields: { title: { type: 'text' }, project: { type: 'lookup', reference: 'project' } } },
});
const [sqlite] = await databasesUnderTest('metadata');

describe('metadata plugin', () => {
  let booted: BootedStack;
  let hiddenToo: BootedStack;
  beforeAll(async () => {
    booted = await bootWithData(ir, sqlite!, 'meta', [{ id: 'com.objectstack.metadata', module: metadataPlugin }]);
    hiddenToo = await bootWithData(ir, sqlite!, 'meta_hidden', [
      { id: 'com.objectstack.metadata', module: metadataPlugin, config: { includeHidden: true } },
    ]);
  });
  afterAll(async () => {
    await booted?.kernel.stop();
    await hiddenToo?.kernel.stop();
  });

  it('lists the objects sorted by name, with labels and readable fields in record order', () => {
    const metadata = booted.kernel.getService<MetadataService>('metadata');
    expect(metadata.listObjects().map((object) => object.name)).toEqual(['milestone', 'project']);
    const project = metadata.getObject('project');
    expect(project).toMatchObject({
      name: 'project',
      label: 'Project',
      pluralLabel: 'Projects',
      description: 'Work with a deadline',
      icon: 'briefcase',
      nameField: 'name',
    });
    // hidden fields are left out by default, write-only passwords always
    expect(project?.fields.map((field) => field.name)).toEqual([
      'id',
      'name',
      'stage',
      'created_at',
      'updated_at',
      'created_by',
      'updated_by',
      'owner_id',
    ]);
  });

  it('describes each field: type, API shape, requirements, references and the declaration', () => {
    const metadata = booted.kernel.getService<MetadataService>('metadata');
    expect(metadata.getField('project', 'stage')).toMatchObject({
      type: 'select',
      shape: { kind: 'enum', values: ['draft', 'live'] },
      requiredOnCreate: false,
      readonly: false,
      definition: {
        type: 'select',
        options: [
          { label: 'draft', value: 'draft' },
          { label: 'live', value: 'live' },
        ],
      },
    });
    expect(metadata.getField('project', 'name')).toMatchObject({ requiredOnCreate: true, nullable: false });
    expect(metadata.getField('project', 'id')).toMatchObject({ type: 'system', readonly: true, definition: null });
    expect(metadata.getField('milestone', 'project')).toMatchObject({ type: 'lookup', reference: 'project' });
    expect(metadata.getObject('nope')).toBeUndefined();
    expect(metadata.getField('project', 'nope')).toBeUndefined();
  });

  it('includes hidden fields when configured to', () => {
    const metadata = hiddenToo.kernel.getService<MetadataService>('metadata');
    expect(metadata.getField('project', 'internal_notes')).toMatchObject({ hidden: true, type: 'textarea' });
  });

  it('keeps the manifest defaults equal to the module schema defaults', async () => {
    const manifest = await readBuiltinManifest('com.objectstack.metadata');
    const declared = Object.fromEntries(
      Object.entries(manifest.configuration?.properties ?? {}).map(([key, property]) => [key, property.default]),
    );
    expect(declared).toEqual(MetadataPluginConfigSchema.parse({}));
  });
});
