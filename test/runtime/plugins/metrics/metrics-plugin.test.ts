import { afterEach, describe, expect, it } from 'vitest';
import type { Kernel } from '../../../../runtime/kernel/kernel.js';
import type { MetricsService } from '../../../../runtime/plugins/metrics/index.js';
import { bootWithBuiltins } from '../support/kernel.js';
import { waitFor } from '../support/services.js';
import { parsePrometheusText, sample } from './prometheus-text.js';

describe('metrics plugin (booted by the kernel)', () => {
  let kernel: Kernel | undefined;
  afterEach(async () => {
    await kernel?.stop();
    kernel = undefined;
  });

  const boot = async () => {
    const booted = await bootWithBuiltins({
      builtins: [{ id: 'com.objectstack.metrics', config: { defaultMetrics: false } }],
      extra: [
        {
          manifest: { id: 'com.acme.faulty', name: 'Faulty', version: '1.0.0', permissions: ['events.subscribe'] },
          module: {
            init(ctx) {
              ctx.events.on('order.created', () => {
                throw new Error('listener bug');
              });
            },
          },
        },
      ],
    });
    kernel = booted.kernel;
    return { kernel: booted.kernel, metrics: booted.kernel.getService('metrics') as MetricsService };
  };

  it('renders HTTP counts and latency histograms per route as Prometheus text', async () => {
    const { metrics } = await boot();
    metrics.observeHttpRequest({ method: 'get', route: '/api/v1/:object', status: 200, durationMs: 3 });
    metrics.observeHttpRequest({ method: 'GET', route: '/api/v1/:object', status: 200, durationMs: 40 });
    metrics.observeHttpRequest({ method: 'POST', route: '/api/v1/:object', status: 201, durationMs: 700 });
    const text = await metrics.render();
    const families = parsePrometheusText(text);

    expect(families.get('objectstack_http_requests_total')?.type).toBe('counter');
    expect(
      sample(families, 'objectstack_http_requests_total', { method: 'GET', route: '/api/v1/:object', status: '200' }),
    ).toBe(2);
    expect(
      sample(families, 'objectstack_http_requests_total', { method: 'POST', route: '/api/v1/:object', status: '201' }),
    ).toBe(1);

    const histogram = 'objectstack_http_request_duration_seconds';
    expect(families.get(histogram)?.type).toBe('histogram');
    const get = { method: 'GET', route: '/api/v1/:object', status: '200' };
    expect(sample(families, `${histogram}_count`, get)).toBe(2);
    expect(sample(families, `${histogram}_sum`, get)).toBeCloseTo(0.043, 6);
    expect(sample(families, `${histogram}_bucket`, { ...get, le: '0.005' })).toBe(1);
    expect(sample(families, `${histogram}_bucket`, { ...get, le: '0.05' })).toBe(2);
    expect(sample(families, `${histogram}_bucket`, { ...get, le: '+Inf' })).toBe(2);
    expect(
      sample(families, `${histogram}_bucket`, { method: 'POST', route: '/api/v1/:object', status: '201', le: '0.5' }),
    ).toBe(0);
  });

  it('records DB query timings by operation and object', async () => {
    const { metrics } = await boot();
    metrics.observeDbQuery({ operation: 'select', object: 'account', durationMs: 1.5 });
    metrics.observeDbQuery({ operation: 'select', object: 'account', durationMs: 2.5 });
    const families = parsePrometheusText(await metrics.render());
    const labels = { operation: 'select', object: 'account' };
    expect(sample(families, 'objectstack_db_query_duration_seconds_count', labels)).toBe(2);
    expect(sample(families, 'objectstack_db_query_duration_seconds_sum', labels)).toBeCloseTo(0.004, 9);
  });

  it('counts kernel events by name and isolated listener errors by plugin', async () => {
    const { kernel: booted, metrics } = await boot();
    booted.events.emit('order.created', { id: 1 });
    booted.events.emit('order.created', { id: 2 });
    booted.events.emit('order.shipped', { id: 1 });
    await waitFor(() => booted.errorCount('com.acme.faulty') === 2, 2000, 'two isolated listener errors');
    let families = parsePrometheusText(await metrics.render());
    // plugin.error reaches the metrics listener asynchronously, after the kernel counted the failure.
    for (
      let tries = 0;
      tries < 50 &&
      sample(families, 'objectstack_plugin_errors_total', { plugin: 'com.acme.faulty', phase: 'listener' }) !== 2;
      tries++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      families = parsePrometheusText(await metrics.render());
    }
    expect(sample(families, 'objectstack_events_total', { event: 'order.created' })).toBe(2);
    expect(sample(families, 'objectstack_events_total', { event: 'order.shipped' })).toBe(1);
    expect(sample(families, 'objectstack_plugin_errors_total', { plugin: 'com.acme.faulty', phase: 'listener' })).toBe(
      2,
    );
    // The two plugin.error events are themselves events.
    expect(sample(families, 'objectstack_events_total', { event: 'plugin.error' })).toBe(2);
  });

  it('lets plugins add their own metrics under the prefix, once per name', async () => {
    const { metrics } = await boot();
    const sent = metrics.counter({ name: 'emails_sent_total', help: 'E-mails sent', labelNames: ['template'] });
    expect(metrics.counter({ name: 'emails_sent_total', help: 'E-mails sent', labelNames: ['template'] })).toBe(sent);
    sent.inc({ template: 'welcome "new" user' }, 3);
    const families = parsePrometheusText(await metrics.render());
    expect(families.get('objectstack_emails_sent_total')?.help).toBe('E-mails sent');
    expect(sample(families, 'objectstack_emails_sent_total', { template: 'welcome "new" user' })).toBe(3);
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('exports process metrics when defaultMetrics is on', async () => {
    const booted = await bootWithBuiltins({
      builtins: [{ id: 'com.objectstack.metrics', config: { prefix: 'app_' } }],
    });
    kernel = booted.kernel;
    const families = parsePrometheusText(await (booted.kernel.getService('metrics') as MetricsService).render());
    expect(families.has('app_process_cpu_user_seconds_total')).toBe(true);
    expect(families.has('app_http_requests_total')).toBe(true);
  });
});
