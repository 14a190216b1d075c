import { describe, expect, it } from 'vitest';
import type { DataEventPayload, PluginModule } from '../../../runtime/index.js';
import { createTestContext } from '../../../runtime/testing/index.js';

interface Counter {
  count(object: string): number;
}

/** A small plugin as a plugin author would write it: counts inserts per object, caches the totals. */
const insertCounter: PluginModule<{ prefix: string }> = {
  init(ctx) {
    const counts = new Map<string, number>();
    ctx.registerService('counter', { count: (object: string) => counts.get(object) ?? 0 } satisfies Counter);
    ctx.events.on<DataEventPayload>('data.afterInsert', async ({ object }) => {
      counts.set(object, (counts.get(object) ?? 0) + 1);
      await ctx.getService<Map<string, number>>('cache').set(`${ctx.config.prefix}:${object}`, counts.get(object)!);
      ctx.events.emit('counter.updated', { object, count: counts.get(object) });
    });
  },
};

describe('createTestContext', () => {
  it('runs a plugin on a real kernel with the given services and config, and records its events', async () => {
    const cache = new Map<string, number>();
    const ctx = await createTestContext({ plugin: insertCounter, services: { cache }, config: { prefix: 'n' } });

    await ctx.events.emitAndWait('data.afterInsert', { object: 'account', operation: 'insert' });
    await ctx.events.emitAndWait('data.afterInsert', { object: 'account', operation: 'insert' });

    expect(ctx.getService<Counter>('counter').count('account')).toBe(2);
    expect(cache.get('n:account')).toBe(2);
    expect(ctx.emitted('counter.updated')).toEqual([
      { object: 'account', count: 1 },
      { object: 'account', count: 2 },
    ]);
    expect(ctx.expectEvent<{ count: number }>('counter.*', (p) => p.count === 2)).toEqual({ object: 'account', count: 2 });
    expect(() => ctx.expectEvent('data.afterDelete')).toThrow(/Expected an event matching 'data.afterDelete'; events seen: kernel.boot, plugin.init/);
    ctx.expectNoEvent('plugin.error');
    await ctx.dispose();
    expect(ctx.kernel.state).toBe('stopped');
  });

  it('enforces the permissions it is given', async () => {
    const ctx = await createTestContext({ services: { data: {}, cache: {} }, permissions: ['cache.read'] });
    expect(ctx.getService('cache')).toEqual({});
    expect(() => ctx.getService('data')).toThrow("Permission denied: plugin 'com.objectstack.test-plugin' needs permission 'data.read'");
  });

  it('gives scoped storage, the system config with defaults, objects, and captured logs', async () => {
    const ctx = await createTestContext({
      objects: [{ name: 'account', fields: {} } as never],
      system: { logging: { level: 'info' } },
    });
    await ctx.storage.set('cursor', { page: 2 });
    expect(await ctx.storage.get('cursor')).toEqual({ page: 2 });
    expect(await ctx.storage.list()).toEqual(['cursor']);
    expect(ctx.system.logging.format).toBe('json');
    expect(ctx.objects.get('account')?.name).toBe('account');
    ctx.logger.info({ password: 'hunter2' }, 'hello');
    expect(ctx.logs.at(-1)).toMatchObject({ plugin: 'com.objectstack.test-plugin', msg: 'hello', password: '[REDACTED]' });
  });

  it('surfaces a plugin that fails in init as the thrown error', async () => {
    const broken: PluginModule = {
      init() {
        throw new Error('needs an API key');
      },
    };
    await expect(createTestContext({ plugin: broken })).rejects.toThrow('needs an API key');
  });

  it('waits for an event emitted later', async () => {
    const ctx = await createTestContext();
    setTimeout(() => ctx.events.emit('job.done', { id: 7 }), 10);
    await expect(ctx.waitForEvent('job.*', 500)).resolves.toEqual({ event: 'job.done', payload: { id: 7 } });
    await expect(ctx.waitForEvent('never', 20)).rejects.toThrow("No event matching 'never' within 20 ms");
  });
});
