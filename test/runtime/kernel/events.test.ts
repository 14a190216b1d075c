import { describe, expect, it } from 'vitest';
import { OperationRejectedError, reject, type DataEventPayload, type PluginContext } from '../../../runtime/index.js';
import { compilePattern } from '../../../runtime/kernel/pattern.js';
import { delay, manifest, testKernel } from './support.js';

async function bootWithPlugins(...ids: string[]) {
  const { kernel, logs } = testKernel();
  const contexts: Record<string, PluginContext> = {};
  for (const id of ids) kernel.register({ manifest: manifest(id), module: { init: (ctx) => void (contexts[id] = ctx) } });
  await kernel.start();
  return { kernel, logs, contexts };
}

describe('event patterns', () => {
  it.each([
    ['data.afterInsert', 'data.afterInsert', true],
    ['data.afterInsert', 'data.afterUpdate', false],
    ['data.*', 'data.afterInsert', true],
    ['data.*', 'data.x.y', true],
    ['data.*', 'database.x', false],
    ['data.*', 'data', false],
    ['*', 'kernel.boot', true],
    ['plugin.*.done', 'plugin.a.done', true],
    ['plugin.*.done', 'plugin.a.b.done', false],
    ['data.after*', 'data.afterFind', true],
    ['data.after*', 'data.beforeFind', false],
  ])('%s against %s → %s', (pattern, event, expected) => {
    expect(compilePattern(pattern)(event)).toBe(expected);
  });
});

