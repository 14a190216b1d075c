import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createKernel, type PluginContext, type SystemConfigInput } from '../../../runtime/index.js';
import { manifest, testKernel } from './support.js';

function textKernel(system: SystemConfigInput): { kernel: ReturnType<typeof createKernel>; lines: string[] } {
  const lines: string[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { kernel: createKernel({ system, logDestination, requiredServices: [] }), lines };
}

describe('plugin logger', () => {
  it('binds the plugin id, honours the level and redacts listed keys at the top level and one level down', async () => {
    const { kernel, logs } = testKernel({ system: { logging: { level: 'warn', redact: ['apiKey'] } } });
    let ctx: PluginContext | undefined;
    kernel.register({ manifest: manifest('com.acme.mailer'), module: { init: (c) => void (ctx = c) } });
    await kernel.start();
    ctx!.logger.info('not written at level warn');
    ctx!.logger.warn({ apiKey: 'k1', smtp: { apiKey: 'k2', host: 'mail' } }, 'retrying');
    const written = logs.filter((l) => l.plugin === 'com.acme.mailer');
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ msg: 'retrying', apiKey: '[REDACTED]', smtp: { apiKey: '[REDACTED]', host: 'mail' } });
  });

  it('writes one plain line per entry in text format', async () => {
    const { kernel, lines } = textKernel({ logging: { format: 'text' } });
    let ctx: PluginContext | undefined;
    kernel.register({ manifest: manifest('com.acme.mailer'), module: { init: (c) => void (ctx = c) } });
    await kernel.start();
    ctx!.logger.info({ to: 'a@b.c', attempt: 2 }, 'sent');
    expect(lines.at(-1)).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO  \[com\.acme\.mailer\] sent to=a@b\.c attempt=2$/);
    expect(lines.at(-1)).not.toContain('\u001b[');
  });

  it('colours the level in pretty format', async () => {
    const { kernel, lines } = textKernel({ logging: { format: 'pretty' } });
    kernel.logger.error('boom');
    expect(lines.at(-1)).toContain('\u001b[31mERROR\u001b[0m boom');
  });

  it('rejects an invalid system section with a clear message', () => {
    // A hand-written JavaScript bootstrap can pass anything.
    const system = { logging: { level: 'loud' } } as unknown as SystemConfigInput;
    expect(() => createKernel({ system })).toThrow(/^Invalid system configuration: logging\.level: /);
  });
});

describe('plugin storage', () => {
  it('isolates keys by plugin id and hands out copies', async () => {
    const { kernel } = testKernel();
    const contexts: Record<string, PluginContext> = {};
    for (const id of ['com.acme.a', 'com.acme.b']) {
      kernel.register({ manifest: manifest(id), module: { init: (c) => void (contexts[id] = c) } });
    }
    await kernel.start();
    const a = contexts['com.acme.a']!.storage;
    const b = contexts['com.acme.b']!.storage;
    const value = { cursor: 1 };
    await a.set('sync.cursor', value);
    await a.set('sync.last', 'x');
    await a.set('other', 1);
    value.cursor = 99;
    expect(await a.get('sync.cursor')).toEqual({ cursor: 1 });
    expect(await b.get('sync.cursor')).toBeUndefined();
    expect(await a.list('sync.')).toEqual(['sync.cursor', 'sync.last']);
    expect(await b.list()).toEqual([]);
    expect(await b.delete('other')).toBe(false);
    expect(await a.delete('other')).toBe(true);
    expect(await a.list()).toEqual(['sync.cursor', 'sync.last']);
  });
});
