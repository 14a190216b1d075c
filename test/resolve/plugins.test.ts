import { describe, expect, it } from 'vitest';
import { resolvePlugins } from '../../compiler/resolve/plugins.js';
import { resolveStack } from '../../compiler/resolve/index.js';
import type { PluginSpec } from './fixtures.js';
import { builtinManifestFile, CORE, manifest, pluginRef, STACK_FILE, validatedStack, withCode } from './fixtures.js';

const resolve = (plugins: PluginSpec[], options = {}) => resolvePlugins(validatedStack({ plugins }).plugins, options);
const ids = (plugins: PluginSpec[]) => resolve(plugins).result.map((plugin) => plugin.id);

describe('plugin order', () => {
  const chain: PluginSpec[] = [
    { manifest: manifest('com.test.job', { dependencies: { 'com.test.queue': '^1.0.0' } }) },
    { manifest: manifest('com.test.audit', { dependencies: { 'com.test.data': '^1.0.0' } }) },
    { manifest: manifest('com.test.queue') },
    { manifest: manifest('com.test.data') },
    { manifest: manifest('com.test.metadata', { dependencies: { 'com.test.data': '^1.0.0' } }) },
  ];

  it('puts every plugin after its dependencies, ties broken by id', () => {
    expect(ids(chain)).toEqual(['com.test.data', 'com.test.audit', 'com.test.metadata', 'com.test.queue', 'com.test.job']);
  });

  it('does not depend on the order of the stack list', () => {
    expect(ids([...chain].reverse())).toEqual(ids(chain));
    expect(ids([chain[2]!, chain[0]!, chain[4]!, chain[1]!, chain[3]!])).toEqual(ids(chain));
  });

  it('orders by optional dependencies when they are present, and ignores them when absent', () => {
    const optional = manifest('com.test.a', { optionalDependencies: { 'com.test.z': '^1.0.0', 'com.test.missing': '^1.0.0' } });
    const { result, diagnostics } = resolve([{ manifest: optional }, { manifest: manifest('com.test.z') }]);
    expect(result.map((plugin) => plugin.id)).toEqual(['com.test.z', 'com.test.a']);
    expect(diagnostics).toEqual([]);
    expect(result[1]!.dependencies).toEqual([{ id: 'com.test.z', range: '^1.0.0', version: '1.0.0', optional: true }]);
    expect(result.map((plugin) => plugin.order)).toEqual([0, 1]);
  });

  it('reports a three-plugin cycle once, with its whole path and where each edge is declared', () => {
    const { diagnostics } = resolve([
      { manifest: manifest('com.test.c', { dependencies: { 'com.test.a': '^1.0.0' } }) },
      { manifest: manifest('com.test.a', { dependencies: { 'com.test.b': '^1.0.0' } }) },
      { manifest: manifest('com.test.b', { dependencies: { 'com.test.c': '^1.0.0' } }) },
      { manifest: manifest('com.test.d', { dependencies: { 'com.test.a': '^1.0.0' } }) },
    ]);
    const cycles = withCode(diagnostics, 'OS2001');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.message).toBe('Plugin dependency cycle: com.test.a → com.test.b → com.test.c → com.test.a');
    expect(cycles[0]!.related).toEqual([
      { at: { file: STACK_FILE, path: ['plugins', 1, 'manifest', 'dependencies', 'com.test.b'], target: 'key' }, message: "'com.test.a' depends on 'com.test.b' here" },
      { at: { file: STACK_FILE, path: ['plugins', 2, 'manifest', 'dependencies', 'com.test.c'], target: 'key' }, message: "'com.test.b' depends on 'com.test.c' here" },
      { at: { file: STACK_FILE, path: ['plugins', 0, 'manifest', 'dependencies', 'com.test.a'], target: 'key' }, message: "'com.test.c' depends on 'com.test.a' here" },
    ]);
    expect(cycles[0]!.at).toEqual(cycles[0]!.related![0]!.at);
    expect(diagnostics).toHaveLength(1);
  });

  it('reports two separate cycles separately', () => {
    const { diagnostics } = resolve([
      { manifest: manifest('com.test.a', { dependencies: { 'com.test.b': '*' } }) },
      { manifest: manifest('com.test.b', { dependencies: { 'com.test.a': '*' } }) },
      { manifest: manifest('com.test.x', { dependencies: { 'com.test.y': '*' } }) },
      { manifest: manifest('com.test.y', { dependencies: { 'com.test.x': '*' } }) },
    ]);
    expect(withCode(diagnostics, 'OS2001').map((d) => d.message)).toEqual([
      'Plugin dependency cycle: com.test.a → com.test.b → com.test.a',
      'Plugin dependency cycle: com.test.x → com.test.y → com.test.x',
    ]);
  });
});

