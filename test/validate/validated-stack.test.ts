import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST, useTempStacks } from '../load/temp-stack.js';
import { check } from './check.js';

const writeStack = useTempStacks();

describe('ValidatedStack', () => {
  it('lists inline objects first, then included files by path, each with its name and reference', () => {
    const dir = writeStack({
      'objectstack.yaml': `${MANIFEST}include: [objects/*.object.yml]\nobjects:\n  note:\n    fields: {}\n`,
      'objects/b_item.object.yml': 'fields: {}\n',
      'objects/a_item.object.yml': 'name: named_explicitly\nfields: {}\n',
    });
    const { validated, brief } = check(dir);
    expect(brief).toEqual([]);
    expect(validated.objects.map((o) => [o.def.name, o.ref.file.slice(dir.length), o.ref.path])).toEqual([
      ['note', '/objectstack.yaml', ['objects', 'note']],
      ['named_explicitly', '/objects/a_item.object.yml', []],
      ['b_item', '/objects/b_item.object.yml', []],
    ]);
  });

  it('leaves out a document with errors but keeps the others and all diagnostics', () => {
    const dir = writeStack({
      'objectstack.yaml': `${MANIFEST}include: [objects/*.object.yml]\n`,
      'objects/good.object.yml': 'fields: {}\n',
      'objects/bad.object.yml': 'fields: { x: { type: nope } }\n',
      'objects/Bad-Name.object.yml': 'fields: {}\n',
    });
    const { validated, brief } = check(dir);
    expect(validated.objects.map((o) => o.def.name)).toEqual(['good']);
    expect(validated.rejectedObjectNames).toEqual(['Bad-Name', 'bad']);
    expect(brief.map((d) => [d.file, d.code])).toEqual([
      ['objects/Bad-Name.object.yml', 'OS1205'],
      ['objects/bad.object.yml', 'OS1203'],
    ]);
  });

  it('attaches each plugin entry to its validated manifest and source', () => {
    const dir = writeStack({
      'builtins/data/plugin.yml': 'id: com.objectstack.data\nname: Data\nversion: 1.2.0\n',
      'objectstack.yaml': `${MANIFEST}plugins:\n  - id: com.objectstack.data\n    version: ^1.0.0\n  - path: plugins/audit\n  - manifest: { id: com.acme.inline, name: Inline, version: 1.0.0 }\n    module: inline.js\n`,
      'plugins/audit/plugin.yml': 'id: com.acme.audit\nname: Audit\nversion: 0.1.0\nmain: audit.js\n',
      'plugins/audit/audit.js': '',
      'inline.js': '',
    });
    const result = check(dir, { builtinPluginsDir: join(dir, 'builtins') });
    expect(result.brief).toEqual([]);
    const plugins = result.validated.plugins.map((p) => ({
      id: 'id' in p.entry ? p.entry.id : undefined,
      manifest: p.manifest?.id,
      manifestRef: p.manifestRef && [p.manifestRef.file.slice(dir.length), p.manifestRef.path],
      builtin: p.builtin,
      moduleFile: p.moduleFile?.slice(dir.length),
    }));
    expect(plugins).toEqual([
      { id: 'com.objectstack.data', manifest: 'com.objectstack.data', manifestRef: ['/builtins/data/plugin.yml', []], builtin: true, moduleFile: undefined },
      { id: undefined, manifest: 'com.acme.audit', manifestRef: ['/plugins/audit/plugin.yml', []], builtin: false, moduleFile: '/plugins/audit/audit.js' },
      { id: undefined, manifest: 'com.acme.inline', manifestRef: ['/objectstack.yaml', ['plugins', 2, 'manifest']], builtin: false, moduleFile: '/inline.js' },
    ]);
  });
});
