import semver from 'semver';
import { KernelError } from './errors.js';
import type { PluginManifest } from './types.js';

type GraphManifest = Pick<
  PluginManifest,
  'id' | 'version' | 'dependencies' | 'optionalDependencies' | 'providesServices' | 'requiresServices'
>;

/**
 * The boot order: every plugin after its (optional) dependencies, otherwise in registration order, so the order is
 * deterministic. Re-checks at boot what the compiler checks (missing dependencies, versions, cycles, required
 * services) so a hand-written bootstrap gets the same errors.
 */
export function resolvePluginOrder(manifests: readonly GraphManifest[]): string[] {
  const byId = new Map(manifests.map((m) => [m.id, m]));
  for (const manifest of manifests) checkDependencies(manifest, byId);
  checkRequiredServices(manifests);

  const order: string[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (manifest: GraphManifest): void => {
    if (done.has(manifest.id)) return;
    const start = path.indexOf(manifest.id);
    if (start >= 0) {
      const cycle = [...path.slice(start), manifest.id].map((id) => `'${id}'`).join(' → ');
      throw new KernelError(
        'OS7001',
        `Plugin dependency cycle: ${cycle}; remove one of these dependencies from its manifest`,
        manifest.id,
      );
    }
    path.push(manifest.id);
    for (const depId of dependencyIds(manifest)) {
      const dep = byId.get(depId);
      if (dep) visit(dep);
    }
    path.pop();
    done.add(manifest.id);
    order.push(manifest.id);
  };
  for (const manifest of manifests) visit(manifest);
  return order;
}

export function dependencyIds(manifest: Pick<GraphManifest, 'dependencies' | 'optionalDependencies'>): string[] {
  return [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {})];
}

function checkDependencies(manifest: GraphManifest, byId: ReadonlyMap<string, GraphManifest>): void {
  const check = (deps: Readonly<Record<string, string>> | undefined, optional: boolean) => {
    for (const [depId, range] of Object.entries(deps ?? {})) {
      const dep = byId.get(depId);
      if (!dep) {
        if (optional) continue;
        throw new KernelError(
          'OS7002',
          `Plugin '${manifest.id}' depends on '${depId}' (${range}), which is not registered; add it to the stack's plugins or remove the dependency`,
          manifest.id,
        );
      }
      if (!semver.satisfies(dep.version, range)) {
        throw new KernelError(
          'OS7003',
          `Plugin '${manifest.id}' needs '${depId}' ${range}, but version ${dep.version} is registered; use a version in that range or change the range in '${manifest.id}'`,
          manifest.id,
        );
      }
    }
  };
  check(manifest.dependencies, false);
  check(manifest.optionalDependencies, true);
}

function checkRequiredServices(manifests: readonly GraphManifest[]): void {
  const provided = new Set(manifests.flatMap((m) => m.providesServices ?? []));
  for (const manifest of manifests) {
    for (const service of manifest.requiresServices ?? []) {
      if (provided.has(service)) continue;
      throw new KernelError(
        'OS7004',
        `Plugin '${manifest.id}' requires service '${service}', but no registered plugin provides it; add a plugin that lists '${service}' in providesServices`,
        manifest.id,
      );
    }
  }
}
