import { describe, expect, it } from 'vitest';
import type { PluginContext } from '../../../runtime/index.js';
import { manifest, testKernel } from './support.js';

/** Boots one provider of `cache` and `data` plus a consumer with the given permissions; returns the consumer's context. */
async function consumerWith(permissions: string[]): Promise<PluginContext> {
  const { kernel } = testKernel();
  let consumer: PluginContext | undefined;
  kernel
    .register({
      manifest: manifest('com.acme.provider', { providesServices: ['cache', 'data'] }),
      module: {
        init(ctx) {
          ctx.registerService('cache', { name: 'the cache' });
          // Only identity and permissions matter here, not the data engine's interface that `data` is typed with.
          ctx.registerService('data', { name: 'the data engine' } as never);
        },
      },
    })
    .register({
      manifest: manifest('com.acme.x', { permissions, dependencies: { 'com.acme.provider': '*' } }),
      module: { init: (ctx) => void (consumer = ctx) },
    });
  await kernel.start();
  return consumer!;
}

describe('service registry', () => {
  it('hands a permitted service to a plugin', async () => {
    const ctx = await consumerWith(['cache.read', 'data.read']);
    expect(ctx.getService<{ name: string }>('cache').name).toBe('the cache');
    expect(ctx.hasService('cache')).toBe(true);
    expect(ctx.hasService('queue')).toBe(false);
  });

  it('denies a service the manifest has no permission for, saying which permission to add', async () => {
    const ctx = await consumerWith(['cache.read']);
    expect(() => ctx.getService('data')).toThrow(
      "Permission denied: plugin 'com.acme.x' needs permission 'data.read' to use service 'data'; add it to the plugin's manifest permissions",
    );
    expect(() => ctx.getService('data')).toThrow(expect.objectContaining({ code: 'OS7007', pluginId: 'com.acme.x' }));
  });

  it('names the provider of a missing service, or says nobody provides it', async () => {
    const { kernel } = testKernel({ requiredServices: [] });
    let ctx: PluginContext | undefined;
    kernel
      .register({ manifest: manifest('com.acme.consumer', { permissions: ['queue.publish', 'cache.read'] }), module: { init: (c) => void (ctx = c) } })
      // Declares queue but registers it only in start, after the consumer's init.
      .register({ manifest: manifest('com.acme.queue', { providesServices: ['queue'] }), module: { init() {} } });
    await kernel.start();
    expect(() => ctx!.getService('queue')).toThrow("Service 'queue' is not registered; it is provided by plugin com.acme.queue");
    expect(() => ctx!.getService('cache')).toThrow(
      "Service 'cache' is not registered; no plugin provides it; add a plugin that provides it to the stack",
    );
  });

  it('lets a plugin use services outside the permission catalogue and its own services', async () => {
    const { kernel } = testKernel();
    let ctx: PluginContext | undefined;
    kernel.register({
      manifest: manifest('com.acme.self', { providesServices: ['cache'] }),
      module: {
        init(c) {
          ctx = c;
          c.registerService('cache', 1);
          c.registerService('greeter', 2);
        },
      },
    });
    await kernel.start();
    expect(ctx!.getService('cache')).toBe(1);
    expect(ctx!.getService('greeter')).toBe(2);
    expect(kernel.getService('greeter')).toBe(2);
  });

  it('refuses a second provider of the same service', async () => {
    const { kernel } = testKernel();
    const register = (id: string) =>
      kernel.register({ manifest: manifest(id), module: { init: (ctx) => ctx.registerService('greeter', id) } });
    register('com.acme.one');
    register('com.acme.two');
    const report = await kernel.start();
    expect(report.state).toBe('degraded');
    expect(report.failed[0]?.error.message).toBe(
      "Service 'greeter' is already registered by plugin 'com.acme.one'; plugin 'com.acme.two' cannot register it again — keep one provider or use another service name",
    );
  });

  it('withdraws a plugin\'s services when it is destroyed', async () => {
    const { kernel } = testKernel();
    kernel.register({ manifest: manifest('com.acme.one'), module: { init: (ctx) => ctx.registerService('greeter', 'hi') } });
    await kernel.start();
    expect(kernel.hasService('greeter')).toBe(true);
    await kernel.stop();
    expect(kernel.hasService('greeter')).toBe(false);
  });
});
