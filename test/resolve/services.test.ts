import { describe, expect, it } from 'vitest';
import { resolvePlugins } from '../../compiler/resolve/plugins.js';
import { resolveServices } from '../../compiler/resolve/services.js';
import type { PluginSpec } from './fixtures.js';
import { CORE, manifest, STACK_FILE, validatedStack, withCode } from './fixtures.js';

function services(plugins: PluginSpec[]) {
  const stack = validatedStack({ plugins });
  return resolveServices(resolvePlugins(stack.plugins).result, stack.stackRef);
}

describe('services', () => {
  it('requires a data provider', () => {
    const { diagnostics } = services([{ manifest: manifest('com.test.cache', { providesServices: ['cache'] }) }]);
    expect(withCode(diagnostics, 'OS2101')).toEqual([
      {
        code: 'OS2101',
        message: "No plugin provides the 'data' service, which every stack needs",
        at: { file: STACK_FILE, path: ['plugins'] },
        hint: 'add the data plugin to plugins: `- id: com.objectstack.data`',
      },
    ]);
  });

  it('warns once about all missing core services, naming each', () => {
    const { diagnostics } = services([{ manifest: manifest('com.test.data', { providesServices: ['data', 'cache', 'auth'] }) }]);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['OS2102', "No plugin provides the core services 'metadata', 'queue', 'job', 'i18n'; features that use them are unavailable"],
    ]);
    expect(diagnostics[0]?.hint).toContain('com.objectstack.<service>');
  });

  it('binds each service to its first provider in plugin order and warns about the second', () => {
    const { result, diagnostics } = services([CORE, { manifest: manifest('com.test.cache', { providesServices: ['cache'] }) }]);
    expect(result.find((binding) => binding.service === 'cache')).toEqual({ service: 'cache', provider: 'com.test.cache' });
    expect(result.map((binding) => binding.service)).toEqual(['auth', 'cache', 'data', 'i18n', 'job', 'metadata', 'queue']);
    expect(withCode(diagnostics, 'OS2105')).toHaveLength(1);
  });

  it('accepts a required service provided by a dependency', () => {
    // com.test.alerts sorts before com.test.core by id; the dependency is what orders core first.
    const alerts = manifest('com.test.alerts', { requiresServices: ['queue'], dependencies: { 'com.test.core': '^1.0.0' } });
    expect(services([CORE, { manifest: alerts }]).diagnostics).toEqual([]);
  });

  it('names the provider and the fix when the provider starts after the requirer', () => {
    // Without a dependency, ids decide: com.test.alerts starts before com.test.core, which provides queue.
    const alerts = manifest('com.test.alerts', { requiresServices: ['queue'] });
    const { diagnostics } = services([CORE, { manifest: alerts }]);
    expect(diagnostics).toEqual([
      {
        code: 'OS2104',
        message: "Plugin 'com.test.alerts' requires service 'queue', but its provider 'com.test.core' starts after it",
        at: { file: STACK_FILE, path: ['plugins', 1, 'manifest', 'requiresServices', 0] },
        hint: "add 'com.test.core: \"^1.0.0\"' to the dependencies of 'com.test.alerts'",
        related: [{ at: { file: STACK_FILE, path: ['plugins', 0] }, message: "'com.test.core' provides 'queue'" }],
      },
    ]);
  });

  it('reports a required service nobody provides', () => {
    const notifier = manifest('com.test.notifier', { requiresServices: ['search'] });
    const { diagnostics } = services([CORE, { manifest: notifier }]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'OS2103', at: { file: STACK_FILE, path: ['plugins', 1, 'manifest', 'requiresServices', 0] } }),
    ]);
  });
});
