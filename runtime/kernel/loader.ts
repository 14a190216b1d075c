import { pathToFileURL } from 'node:url';
import { KernelError, toError } from './errors.js';
import type { PluginModule } from './types.js';

/**
 * Imports a plugin module. `generation > 0` adds `?v=<generation>` so Node's module cache hands back a fresh
 * instance (a reload); only the entry file is re-evaluated, its own imports stay cached.
 */
export async function importPluginModule(pluginId: string, location: string | URL, generation: number): Promise<PluginModule> {
  const href = toHref(location);
  const url = generation > 0 ? `${href}${href.includes('?') ? '&' : '?'}v=${generation}` : href;
  let namespace: unknown;
  try {
    namespace = await import(url);
  } catch (thrown) {
    const error = toError(thrown);
    throw new KernelError('OS7011', `Plugin '${pluginId}' could not be imported from ${href}: ${error.message}`, pluginId, {
      cause: error,
    });
  }
  return pluginModuleFrom(pluginId, namespace, href);
}

/** Accepts `export default { init, ... }` or named `export function init` exports. */
export function pluginModuleFrom(pluginId: string, namespace: unknown, where: string): PluginModule {
  const candidate = hasInit(namespace) ? namespace : isObject(namespace) && hasInit(namespace.default) ? namespace.default : undefined;
  if (!candidate) {
    throw new KernelError(
      'OS7011',
      `Plugin '${pluginId}' module ${where} does not export an init function; export init(ctx) (and optionally start, destroy, healthCheck) or a default object with them`,
      pluginId,
    );
  }
  return candidate;
}

function toHref(location: string | URL): string {
  if (location instanceof URL) return location.href;
  return /^[a-z][a-z0-9+.-]*:/i.test(location) ? location : pathToFileURL(location).href;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function hasInit(value: unknown): value is PluginModule {
  return isObject(value) && typeof value.init === 'function';
}
