import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../compiler/cli/main.js';
import type { CliIO } from '../../compiler/cli/io.js';
import { salesStack } from '../http/support/sales-stack.js';
import { writeProject } from '../http/support/served.js';

function capture(cwd: string): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    cwd,
    env: process.env,
    out: () => out,
    err: () => err,
  };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!condition()) throw new Error('timed out waiting for the CLI');
}

describe('objectstack serve (in-process CLI)', () => {
  const dir = writeProject(salesStack());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves, answers, and exits 0 on SIGTERM after a graceful shutdown', async () => {
    const io = capture(dir);
    const exit = main(['serve', '--port', '0'], io);
    await until(() => io.out().includes('serving '));
    const url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(io.out())![1]!;
    expect(io.err()).toContain('warning: no authentication configured');
    expect((await fetch(`${url}/api/v1/data/account`)).status).toBe(200);
    process.emit('SIGTERM');
    expect(await exit).toBe(0);
    await expect(fetch(`${url}/api/v1/ready`)).rejects.toThrow();
  }, 60_000);

  it('dev: a saved YAML change is rebuilt and served without a restart', async () => {
    const project = writeProject(salesStack());
    try {
      const io = capture(project);
      const exit = main(['dev', '--port', '0'], io);
      await until(() => io.out().includes('watching the stack'));
      const url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(io.out())![1]!;
      const stack = salesStack();
      (stack.objects as Record<string, { fields: Record<string, unknown> }>).contact!.fields.phone = { type: 'phone', label: 'Phone' };
      writeFileSync(join(project, 'objectstack.yaml'), stringify(stack));
      await until(() => io.out().includes('reloaded:'));
      expect(io.out()).toMatch(/schema: applied add column "contact"\."phone"/);
      const created = await fetch(`${url}/api/v1/data/contact`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ full_name: 'Pia', phone: '+49 30 1234567' }),
      });
      expect(created.status).toBe(201);
      process.emit('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a non-loopback host without authentication, and a bad port', async () => {
    const io = capture(dir);
    expect(await main(['serve', '--host', '0.0.0.0', '--port', '0'], io)).toBe(1);
    expect(io.err()).toContain('Refusing to listen on 0.0.0.0 without authentication');
    expect(io.err()).toContain('--insecure');
    const bad = capture(dir);
    expect(await main(['serve', '--port', 'http'], bad)).toBe(2);
    expect(bad.err() + bad.out()).toContain('--port must be a number');
  }, 60_000);

  it('aborts boot with one line and exit 1 when a provider of the required data service fails to start', async () => {
    const stack = salesStack();
    const broken = writeProject({ ...stack, plugins: [...(stack.plugins as unknown[]), { path: './plugins/broken' }] });
    try {
      mkdirSync(join(broken, 'plugins', 'broken'), { recursive: true });
      writeFileSync(
        join(broken, 'plugins', 'broken', 'plugin.yml'),
        stringify({ id: 'com.acme.broken', name: 'Broken', version: '1.0.0', providesServices: ['data'], main: 'index.js' }),
      );
      writeFileSync(join(broken, 'plugins', 'broken', 'index.js'), "export default { init() { throw new Error('disk on fire'); } };\n");
      const io = capture(broken);
      expect(await main(['serve', join(broken, 'objectstack.yaml'), '--port', '0'], io)).toBe(1);
      const errorLines = io.err().split('\n').filter((line) => line.startsWith('error:'));
      expect(errorLines).toHaveLength(1);
      expect(errorLines[0]).toContain('com.acme.broken');
      expect(errorLines[0]).toContain('disk on fire');
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  }, 60_000);

  it('prints located diagnostics and serves nothing when the stack has errors', async () => {
    const broken = writeProject({ ...salesStack(), objects: { account: { fields: { name: { type: 'txet' } } } } });
    try {
      const io = capture(broken);
      expect(await main(['serve', join(broken, 'objectstack.yaml'), '--port', '0'], io)).toBe(1);
      expect(io.err()).toMatch(/objectstack\.yaml:\d+:\d+/);
      expect(io.err()).toContain('not serving');
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  }, 60_000);
});