describe('event bus', () => {
  it('delivers to exact and wildcard subscribers; off and unsubscribe stop delivery', async () => {
    const { contexts } = await bootWithPlugins('com.acme.a');
    const events = contexts['com.acme.a']!.events;
    const got: string[] = [];
    const exact = (payload: unknown) => void got.push(`exact:${String(payload)}`);
    events.on('data.afterInsert', exact);
    const unsubscribe = events.on('data.*', (payload, event) => void got.push(`wild:${event}:${String(payload)}`));
    events.emit('data.afterInsert', 1);
    events.emit('data.afterDelete', 2);
    events.off('data.afterInsert', exact);
    events.emit('data.afterInsert', 3);
    unsubscribe();
    events.emit('data.afterInsert', 4);
    expect(got).toEqual(['exact:1', 'wild:data.afterInsert:1', 'wild:data.afterDelete:2', 'wild:data.afterInsert:3']);
  });

  it('says whether anything listens for an event: exact, wildcard and before-hook subscriptions, until they leave', async () => {
    const { kernel, contexts } = await bootWithPlugins('com.acme.a', 'com.acme.b');
    const a = contexts['com.acme.a']!.events;
    const b = contexts['com.acme.b']!.events;
    expect(kernel.events.hasListeners('data.afterInsert')).toBe(false);
    // Asked before anyone subscribes, so the answer is cached: a subscription must still be seen.
    const listener = () => undefined;
    a.on('data.afterInsert', listener);
    expect(b.hasListeners('data.afterInsert')).toBe(true);
    expect(b.hasListeners('data.afterUpdate')).toBe(false);
    const wildcard = b.on('data.after*', () => undefined);
    expect(a.hasListeners('data.afterUpdate')).toBe(true);
    const hook = a.before('data.beforeFind', () => undefined);
    expect(kernel.events.hasListeners('data.beforeFind')).toBe(true);
    hook();
    wildcard();
    a.off('data.afterInsert', listener);
    expect(kernel.events.hasListeners('data.beforeFind')).toBe(false);
    expect(kernel.events.hasListeners('data.afterUpdate')).toBe(false);
    expect(kernel.events.hasListeners('data.afterInsert')).toBe(false);
  });

  it('gives each async listener its events one at a time, in emit order', async () => {
    const { contexts } = await bootWithPlugins('com.acme.a');
    const events = contexts['com.acme.a']!.events;
    const handled: number[] = [];
    let running = 0;
    let maxRunning = 0;
    events.on<number>('tick', async (n) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await delay(n % 2 === 0 ? 5 : 1); // Later events finish faster if run concurrently.
      handled.push(n);
      running--;
    });
    for (let n = 0; n < 6; n++) events.emit('tick', n);
    await events.emitAndWait('tick', 6);
    expect(handled).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(maxRunning).toBe(1);
  });

  it('isolates throwing and rejecting listeners: others still run, errors are logged with the plugin id and counted', async () => {
    const { kernel, logs, contexts } = await bootWithPlugins('com.acme.bad', 'com.acme.good');
    const got: string[] = [];
    const errors: unknown[] = [];
    kernel.events.on('plugin.error', (payload) => void errors.push(payload));
    contexts['com.acme.bad']!.events.on('order.created', () => {
      throw new Error('sync boom');
    });
    contexts['com.acme.bad']!.events.on('order.created', async () => {
      await delay(1);
      throw new Error('async boom');
    });
    contexts['com.acme.good']!.events.on('order.created', async (payload) => void got.push(String(payload)));

    expect(() => kernel.events.emit('order.created', 'o-1')).not.toThrow();
    await kernel.events.emitAndWait('order.created', 'o-2');

    expect(got).toEqual(['o-1', 'o-2']);
    expect(kernel.errorCount('com.acme.bad')).toBe(4);
    expect(kernel.errorCount('com.acme.good')).toBe(0);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatchObject({ pluginId: 'com.acme.bad', phase: 'listener', event: 'order.created' });
    const logged = logs.filter((l) => l.plugin === 'com.acme.bad' && l.level === 50);
    expect(logged.map((l) => l.msg)).toEqual(
      expect.arrayContaining([
        "Plugin 'com.acme.bad' failed in listener for 'order.created': sync boom",
        "Plugin 'com.acme.bad' failed in listener for 'order.created': async boom",
      ]),
    );
  });

  it('does not loop when a plugin.error listener itself throws', async () => {
    const { kernel, contexts } = await bootWithPlugins('com.acme.a');
    contexts['com.acme.a']!.events.on('plugin.error', () => {
      throw new Error('listener of errors fails');
    });
    contexts['com.acme.a']!.events.on('x', () => {
      throw new Error('first');
    });
    kernel.events.emit('x');
    expect(kernel.errorCount('com.acme.a')).toBe(2);
  });

  it('lets before-hooks change the payload, in subscription order', async () => {
    const { kernel, contexts } = await bootWithPlugins('com.acme.a', 'com.acme.b');
    contexts['com.acme.a']!.events.before<DataEventPayload>('data.beforeInsert', (p) => ({ ...p, data: { ...p.data, slug: 'acme' } }));
    contexts['com.acme.b']!.events.before<DataEventPayload>('data.before*', async (p) => ({ ...p, data: { ...p.data, checked: true } }));
    const result = await kernel.events.emitBefore<DataEventPayload>('data.beforeInsert', {
      object: 'account',
      operation: 'insert',
      data: { name: 'Acme' },
    });
    expect(result).toEqual({ object: 'account', operation: 'insert', data: { name: 'Acme', slug: 'acme', checked: true } });
  });

  it('lets a before-hook reject the operation with a message; a crashing hook rejects too', async () => {
    const { kernel, contexts } = await bootWithPlugins('com.acme.rules', 'com.acme.buggy');
    contexts['com.acme.rules']!.events.before<DataEventPayload>('data.beforeInsert', (p) => {
      if (Number(p.data?.amount) <= 0) reject('amount must be positive');
    });
    const payload: DataEventPayload = { object: 'invoice', operation: 'insert', data: { amount: -5 } };
    const error = await kernel.events.emitBefore('data.beforeInsert', payload).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationRejectedError);
    expect(error).toMatchObject({ code: 'OS7013', message: 'amount must be positive', pluginId: 'com.acme.rules' });

    contexts['com.acme.buggy']!.events.before('data.beforeUpdate', () => {
      throw new TypeError('cannot read x of undefined');
    });
    await expect(kernel.events.emitBefore('data.beforeUpdate', { object: 'invoice', operation: 'update' })).rejects.toThrow(
      "Plugin 'com.acme.buggy' failed in its data.beforeUpdate hook, so the operation was rejected: cannot read x of undefined",
    );
    expect(kernel.errorCount('com.acme.buggy')).toBe(1);
  });
});
