import type { FastifyInstance } from 'fastify';
import type { MetricsService } from '../plugins/metrics/metrics-service.js';
import type { ProbeSource } from './probes.js';

/**
 * Records each answered request into the metrics plugin (count and latency by method, route pattern, status).
 * The route pattern, not the URL, keeps label values few. The service is looked up per request so a reloaded
 * metrics plugin is picked up.
 */
export function recordRequestMetrics(app: FastifyInstance, source: ProbeSource): void {
  app.addHook('onResponse', (request, reply, next) => {
    if (!source.hasService('metrics')) return next();
    source.getService<MetricsService>('metrics').observeHttpRequest({
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: reply.statusCode,
      durationMs: reply.elapsedTime,
    });
    next();
  });
}
