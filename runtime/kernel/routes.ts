import { KernelError } from './errors.js';
import type { MountedPluginRoute, PluginRouteDefinition, PluginRouteMethod } from './types.js';

/** Where plugin routes live; the HTTP layer mounts one handler here and dispatches through the route table. */
export const PLUGIN_ROUTE_PREFIX = '/api/v1/plugins';

const METHODS: ReadonlySet<string> = new Set<PluginRouteMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** `com.acme.hello` → `hello`: short enough for URLs, and the prefix keeps plugins from claiming each other's paths. */
export function pluginRoutePrefix(pluginId: string): string {
  return `${PLUGIN_ROUTE_PREFIX}/${pluginId.slice(pluginId.lastIndexOf('.') + 1)}`;
}

interface Entry {
  readonly route: MountedPluginRoute;
  readonly segments: readonly string[];
}

export interface RouteMatch {
  readonly route: MountedPluginRoute;
  readonly params: Record<string, string>;
}

/**
 * Plugin routes by owner. The kernel only records definitions (no Fastify here); because routes come and go with
 * reloads while the server keeps running, the HTTP layer looks them up per request instead of registering each one.
 * A linear scan: a stack has a handful of plugin routes, and a scan keeps removal trivial.
 */
export class RouteTable {
  private entries: Entry[] = [];

  add(owner: string, definition: PluginRouteDefinition): MountedPluginRoute {
    if (!METHODS.has(definition.method)) {
      throw new KernelError('OS7009', `Plugin '${owner}' mounted a route with method '${definition.method}'; use one of ${[...METHODS].join(', ')}`, owner);
    }
    const relative = `/${definition.url.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
    const path = `${pluginRoutePrefix(owner)}${relative}`;
    const segments = splitPath(path);
    const clash = this.entries.find((entry) => entry.route.method === definition.method && samePattern(entry.segments, segments));
    if (clash) {
      throw new KernelError(
        'OS7009',
        `Route ${definition.method} ${path} is already mounted by plugin '${clash.route.pluginId}'; plugin '${owner}' cannot mount it again`,
        owner,
      );
    }
    const route: MountedPluginRoute = { ...definition, pluginId: owner, path, handler: definition.handler };
    this.entries.push({ route, segments });
    return route;
  }

  /** Withdraws every route of one plugin (destroy, failure, reload). */
  removeOwner(owner: string): void {
    this.entries = this.entries.filter((entry) => entry.route.pluginId !== owner);
  }

  match(method: string, path: string): RouteMatch | undefined {
    const segments = splitPath(path);
    for (const { route, segments: pattern } of this.entries) {
      if (route.method !== method || pattern.length !== segments.length) continue;
      const params: Record<string, string> = {};
      if (pattern.every((part, i) => (part.startsWith(':') ? ((params[part.slice(1)] = segments[i]!), true) : part === segments[i]))) {
        return { route, params };
      }
    }
    return undefined;
  }

  list(): readonly MountedPluginRoute[] {
    return this.entries.map((entry) => entry.route);
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter(Boolean).map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
}

/** Two patterns clash when every segment is equal or either side is a parameter. */
function samePattern(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i] || (part.startsWith(':') && b[i]!.startsWith(':')));
}
