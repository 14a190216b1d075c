import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locate } from '../../compiler/diagnostics/locate.js';
import { loadStack } from '../../compiler/load/load-stack.js';
import type { LoadOptions } from '../../compiler/load/load-stack.js';
import { MANIFEST, useTempStacks } from './temp-stack.js';

const writeStack = useTempStacks();

function load(dir: string, options: LoadOptions = {}) {
  const loaded = loadStack(dir, { env: {}, ...options });
  return { loaded, diagnostics: locate(loaded.diagnostics, loaded.positions) };
}

const OBJECT = 'fields:\n  name: { type: text }\n';

describe('include', () => {
  it('follows globs with * and ** relative to the stack file, sorted and deduplicated', () => {
    const dir = writeStack({
      'app/objectstack.yaml': `${MANIFEST}include:\n  - objects/**/*.object.yml\n  - objects/b.object.yml\n`,
      'app/objects/b.object.yml': OBJECT,
      'app/objects/a.object.yml': OBJECT,
      'app/objects/sales/deep/c.object.yml': OBJECT,
      'app/objects/notes.md': 'not yaml',
      'app/objects/node_modules/x.object.yml': OBJECT,
    });
    const { loaded, diagnostics } = load(join(dir, 'app'));
    expect(diagnostics).toEqual([]);
    expect(loaded.objectFiles.map((doc) => doc.file.slice(dir.length))).toEqual([
      '/app/objects/a.object.yml',
      '/app/objects/b.object.yml',
      '/app/objects/sales/deep/c.object.yml',
    ]);
  });

  it('reports a pattern that matches nothing at the pattern', () => {
    const dir = writeStack({ 'objectstack.yaml': `${MANIFEST}include:\n  - objects/*.object.yml\n  - objcts/*.object.yml\n`, 'objects/a.object.yml': OBJECT });
    const { diagnostics } = load(dir);
    expect(diagnostics).toMatchObject([{ code: 'OS1101', span: { line: 7, column: 5 }, message: 'Include pattern objcts/*.object.yml matched no files' }]);
  });

  it('reports YAML problems inside included files at their own position', () => {
    const dir = writeStack({ 'objectstack.yaml': `${MANIFEST}include: [objects/*.object.yml]\n`, 'objects/a.object.yml': 'fields:\n  a: 1\n  a: 2\n' });
    const { diagnostics } = load(dir);
    expect(diagnostics).toMatchObject([{ code: 'OS1002', span: { file: join(dir, 'objects/a.object.yml'), line: 3, column: 3 } }]);
  });
});

describe('environment references', () => {
  const stack = `${MANIFEST}datasources:\n  default:\n    driver: postgres\n    url: \${env:DATABASE_URL}\n    schema: app_\${env:TENANT:-main}_v\${env:VERSION}\n`;

  it('substitutes whole and embedded references, with defaults', () => {
    const { loaded, diagnostics } = load(writeStack({ 'objectstack.yaml': stack }), { env: { DATABASE_URL: 'postgres://db/app', VERSION: '2' } });
    expect(diagnostics).toEqual([]);
    expect(loaded.root.data).toMatchObject({ datasources: { default: { url: 'postgres://db/app', schema: 'app_main_v2' } } });
  });

  it('reports each missing variable by name at its value, with a hint', () => {
    const { diagnostics } = load(writeStack({ 'objectstack.yaml': stack }), { env: {} });
    expect(diagnostics.map((d) => [d.code, d.message, d.span.line, d.span.column])).toEqual([
      ['OS1102', 'Environment variable DATABASE_URL is not set', 8, 10],
      ['OS1102', 'Environment variable VERSION is not set', 9, 13],
    ]);
    expect(diagnostics[0]?.hint).toContain('${env:DATABASE_URL:-');
  });

  it('remembers which values were written as references, for checks that need the original spelling', () => {
    const { loaded } = load(writeStack({ 'objectstack.yaml': stack }), { env: { DATABASE_URL: 'x', VERSION: '1' } });
    const at = (...path: string[]) => loaded.fromEnvironment({ file: loaded.entryFile, path: ['datasources', 'default', ...path] });
    expect([at('url'), at('schema'), at('driver')]).toEqual([true, true, false]);
  });

  it('defaults to process.env', () => {
    process.env.OBJECTSTACK_TEST_URL = 'from-process';
    try {
      const loaded = loadStack(writeStack({ 'objectstack.yaml': `${MANIFEST}x: \${env:OBJECTSTACK_TEST_URL}\n` }));
      expect(loaded.root.data).toMatchObject({ x: 'from-process' });
    } finally {
      delete process.env.OBJECTSTACK_TEST_URL;
    }
  });
});

describe('plugins', () => {
  const builtin = 'id: com.objectstack.data\nname: Data\nversion: 1.0.0\n';

  it('reads built-in, local-folder and inline plugins', () => {
    const dir = writeStack({
      'builtins/data/plugin.yml': builtin,
      'app/objectstack.yaml': `${MANIFEST}plugins:\n  - id: com.objectstack.data\n  - path: ./plugins/audit\n  - manifest: { id: com.acme.inline, name: Inline, version: 1.0.0 }\n    module: ./inline.js\n`,
      'app/plugins/audit/plugin.yml': 'id: com.acme.audit\nname: Audit\nversion: 1.0.0\n',
      'app/plugins/audit/index.js': 'export default {}',
      'app/inline.js': 'export default {}',
    });
    const { loaded, diagnostics } = load(join(dir, 'app'), { builtinPluginsDir: join(dir, 'builtins') });
    expect(diagnostics).toEqual([]);
    expect(loaded.plugins.map((p) => ({ index: p.index, builtin: p.builtin, manifest: p.manifestDoc?.file.slice(dir.length), module: p.moduleFile?.slice(dir.length) }))).toEqual([
      { index: 0, builtin: true, manifest: '/builtins/data/plugin.yml', module: undefined },
      { index: 1, builtin: false, manifest: '/app/plugins/audit/plugin.yml', module: '/app/plugins/audit/index.js' },
      { index: 2, builtin: false, manifest: undefined, module: '/app/inline.js' },
    ]);
  });

  it('reports an unknown built-in id with a did-you-mean, a folder without plugin.yml, and a missing module', () => {
    const dir = writeStack({
      'builtins/data/plugin.yml': builtin,
      'objectstack.yaml': `${MANIFEST}plugins:\n  - id: com.objectstack.dta\n  - path: ./plugins/nothing\n  - manifest: { id: com.acme.inline, name: Inline, version: 1.0.0 }\n    module: ./missing.js\n`,
    });
    const { diagnostics } = load(dir, { builtinPluginsDir: join(dir, 'builtins') });
    expect(diagnostics.map((d) => [d.code, d.span.line, d.span.column, d.hint])).toEqual([
      ['OS1104', 6, 9, 'did you mean "com.objectstack.data"?'],
      ['OS1103', 7, 11, `the folder ${join(dir, 'plugins/nothing')} does not exist`],
      ['OS1105', 9, 13, 'the path is relative to the folder of objectstack.yaml'],
    ]);
  });

  it('finds the built-in manifests of this package by default, whatever the cwd', () => {
    const { loaded, diagnostics } = load(writeStack({ 'objectstack.yaml': `${MANIFEST}plugins:\n  - id: com.objectstack.data\n` }));
    expect(diagnostics).toEqual([]);
    expect(loaded.plugins[0]?.manifestDoc?.file).toMatch(/runtime\/plugins\/data\/plugin\.yml$/);
  });
});