describe('plugin dependencies', () => {
  it('names who needs a missing dependency, at the declaring key, with the stack entry when the manifest is a plugin.yml', () => {
    const { diagnostics } = resolve([
      { manifest: manifest('com.test.metadata', { dependencies: { 'com.test.dta': '^1.0.0' } }), builtin: {} },
      { manifest: manifest('com.test.data') },
    ]);
    expect(diagnostics).toEqual([
      {
        code: 'OS2002',
        message: "Plugin 'com.test.metadata' depends on 'com.test.dta' (^1.0.0), which the stack does not include",
        at: { file: builtinManifestFile('com.test.metadata'), path: ['dependencies', 'com.test.dta'], target: 'key' },
        hint: 'did you mean "com.test.data"?',
        related: [{ at: pluginRef(0), message: "'com.test.metadata' is added to the stack here" }],
      },
    ]);
  });

  it('reports a version conflict with the range and the version found', () => {
    const { diagnostics } = resolve([
      { manifest: manifest('com.test.job', { dependencies: { 'com.test.queue': '^2.0.0' } }) },
      { manifest: manifest('com.test.queue', { version: '1.4.0' }) },
    ]);
    expect(withCode(diagnostics, 'OS2003')).toEqual([
      expect.objectContaining({
        message: "Plugin 'com.test.job' needs 'com.test.queue' ^2.0.0, but the stack provides version 1.4.0",
        at: { file: STACK_FILE, path: ['plugins', 0, 'manifest', 'dependencies', 'com.test.queue'] },
        related: [{ at: { file: STACK_FILE, path: ['plugins', 1, 'manifest', 'version'] }, message: "'com.test.queue' is version 1.4.0" }],
      }),
    ]);
  });

  it('checks a built-in entry version range against the shipped manifest', () => {
    const { diagnostics } = resolve([
      { manifest: manifest('com.test.cache', { version: '1.2.0' }), builtin: { version: '^2.0.0' } },
      { manifest: manifest('com.test.queue', { version: '1.2.0' }), builtin: { version: '~1.2.0' } },
    ]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'OS2005',
        message: "Plugin 'com.test.cache' is version 1.2.0, outside the requested range ^2.0.0",
        at: { file: STACK_FILE, path: ['plugins', 0, 'version'] },
      }),
    ]);
  });

  it('reports a duplicate id at the second entry, with the first', () => {
    const { result, diagnostics } = resolve([{ manifest: manifest('com.test.cache') }, CORE, { manifest: manifest('com.test.cache'), builtin: {} }]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'OS2004', at: pluginRef(2), related: [{ at: pluginRef(0), message: "'com.test.cache' first listed here" }] }),
    ]);
    expect(result.map((plugin) => plugin.id)).toEqual(['com.test.cache', 'com.test.core']);
  });

  it('warns about unknown permissions with a did-you-mean', () => {
    const { diagnostics } = resolve([{ manifest: manifest('com.test.a', { permissions: ['data.read', 'queue.publsh', 'queue.purge', 'telepathy'] }) }]);
    expect(diagnostics).toEqual([
      {
        code: 'OS2009',
        message: "Plugin 'com.test.a' asks for unknown permission 'queue.publsh'",
        at: { file: STACK_FILE, path: ['plugins', 0, 'manifest', 'permissions', 1] },
        hint: 'did you mean "queue.publish"?',
      },
      // The catalogue may grow: assert the shape and one member, not the whole list.
      expect.objectContaining({ hint: expect.stringMatching(/^known 'queue' permissions: (queue\.\w+, )*queue\.publish/) }),
      expect.objectContaining({ hint: expect.stringMatching(/^permissions are written <area>\.<action>, with area one of: data, metadata, /) }),
    ]);
  });
});

