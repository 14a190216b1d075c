import type { FastifyInstance } from 'fastify';
import type { Kernel } from '../kernel/kernel.js';
import type { MetricsService } from '../plugins/metrics/metrics-service.js';

/** What the probes need from the kernel. */
export type ProbeSource = Pick<Kernel, 'ready' | 'health' | 'hasService' | 'getService'>;

/**
 * `GET /api/v1/health` (200 healthy or degraded, 503 otherwise), `GET /api/v1/ready` (503 until the server is
 * started and again once shutdown begins), public so load balancers need no credentials. `GET /api/v1/metrics`
 * renders the metrics plugin's registry and sits behind authentication like the data routes.
 */
export function registerProbeRoutes(app: FastifyInstance, source: ProbeSource, accepting: () => boolean): void {
  app.get('/api/v1/health', async (_request, reply) => {
    const health = await source.health();
    return reply.code(health.status === 'healthy' || health.status === 'degraded' ? 200 : 503).send(health);
  });
  app.get('/api/v1/ready', async (_request, reply) => {
    const ready = accepting() && source.ready;
    return reply.code(ready ? 200 : 503).send({ ready });
  });
}

export function registerMetricsRoute(app: FastifyInstance, source: ProbeSource): void {
  app.get('/api/v1/metrics', async (_request, reply) => {
    if (!source.hasService('metrics')) {
      return reply.code(404).send({ code: 'not_found', message: 'Metrics are off: add com.objectstack.metrics to the stack plugins', details: [] });
    }
    const metrics = source.getService<MetricsService>('metrics');
    return reply.type(metrics.contentType).send(await metrics.render());
  });
}
