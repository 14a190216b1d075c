import { describe, expect, it } from 'vitest';
import { KernelError } from '../../../runtime/index.js';
import { manifest, recordingPlugin, testKernel } from './support.js';

describe('kernel lifecycle', () => {
  it('runs every init in dependency order, then every start, and destroys in reverse', async () => {
    const calls: string[] = [];
    const { kernel } = testKernel();
    // Registered out of order on purpose: the kernel sorts by dependencies.
    kernel
      .register({ manifest: manifest('com.acme.job', { dependencies: { 'com.acme.queue': '^1.0.0' } }), module: recordingPlugin(calls, 'job') })
      .register({ manifest: manifest('com.acme.queue', { dependencies: { 'com.acme.base': '*' } }), module: recordingPlugin(calls, 'queue') })
      .register({ manifest: manifest('com.acme.base'), module: recordingPlugin(calls, 'base') });

    const report = await kernel.start();
    expect(report.state).toBe('running');
    expect(report.order).toEqual(['com.acme.base', 'com.acme.queue', 'com.acme.job']);
    expect(calls).toEqual(['init:base', 'init:queue', 'init:job', 'start:base', 'start:queue', 'start:job']);

    calls.length = 0;
    await kernel.stop();
    expect(calls).toEqual(['destroy:job', 'destroy:queue', 'destroy:base']);
    expect(kernel.state).toBe('stopped');
  });

  it('emits lifecycle events in order', async () => {
    const { kernel } = testKernel();
    const seen: string[] = [];
    kernel.events.on('*', (_payload, event) => {
      seen.push(event);
    });
    kernel.register({ manifest: manifest('com.acme.a'), module: { init() {} } });
    await kernel.start();
    await kernel.stop();
    expect(seen).toEqual(['kernel.boot', 'plugin.init', 'plugin.start', 'kernel.ready', 'kernel.shutdown', 'plugin.destroy']);
  });

  it('rejects a dependency cycle at boot, naming the cycle', async () => {
    const { kernel } = testKernel();
    kernel
      .register({ manifest: manifest('com.acme.a', { dependencies: { 'com.acme.b': '*' } }), module: { init() {} } })
      .register({ manifest: manifest('com.acme.b', { dependencies: { 'com.acme.c': '*' } }), module: { init() {} } })
      .register({ manifest: manifest('com.acme.c', { dependencies: { 'com.acme.a': '*' } }), module: { init() {} } });
    const error = await kernel.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KernelError);
    expect((error as KernelError).code).toBe('OS7001');
    expect((error as KernelError).message).toBe(
      "Plugin dependency cycle: 'com.acme.a' → 'com.acme.b' → 'com.acme.c' → 'com.acme.a'; remove one of these dependencies from its manifest",
    );
  });

  it('rejects a missing dependency at boot', async () => {
    const { kernel } = testKernel();
    kernel.register({ manifest: manifest('com.acme.job', { dependencies: { 'com.acme.queue': '^1.0.0' } }), module: { init() {} } });
    await expect(kernel.start()).rejects.toThrow(
      "Plugin 'com.acme.job' depends on 'com.acme.queue' (^1.0.0), which is not registered; add it to the stack's plugins or remove the dependency",
    );
  });

  it('rejects a dependency whose version is outside the range', async () => {
    const { kernel } = testKernel();
    kernel
      .register({ manifest: manifest('com.acme.queue', { version: '1.4.0' }), module: { init() {} } })
      .register({ manifest: manifest('com.acme.job', { dependencies: { 'com.acme.queue': '^2.0.0' } }), module: { init() {} } });
    const error = (await kernel.start().catch((e: unknown) => e)) as KernelError;
    expect(error.code).toBe('OS7003');
    expect(error.message).toContain("needs 'com.acme.queue' ^2.0.0, but version 1.4.0 is registered");
  });

  it('rejects a required service nobody provides, and an invalid manifest at registration', async () => {
    const { kernel } = testKernel();
    kernel.register({ manifest: manifest('com.acme.job', { requiresServices: ['queue'] }), module: { init() {} } });
    await expect(kernel.start()).rejects.toMatchObject({ code: 'OS7004' });

    const { kernel: other } = testKernel();
    expect(() => other.register({ manifest: { id: 'Not DNS', name: 'x', version: 'one' }, module: { init() {} } })).toThrow(
      /OS7010|Invalid manifest for plugin 'Not DNS': id: must be a reverse-DNS id/,
    );
  });

  it('applies configuration defaults and rejects a missing required setting', async () => {
    const { kernel } = testKernel();
    let seen: unknown;
    const configuration = {
      properties: { ttl: { type: 'number' as const, default: 60 }, url: { type: 'string' as const, required: true } },
    };
    kernel.register({
      manifest: manifest('com.acme.cache', { configuration }),
      config: { url: 'redis://x' },
      module: { init: (ctx) => void (seen = ctx.config) },
    });
    await kernel.start();
    expect(seen).toEqual({ url: 'redis://x', ttl: 60 });

    const { kernel: other } = testKernel();
    expect(() => other.register({ manifest: manifest('com.acme.cache', { configuration }), module: { init() {} } })).toThrow(
      "Plugin 'com.acme.cache' needs setting 'url'; set it in the plugin's config",
    );
  });

  it('refuses to register after boot and a duplicate id', async () => {
    const { kernel } = testKernel();
    kernel.register({ manifest: manifest('com.acme.a'), module: { init() {} } });
    expect(() => kernel.register({ manifest: manifest('com.acme.a'), module: { init() {} } })).toThrow(/registered twice/);
    await kernel.start();
    expect(() => kernel.register({ manifest: manifest('com.acme.b'), module: { init() {} } })).toThrow(
      'Cannot register a plugin while the kernel is running; allowed when created',
    );
  });
});
