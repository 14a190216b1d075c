import { SERVICE_PERMISSIONS } from '../../schemas/index.js';
import { KernelError } from './errors.js';
import type { PluginManifest } from './types.js';

/**
 * The services a plugin may NOT get, with the permission each needs, computed once at registration so that the
 * `getService` check is a single Map miss. A plugin may always use the services it provides itself; services
 * outside the permission catalogue (a plugin's own extras) need no permission.
 */
export function deniedServices(manifest: Pick<PluginManifest, 'permissions' | 'providesServices'>): Map<string, string> {
  const granted = new Set<string>(manifest.permissions);
  const provided = new Set<string>(manifest.providesServices);
  const denied = new Map<string, string>();
  for (const [service, permission] of Object.entries(SERVICE_PERMISSIONS)) {
    if (!granted.has(permission) && !provided.has(service)) denied.set(service, permission);
  }
  return denied;
}

export function permissionDenied(pluginId: string, permission: string, service: string): KernelError {
  return new KernelError(
    'OS7007',
    `Permission denied: plugin '${pluginId}' needs permission '${permission}' to use service '${service}'; add it to the plugin's manifest permissions`,
    pluginId,
  );
}

/** OS7007 for mounting an HTTP route without `http.route`: same code and fix as a denied service. */
export function routePermissionDenied(pluginId: string, route: string): KernelError {
  return new KernelError(
    'OS7007',
    `Permission denied: plugin '${pluginId}' needs permission 'http.route' to mount the HTTP route ${route}; add it to the plugin's manifest permissions`,
    pluginId,
  );
}
