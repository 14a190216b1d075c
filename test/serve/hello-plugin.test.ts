import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../compiler/cli/main.js';
import type { ReloadReport } from '../../runtime/index.js';
import { serveProject } from '../http/support/served.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'stacks', 'hello-plugin');

/** A copy of the example, so serving (and editing its plugin) never writes into the repo. */
function copyOfExample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'objectstack-hello-'));
  cpSync(EXAMPLE, dir, { recursive: true, filter: (source) => !/generated|\.objectstack/.test(source) });
  return dir;
}

/** Collects `dev` plugin reload reports; `next()` resolves with the next one. */
function reloadReports() {
  const queued: ReloadReport[] = [];
  const waiting: ((report: ReloadReport) => void)[] = [];
  return {
    onPluginReload(report: ReloadReport) {
      const waiter = waiting.shift();
      if (waiter) waiter(report);
      else queued.push(report);
    },
    next(): Promise<ReloadReport> {
      const report = queued.shift();
      return report ? Promise.resolve(report) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

describe('stacks/hello-plugin: a local plugin with a route, data events and the cache', () => {
  it('keeps plugin storage in the served database across restarts', async () => {
    const dir = copyOfExample();
    const first = await serveProject(dir);
    expect((await first.request('GET', '/api/v1/plugins/hello/counts')).body.starts).toBe(1);
    await first.stop();
    const second = await serveProject(dir);
    try {
      expect((await second.request('GET', '/api/v1/plugins/hello/counts')).body.starts).toBe(2);
    } finally {
      await second.close();
    }
  });

  it('counts inserts made over REST and serves the counts on its route', async () => {
    const served = await serveProject(copyOfExample());
    try {
      expect((await served.request('GET', '/api/v1/plugins/hello/counts')).body).toEqual({ message: 'Hello from the hello plugin', inserts: { note: 0 }, starts: 1 });
      for (const title of ['one', 'two']) expect((await served.request('POST', '/api/v1/data/note', { title })).status).toBe(201);
      // data.afterInsert listeners run after the answer is sent: poll until the count lands in the cache.
      let answer = await served.request('GET', '/api/v1/plugins/hello/counts');
      for (let i = 0; i < 50 && answer.body.inserts.note < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        answer = await served.request('GET', '/api/v1/plugins/hello/counts');
      }
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ message: 'Hello from the hello plugin', inserts: { note: 2 }, starts: 1 });
      const unknown = await served.request('GET', '/api/v1/plugins/hello/nope');
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({
        code: 'not_found',
        message: 'No plugin route GET /api/v1/plugins/hello/nope',
        details: [{ problem: 'mounted plugin routes: GET /api/v1/plugins/hello/counts' }],
      });
      const health = await served.request('GET', '/api/v1/health');
      expect(health.body.plugins.find((p: { id: string }) => p.id === 'com.example.hello').status).toBe('healthy');
    } finally {
      await served.close();
    }
  }, 60_000);

  it('answers a throwing plugin handler with the standard JSON error shape and keeps serving', async () => {
    const dir = copyOfExample();
    mkdirSync(join(dir, 'plugins', 'broken'));
    writeFileSync(
      join(dir, 'plugins', 'broken', 'plugin.yml'),
      'id: com.example.broken\nname: Broken\nversion: 0.1.0\npermissions: [http.route]\n',
    );
    writeFileSync(
      join(dir, 'plugins', 'broken', 'index.js'),
      "export function init(ctx) { ctx.http.route({ method: 'POST', url: '/fail', handler: () => { throw new Error('secret detail'); } }); }\n",
    );
    writeFileSync(join(dir, 'objectstack.yaml'), readFileSync(join(dir, 'objectstack.yaml'), 'utf8').replace('objects:', '  - path: ./plugins/broken\n\nobjects:'));
    const served = await serveProject(dir);
    try {
      const failed = await served.request('POST', '/api/v1/plugins/broken/fail', {});
      expect(failed.status).toBe(500);
      expect(failed.body).toEqual({ code: 'internal_error', message: 'Internal server error; the server log has the details', details: [] });
      expect((await served.request('GET', '/api/v1/plugins/hello/counts')).status).toBe(200);
      expect(served.logs.find((line) => line.includes('Plugin route POST /api/v1/plugins/broken/fail failed'))).toContain('secret detail');
    } finally {
      await served.close();
    }
  }, 60_000);

  it('dev: a change to the plugin file swaps its route answer without a restart; a syntax error keeps the old one', async () => {
    const dir = copyOfExample();
    const reports = reloadReports();
    const served = await serveProject(dir, { dev: true, onPluginReload: reports.onPluginReload });
    const entry = join(dir, 'plugins', 'hello', 'index.ts');
    const original = readFileSync(entry, 'utf8');
    const message = async () => (await served.request('GET', '/api/v1/plugins/hello/counts')).body.message as string;
    try {
      expect(await message()).toBe('Hello from the hello plugin');
      const url = served.url;

      // Saved the way many editors save: a new file renamed over the old one.
      writeFileSync(`${entry}.new`, original.replace('from the hello plugin', 'from the reloaded plugin'));
      renameSync(`${entry}.new`, entry);
      const reloaded = await reports.next();
      expect(reloaded).toMatchObject({ ok: true, id: 'com.example.hello', generation: 1 });
      expect(await message()).toBe('Hello from the reloaded plugin');
      expect(served.url).toBe(url);

      writeFileSync(entry, original.replace('from the hello plugin`', 'from the broken plugin').replace('inserts };', 'inserts ;;; }{'));
      const refused = await reports.next();
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.message).toMatch(/^Reload of plugin 'com\.example\.hello' failed: .*index\.ts:\d+:\d+: .+; the previous instance keeps running$/);
      expect(await message()).toBe('Hello from the reloaded plugin');
      expect(served.logs.join('\n')).toContain("Reload of plugin 'com.example.hello' failed");
      expect(served.kernel.pluginState('com.example.hello').state).toBe('started');
    } finally {
      await served.close();
    }
  }, 60_000);

  it('objectstack dev (the CLI) reloads the plugin on save, with no callback attached', async () => {
    const dir = copyOfExample();
    let out = '';
    const io = { stdout: { write: (text: string) => (out += text) }, stderr: { write: () => true }, cwd: dir, env: process.env };
    const exit = main(['dev', '--port', '0'], io);
    const until = async (condition: () => Promise<boolean> | boolean) => {
      for (let i = 0; i < 200; i++) {
        if (await condition()) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`timed out; output so far:\n${out}`);
    };
    await until(() => out.includes('watching the stack'));
    const url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
    const message = async () => ((await (await fetch(`${url}/api/v1/plugins/hello/counts`)).json()) as { message: string }).message;
    expect(await message()).toBe('Hello from the hello plugin');
    const entry = join(dir, 'plugins', 'hello', 'index.ts');
    writeFileSync(entry, readFileSync(entry, 'utf8').replace('from the hello plugin', 'from the CLI'));
    await until(async () => (await message()) === 'Hello from the CLI');
    process.emit('SIGTERM');
    expect(await exit).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
