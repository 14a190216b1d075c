import { SERVICE_TIERS } from '../../schemas/index.js';
import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { refChild } from '../diagnostics/span.js';
import type { SourceRef } from '../diagnostics/span.js';
import type { PluginIR, ServiceBindingIR } from '../ir/types.js';
import type { PassResult } from './context.js';

/**
 * Binds each service to its provider (the first in plugin order) and checks that the required service exists,
 * that core services are covered, and that every required service is registered before the plugin needing it
 * initialises.
 */
export function resolveServices(plugins: readonly PluginIR[], stackRef: SourceRef): PassResult<ServiceBindingIR[]> {
  const diagnostics: PendingDiagnostic[] = [];
  const providers = new Map<string, { plugin: PluginIR; index: number }>();
  for (const plugin of plugins) {
    plugin.manifest.providesServices.forEach((service, index) => {
      const first = providers.get(service);
      if (!first) {
        providers.set(service, { plugin, index });
        return;
      }
      diagnostics.push({
        code: 'OS2105',
        message: `Service '${service}' is provided by both '${first.plugin.id}' and '${plugin.id}'; '${first.plugin.id}' is used`,
        at: refChild(plugin.manifestOrigin, 'providesServices', index),
        hint: `remove '${service}' from one of the two manifests, or remove one plugin`,
        related: [{ at: refChild(first.plugin.manifestOrigin, 'providesServices', first.index), message: `'${first.plugin.id}' provides it here` }],
      });
    });
  }

  const pluginsRef = refChild(stackRef, 'plugins');
  for (const service of SERVICE_TIERS.required) {
    if (providers.has(service)) continue;
    diagnostics.push({
      code: 'OS2101',
      message: `No plugin provides the '${service}' service, which every stack needs`,
      at: plugins.length > 0 ? pluginsRef : stackRef,
      hint: 'add the data plugin to plugins: `- id: com.objectstack.data`',
    });
  }
  // One warning for all of them: five identical code frames would bury the problems that matter.
  const missingCore = SERVICE_TIERS.core.filter((service) => !providers.has(service));
  if (missingCore.length > 0) {
    const names = missingCore.map((service) => `'${service}'`).join(', ');
    diagnostics.push({
      code: 'OS2102',
      message: `No plugin provides the core service${missingCore.length > 1 ? 's' : ''} ${names}; features that use ${missingCore.length > 1 ? 'them' : 'it'} are unavailable`,
      at: plugins.length > 0 ? pluginsRef : stackRef,
      hint: `add plugins whose manifests list ${names} under providesServices (built-in providers, where one exists, are named com.objectstack.<service>)`,
    });
  }

  for (const plugin of plugins) {
    plugin.manifest.requiresServices.forEach((service, index) => {
      const provider = providers.get(service)?.plugin;
      if (provider && (provider.order < plugin.order || provider === plugin)) return;
      const at = refChild(plugin.manifestOrigin, 'requiresServices', index);
      diagnostics.push(
        provider
          ? {
              code: 'OS2104',
              message: `Plugin '${plugin.id}' requires service '${service}', but its provider '${provider.id}' starts after it`,
              at,
              hint: `add '${provider.id}: "^${provider.version}"' to the dependencies of '${plugin.id}'`,
              related: [{ at: provider.origin, message: `'${provider.id}' provides '${service}'` }],
            }
          : {
              code: 'OS2103',
              message: `Plugin '${plugin.id}' requires service '${service}', which no plugin of the stack provides`,
              at,
              hint: `add a plugin that lists '${service}' under providesServices`,
            },
      );
    });
  }

  const result = [...providers.entries()]
    .map(([service, { plugin }]) => ({ service, provider: plugin.id }))
    .sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : 0));
  return { result, diagnostics };
}