describe('plugin config', () => {
  const notifier = manifest('com.test.notifier', {
    configuration: {
      properties: {
        channel: { type: 'string', enum: ['email', 'sms'], default: 'email' },
        retries: { type: 'integer', default: 3 },
        endpoint: { type: 'string', required: true, description: 'Where notifications are posted' },
        apiKey: { type: 'string', secret: true },
      },
    },
  });

  it('applies defaults and keeps the entry as written', () => {
    const config = { endpoint: 'https://example.test/hook' };
    const { result, diagnostics } = resolve([{ manifest: notifier, config }]);
    expect(diagnostics).toEqual([]);
    expect(result[0]!.config).toEqual({ endpoint: 'https://example.test/hook', channel: 'email', retries: 3 });
    expect(config).toEqual({ endpoint: 'https://example.test/hook' });
    expect(result[0]!.configSchema).toMatchObject({ type: 'object', required: ['endpoint'], additionalProperties: false });
  });

  it('locates each error at the offending value under the entry config', () => {
    const { diagnostics } = resolve([{ manifest: notifier, config: { endpoint: 'x', channel: 'fax', retries: 'three', endpont: 1 } }]);
    const configAt = (...path: (string | number)[]) => ({ file: STACK_FILE, path: ['plugins', 0, 'config', ...path] });
    expect(diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'OS2006', at: configAt('channel'), hint: 'use one of: "email", "sms"' }),
        expect.objectContaining({ code: 'OS2006', at: configAt('retries'), message: "Invalid value for plugin 'com.test.notifier' config 'retries': expected integer" }),
        { code: 'OS2007', message: "Unknown key 'endpont' in plugin 'com.test.notifier' config", at: { ...configAt('endpont'), target: 'key' }, hint: 'did you mean "endpoint"?' },
      ]),
    );
    expect(diagnostics).toHaveLength(3);
  });

  it('reports a missing required setting at the config, or at the entry when there is no config', () => {
    const withConfig = resolve([{ manifest: notifier, config: { channel: 'sms' } }]).diagnostics;
    expect(withConfig).toEqual([
      {
        code: 'OS2006',
        message: "Missing required setting 'endpoint' in plugin 'com.test.notifier' config",
        at: { file: STACK_FILE, path: ['plugins', 0, 'config'] },
        hint: "add 'endpoint' under config (Where notifications are posted)",
      },
    ]);
    expect(resolve([{ manifest: notifier }]).diagnostics[0]!.at).toEqual(pluginRef(0));
  });

  it('treats an empty enum as no restriction instead of failing to compile', () => {
    const loose = manifest('com.test.loose', { configuration: { properties: { mode: { type: 'string', enum: [] } } } });
    expect(resolve([{ manifest: loose, config: { mode: 'any' } }]).diagnostics).toEqual([]);
  });

  it('warns about a literal secret, not about one read from the environment', () => {
    const plugins = [{ manifest: notifier, config: { endpoint: 'x', apiKey: 'sk_live_123' } }];
    const literal = resolve(plugins, { fromEnvironment: () => false }).diagnostics;
    expect(literal).toEqual([
      expect.objectContaining({
        code: 'OS2008',
        at: { file: STACK_FILE, path: ['plugins', 0, 'config', 'apiKey'] },
        hint: 'read it from the environment: apiKey: ${env:NOTIFIER_API_KEY}',
      }),
    ]);
    const fromEnv = resolve(plugins, { fromEnvironment: (ref: { path: readonly (string | number)[] }) => ref.path.at(-1) === 'apiKey' });
    expect(fromEnv.diagnostics).toEqual([]);
  });

  it('tells emitters which config values were environment references, with the text as written', () => {
    const plugins = [{ manifest: notifier, config: { endpoint: 'https://example.test', apiKey: 'substituted-secret' } }];
    const isApiKey = (ref: { path: readonly (string | number)[] }) => ref.path.at(-1) === 'apiKey';
    const withText = resolve(plugins, { fromEnvironment: isApiKey, environmentText: (ref: { path: readonly (string | number)[] }) => (isApiKey(ref) ? '${env:API_KEY}' : undefined) });
    expect(withText.result[0]!.configEnvironment).toEqual({ apiKey: '${env:API_KEY}' });
    expect(resolve(plugins, { fromEnvironment: isApiKey }).result[0]!.configEnvironment).toEqual({ apiKey: null });
    expect(resolve(plugins).result[0]!.configEnvironment).toEqual({});
  });
});

describe('plugin IR', () => {
  it('carries source, manifest origin and entry for each kind of entry', () => {
    const { ir } = resolveStack(validatedStack({ plugins: [CORE, { manifest: manifest('com.test.cache'), builtin: {} }] }));
    expect(ir!.plugins.map((plugin) => [plugin.id, plugin.source.kind, plugin.manifestOrigin.file])).toEqual([
      ['com.test.cache', 'builtin', builtinManifestFile('com.test.cache')],
      ['com.test.core', 'inline', STACK_FILE],
    ]);
    expect(ir!.pluginsById.get('com.test.core')!.source.moduleFile).toBe('/app/plugins/com.test.core.ts');
  });
});
