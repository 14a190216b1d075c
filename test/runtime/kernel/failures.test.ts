import { describe, expect, it } from 'vitest';
import { KernelError } from '../../../runtime/index.js';
import { delay, manifest, recordingPlugin, testKernel } from './support.js';

describe('failure isolation', () => {
  it('runs degraded when an optional plugin fails: marked failed, dependents skipped, others running', async () => {
    const calls: string[] = [];
    const { kernel, logs } = testKernel();
    const failing = recordingPlugin(calls, 'metrics', {
      init: () => {
        throw new Error('port 9464 in use');
      },
    });
    kernel
      .register({ manifest: manifest('com.acme.metrics'), module: failing })
      .register({ manifest: manifest('com.acme.dashboard', { dependencies: { 'com.acme.metrics': '*' } }), module: recordingPlugin(calls, 'dashboard') })
      .register({ manifest: manifest('com.acme.cache'), module: recordingPlugin(calls, 'cache') });

    const report = await kernel.start();

    expect(report.state).toBe('degraded');
    expect(kernel.state).toBe('degraded');
    expect(report.failed.map((f) => [f.id, f.phase, f.error.message])).toEqual([
      ['com.acme.metrics', 'init', 'port 9464 in use'],
      ['com.acme.dashboard', 'init', "its dependency 'com.acme.metrics' failed"],
    ]);
    expect(calls).toEqual(['init:metrics', 'init:cache', 'start:cache']);
    expect(kernel.pluginState('com.acme.metrics')).toMatchObject({ state: 'failed', failure: { phase: 'init' } });
    expect(logs.some((l) => l.level === 40 && String(l.msg).startsWith("Running degraded: 'com.acme.metrics' failed in init: port 9464 in use"))).toBe(true);

    const health = await kernel.health();
    expect(health.status).toBe('degraded');
    expect(health.plugins.find((p) => p.id === 'com.acme.metrics')).toMatchObject({ status: 'failed', message: 'port 9464 in use' });

    await kernel.stop();
    expect(calls.at(-1)).toBe('destroy:cache');
  });

  it('aborts boot with one line naming the plugin and cause when a required service provider fails', async () => {
    const calls: string[] = [];
    const { kernel } = testKernel();
    kernel
      .register({ manifest: manifest('com.acme.logging'), module: recordingPlugin(calls, 'logging') })
      .register({
        manifest: manifest('com.objectstack.data', { providesServices: ['data'] }),
        module: recordingPlugin(calls, 'data', {
          start: () => {
            throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
          },
        }),
      });
    const error = (await kernel.start().catch((e: unknown) => e)) as KernelError;
    expect(error).toBeInstanceOf(KernelError);
    expect(error.code).toBe('OS7008');
    expect(error.pluginId).toBe('com.objectstack.data');
    expect(error.message).toBe(
      "Boot aborted: plugin 'com.objectstack.data' provides the required service 'data' and failed in start: connect ECONNREFUSED 127.0.0.1:5432",
    );
    expect(error.message).not.toContain('\n');
    // Everything already initialised was destroyed again, in reverse order.
    expect(calls).toEqual(['init:logging', 'init:data', 'start:logging', 'start:data', 'destroy:data', 'destroy:logging']);
    expect(kernel.state).toBe('stopped');
  });
});

describe('health', () => {
  it('aggregates plugin checks with latency, and times out a slow healthCheck as unhealthy', async () => {
    const { kernel } = testKernel({ healthCheckTimeoutMs: 50 });
    kernel
      .register({
        manifest: manifest('com.acme.fast', { providesServices: ['cache'] }),
        module: { init: (ctx) => ctx.registerService('cache', {}), healthCheck: () => 'healthy' },
      })
      .register({
        manifest: manifest('com.acme.slow', { providesServices: ['queue'] }),
        module: {
          init: (ctx) => ctx.registerService('queue', {}),
          healthCheck: () => delay(1000).then(() => 'healthy' as const),
        },
      })
      .register({ manifest: manifest('com.acme.tired'), module: { init() {}, healthCheck: () => ({ status: 'degraded', message: 'lagging 5 s' }) } });
    await kernel.start();

    const started = performance.now();
    const health = await kernel.health();
    expect(performance.now() - started).toBeLessThan(900);

    expect(health.status).toBe('unhealthy');
    expect(health.state).toBe('running');
    expect(health.uptimeMs).toBeGreaterThanOrEqual(0);
    const byId = Object.fromEntries(health.plugins.map((p) => [p.id, p]));
    expect(byId['com.acme.fast']).toMatchObject({ status: 'healthy' });
    expect(byId['com.acme.slow']).toMatchObject({ status: 'unhealthy', message: 'health check timed out after 50 ms (OS7016)' });
    expect(byId['com.acme.slow']!.latencyMs).toBeGreaterThanOrEqual(45);
    expect(byId['com.acme.tired']).toMatchObject({ status: 'degraded', message: 'lagging 5 s' });
    expect(health.services).toEqual([
      { name: 'cache', pluginId: 'com.acme.fast', status: 'healthy', latencyMs: expect.any(Number) },
      { name: 'queue', pluginId: 'com.acme.slow', status: 'unhealthy', latencyMs: expect.any(Number) },
    ]);
  });

  it('is healthy when every plugin is, and reports a throwing check as unhealthy', async () => {
    const { kernel } = testKernel();
    kernel.register({ manifest: manifest('com.acme.a'), module: { init() {} } });
    await kernel.start();
    expect((await kernel.health()).status).toBe('healthy');

    const { kernel: other } = testKernel();
    other.register({
      manifest: manifest('com.acme.b'),
      module: {
        init() {},
        healthCheck: () => {
          throw new Error('ping failed');
        },
      },
    });
    await other.start();
    const health = await other.health();
    expect(health.plugins[0]).toMatchObject({ status: 'unhealthy', message: 'health check failed: ping failed' });
    expect(health.status).toBe('unhealthy');
  });
});
