import { catalogueEntry } from '../diagnostics/catalogue.js';
import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { deepFreeze } from '../ir/freeze.js';
import { FrozenMap } from '../ir/frozen-map.js';
import type { StackIR } from '../ir/types.js';
import type { ValidatedStack } from '../validate/validated-stack.js';
import { freezeByDefault } from './context.js';
import type { ResolveOptions } from './context.js';
import { resolveObjects } from './objects.js';
import { checkPermissionSets } from './permission-sets.js';
import { resolvePlugins } from './plugins.js';
import { resolveServices } from './services.js';
import { checkSystem } from './system.js';

export type { ResolveOptions } from './context.js';

export interface ResolveResult {
  /** The IR; absent when validation or resolution found an error (emitters never see a broken stack). */
  readonly ir?: StackIR;
  /** Problems found by resolution only (the validated stack's own diagnostics are not repeated). */
  readonly diagnostics: PendingDiagnostic[];
}

/**
 * Runs the semantic passes over a validated stack (plugins, services, objects, permission sets, system) and
 * assembles the immutable StackIR (deep-frozen in tests and development, see `ResolveOptions.freeze`). Every pass
 * runs even after another reported errors, so the user sees all problems at once. The IR adopts the validated
 * values (`def`, `manifest`, `system`) by reference: treat the validated stack as read-only afterwards.
 */
export function resolveStack(validated: ValidatedStack, options: ResolveOptions = {}): ResolveResult {
  const { stack, stackRef } = validated;
  if (!stack) return { diagnostics: [] };

  const rejected = new Set(validated.rejectedObjectNames ?? []);
  const plugins = resolvePlugins(validated.plugins, options);
  const services = resolveServices(plugins.result, stackRef);
  const objects = resolveObjects({
    objects: validated.objects,
    namespace: stack.manifest.namespace,
    tenancy: stack.system.tenancy,
    datasources: Object.keys(stack.datasources),
    rejected,
  });
  const objectsByName = new FrozenMap(objects.result.map((object) => [object.name, object] as const));
  const permissions = checkPermissionSets(stack.permissions, objectsByName, rejected, stackRef);
  const system = checkSystem({
    system: stack.system,
    datasources: stack.datasources,
    permissionSets: Object.keys(stack.permissions),
    objects: objectsByName,
    rejectedObjects: rejected,
    services: new Set(services.result.map((binding) => binding.service)),
    stackRef,
  });

  const diagnostics = [
    ...plugins.diagnostics,
    ...services.diagnostics,
    ...objects.diagnostics,
    ...permissions.diagnostics,
    ...system.diagnostics,
  ];
  if (isFailing(validated.diagnostics) || isFailing(diagnostics)) return { diagnostics };

  const ir: StackIR = {
    origin: stackRef,
    manifest: stack.manifest,
    namespace: stack.manifest.namespace ?? null,
    objects: objects.result,
    objectsByName,
    plugins: plugins.result,
    pluginsById: new FrozenMap(plugins.result.map((plugin) => [plugin.id, plugin] as const)),
    services: services.result,
    system: system.result,
    server: stack.server,
    permissions: permissions.result,
    datasources: stack.datasources,
  };
  return { ir: (options.freeze ?? freezeByDefault()) ? deepFreeze(ir) : ir, diagnostics };
}

function isFailing(diagnostics: readonly PendingDiagnostic[]): boolean {
  return diagnostics.some((d) => (d.severity ?? catalogueEntry(d.code)?.severity) === 'error');
}
