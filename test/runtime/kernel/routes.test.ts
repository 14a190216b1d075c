import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { PluginRouteRequest } from '../../../runtime/index.js';
import { manifest, testKernel } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'objectstack-routes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const request = (path: string, params: Record<string, string>): PluginRouteRequest => ({ method: 'GET', path, params, query: {}, body: undefined, headers: {}, caller: {} });

describe('plugin HTTP routes', () => {
  it('records routes under /api/v1/plugins/<short name> and matches :params', async () => {
    const { kernel } = testKernel();
    kernel.register({
      manifest: manifest('com.acme.hello', { permissions: ['http.route'] }),
      module: {
        init(ctx) {
          ctx.http.route({ method: 'GET', url: '/counts/:object', handler: ({ params }) => ({ object: params.object }) });
          ctx.http.route({ method: 'POST', url: 'ping/', status: 201, handler: () => 'pong' });
        },
      },
    });
    await kernel.start();
    expect(kernel.routes.list().map((route) => `${route.method} ${route.path} ${route.pluginId}`)).toEqual([
      'GET /api/v1/plugins/hello/counts/:object com.acme.hello',
      'POST /api/v1/plugins/hello/ping com.acme.hello',
    ]);
    const found = kernel.routes.match('GET', '/api/v1/plugins/hello/counts/note%20book')!;
    expect(found.params).toEqual({ object: 'note book' });
    expect(await found.route.handler(request('/api/v1/plugins/hello/counts/note', found.params))).toEqual({ object: 'note book' });
    expect(kernel.routes.match('POST', '/api/v1/plugins/hello/ping')?.route.status).toBe(201);
    expect(kernel.routes.match('GET', '/api/v1/plugins/hello/ping')).toBeUndefined();
    expect(kernel.routes.match('GET', '/api/v1/plugins/hello/counts')).toBeUndefined();
    await kernel.stop();
    expect(kernel.routes.list()).toEqual([]);
  });

  it("denies a plugin without the 'http.route' permission with the kernel's permission error", async () => {
    const { kernel } = testKernel();
    kernel.register({
      manifest: manifest('com.acme.sneaky'),
      module: { init: (ctx) => ctx.http.route({ method: 'GET', url: '/x', handler: () => 1 }) },
    });
    const report = await kernel.start();
    expect(report.state).toBe('degraded');
    const error = kernel.pluginState('com.acme.sneaky').failure!.error;
    expect(error).toMatchObject({ code: 'OS7007', pluginId: 'com.acme.sneaky' });
    expect(error.message).toBe(
      "Permission denied: plugin 'com.acme.sneaky' needs permission 'http.route' to mount the HTTP route GET /x; add it to the plugin's manifest permissions",
    );
    expect(kernel.routes.list()).toEqual([]);
    await kernel.stop();
  });

  it('refuses a second plugin mounting the same method and path (OS7009) and an unknown method', async () => {
    const { kernel } = testKernel();
    const route = { method: 'GET', url: '/a/:id', handler: () => 1 } as const;
    kernel
      .register({ manifest: manifest('com.one.hello', { permissions: ['http.route'] }), module: { init: (ctx) => ctx.http.route(route) } })
      .register({ manifest: manifest('com.two.hello', { permissions: ['http.route'] }), module: { init: (ctx) => ctx.http.route({ ...route, url: '/a/:other' }) } })
      .register({
        manifest: manifest('com.acme.odd', { permissions: ['http.route'] }),
        module: { init: (ctx) => ctx.http.route({ ...route, method: 'TRACE' as 'GET' }) },
      });
    await kernel.start();
    expect(kernel.pluginState('com.two.hello').failure!.error.message).toBe(
      "Route GET /api/v1/plugins/hello/a/:other is already mounted by plugin 'com.one.hello'; plugin 'com.two.hello' cannot mount it again",
    );
    expect(kernel.pluginState('com.acme.odd').failure!.error).toMatchObject({ code: 'OS7009' });
    expect(kernel.routes.list().map((r) => r.pluginId)).toEqual(['com.one.hello']);
    await kernel.stop();
  });

  it('unmounts and re-mounts on reload; a failed reload keeps the previous routes', async () => {
    const file = join(dir, 'hello.mjs');
    const source = (answer: string, extra = '') =>
      `export function init(ctx) { ${extra} ctx.http.route({ method: 'GET', url: '/answer', handler: () => ${JSON.stringify(answer)} }); }\n`;
    writeFileSync(file, source('first'));
    const { kernel } = testKernel();
    kernel.register({ manifest: manifest('com.acme.hello', { permissions: ['http.route'] }), url: pathToFileURL(file) });
    await kernel.start();
    const answer = () => kernel.routes.match('GET', '/api/v1/plugins/hello/answer')?.route.handler(request('/', {}));
    expect(await answer()).toBe('first');

    writeFileSync(file, source('second'));
    expect((await kernel.reloadPlugin('com.acme.hello')).ok).toBe(true);
    expect(await answer()).toBe('second');
    expect(kernel.routes.list()).toHaveLength(1);

    writeFileSync(file, source('third', "throw new Error('broken init');"));
    const failed = await kernel.reloadPlugin('com.acme.hello');
    expect(failed.ok).toBe(false);
    expect(await answer()).toBe('second');
    expect(kernel.routes.list()).toHaveLength(1);
    await kernel.stop();
  });
});
