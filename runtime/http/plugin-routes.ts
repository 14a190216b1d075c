import type { FastifyInstance } from 'fastify';
import type { Kernel } from '../kernel/kernel.js';
import { PLUGIN_ROUTE_PREFIX } from '../kernel/routes.js';
import type { PluginRouteMethod, PluginRouteRequest } from '../kernel/types.js';
import { errorAnswer, HttpError } from './errors.js';

/** What plugin routes need from the kernel: the live route table, and its logger for handler failures. */
export type RouteSource = Pick<Kernel, 'routes' | 'logger'>;

/**
 * Serves the routes plugins mount (`ctx.http.route`). Fastify cannot remove a route once the server runs, and a
 * reloaded plugin must be able to drop or change its routes, so one wildcard route per method dispatches through
 * the kernel's table on every request. Handler errors go to the server's error handler: the standard JSON error
 * shape (a plugin bug is a logged 500, never a crash).
 */
export function registerPluginRoutes(app: FastifyInstance, source: RouteSource): void {
  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: `${PLUGIN_ROUTE_PREFIX}/*`,
    handler: async (request, reply) => {
      const path = request.url.split('?')[0]!;
      const found = source.routes.match(request.method, path);
      if (!found) {
        const mounted = source.routes.list().map((route) => `${route.method} ${route.path}`);
        throw new HttpError(404, 'not_found', `No plugin route ${request.method} ${path}`, [
          { problem: mounted.length > 0 ? `mounted plugin routes: ${mounted.join(', ')}` : 'no plugin has mounted a route' },
        ]);
      }
      const input: PluginRouteRequest = {
        method: request.method as PluginRouteMethod,
        path,
        params: found.params,
        query: request.query as PluginRouteRequest['query'],
        body: request.body,
        headers: request.headers,
        caller: request.dataContext,
      };
      let body: unknown;
      try {
        body = await found.route.handler(input);
      } catch (error) {
        // The client gets a bare 500; the cause goes to the log under the plugin's id, where its author looks.
        if (errorAnswer(error).unexpected) source.logger.error({ plugin: found.route.pluginId, err: error }, `Plugin route ${found.route.method} ${found.route.path} failed`);
        throw error;
      }
      return reply.code(found.route.status ?? 200).send(body ?? null);
    },
  });
}
