import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { manifest, testKernel } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'objectstack-reload-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A plugin file that registers `greeter` answering `greeting` and records the events it hears on globalThis. */
function pluginSource(greeting: string, initBody = ''): string {
  return `
export function init(ctx) {
  ${initBody}
  ctx.registerService('greeter', { greet: () => ${JSON.stringify(greeting)} });
  ctx.events.on('ping', () => { globalThis.__heard.push(${JSON.stringify(greeting)}); });
}
export function destroy() { globalThis.__destroyed.push(${JSON.stringify(greeting)}); }
`;
}

declare global {
  var __heard: string[];
  var __destroyed: string[];
}

async function bootFromFile(file: string) {
  globalThis.__heard = [];
  globalThis.__destroyed = [];
  const { kernel, logs } = testKernel();
  kernel.register({ manifest: manifest('com.acme.greeter'), url: pathToFileURL(file) });
  await kernel.start();
  const greet = () => kernel.getService<{ greet(): string }>('greeter').greet();
  return { kernel, logs, greet };
}

describe('plugin reload', () => {
  it('re-imports the module, re-wiring its services and listeners', async () => {
    const file = join(dir, 'greeter-ok.mjs');
    writeFileSync(file, pluginSource('v1'));
    const { kernel, greet } = await bootFromFile(file);
    expect(greet()).toBe('v1');

    writeFileSync(file, pluginSource('v2'));
    const report = await kernel.reloadPlugin('com.acme.greeter');

    expect(report).toEqual({ ok: true, id: 'com.acme.greeter', generation: 1 });
    expect(greet()).toBe('v2');
    expect(globalThis.__destroyed).toEqual(['v1']);
    kernel.events.emit('ping');
    expect(globalThis.__heard).toEqual(['v2']); // the v1 listener is gone
    expect(kernel.pluginState('com.acme.greeter')).toMatchObject({ state: 'started', generation: 1 });
  });

  it('keeps the previous instance untouched when the new file does not load', async () => {
    const file = join(dir, 'greeter-syntax.mjs');
    writeFileSync(file, pluginSource('v1'));
    const { kernel, greet, logs } = await bootFromFile(file);

    writeFileSync(file, 'export function init( {');
    const report = await kernel.reloadPlugin('com.acme.greeter');

    expect(report.ok).toBe(false);
    if (!report.ok) {
      expect(report.error).toMatchObject({ code: 'OS7012' });
      expect(report.error.message).toMatch(/^Reload of plugin 'com.acme.greeter' failed: Plugin 'com.acme.greeter' could not be imported from file:/);
    }
    expect(greet()).toBe('v1');
    expect(globalThis.__destroyed).toEqual([]);
    expect(logs.some((l) => l.level === 50 && String(l.msg).startsWith("Reload of plugin 'com.acme.greeter' failed"))).toBe(true);
  });

  it('restores the previous module when the new one fails in init', async () => {
    const file = join(dir, 'greeter-init.mjs');
    writeFileSync(file, pluginSource('v1'));
    const { kernel, greet } = await bootFromFile(file);

    writeFileSync(file, pluginSource('v2', "throw new Error('missing API key');"));
    const report = await kernel.reloadPlugin('com.acme.greeter');

    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.error.message).toBe("Reload of plugin 'com.acme.greeter' failed: missing API key; the previous instance was restored");
    expect(greet()).toBe('v1');
    expect(kernel.pluginState('com.acme.greeter').state).toBe('started');
    kernel.events.emit('ping');
    expect(globalThis.__heard).toEqual(['v1']);
  });

  it('refuses to reload an inline module or an unknown plugin', async () => {
    const { kernel } = testKernel();
    kernel.register({ manifest: manifest('com.acme.inline'), module: { init() {} } });
    await kernel.start();
    const report = await kernel.reloadPlugin('com.acme.inline');
    expect(report.ok).toBe(false);
    await expect(kernel.reloadPlugin('com.acme.nope')).rejects.toThrow("No plugin 'com.acme.nope' is registered; registered plugins: com.acme.inline");
  });

  it('fails a plugin whose url does not export init', async () => {
    const file = join(dir, 'no-init.mjs');
    writeFileSync(file, 'export const start = () => {};');
    const { kernel } = testKernel();
    kernel.register({ manifest: manifest('com.acme.broken'), url: file });
    const report = await kernel.start();
    expect(report.failed[0]?.error.message).toMatch(/^Plugin 'com.acme.broken' module file:.*no-init\.mjs does not export an init function/);
  });
});
