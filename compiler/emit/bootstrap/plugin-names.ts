import type { PluginIR } from '../../ir/types.js';

export interface PluginNames {
  /** The namespace import of the plugin's module, e.g. `cachePlugin`. */
  readonly moduleIdentifier: string;
  /** The interface of its configuration, e.g. `CachePluginConfig` (never clashes with the runtime's `SystemConfig`). */
  readonly configType: string;
}

/**
 * Names derived from each plugin id: its last segment (`com.objectstack.cache` → `cache`), or the whole id when two
 * plugins share a last segment, so the choice never depends on which plugin came first.
 */
export function pluginNames(plugins: readonly PluginIR[]): Map<string, PluginNames> {
  const lastSegment = (id: string): string => id.slice(id.lastIndexOf('.') + 1);
  const uses = new Map<string, number>();
  for (const plugin of plugins) uses.set(lastSegment(plugin.id), (uses.get(lastSegment(plugin.id)) ?? 0) + 1);
  const names = new Map<string, PluginNames>();
  for (const plugin of plugins) {
    const base = uses.get(lastSegment(plugin.id)) === 1 ? lastSegment(plugin.id) : plugin.id;
    const words = base.split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
    const pascal = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('') || 'Unnamed';
    const safe = /^[0-9]/.test(pascal) ? `P${pascal}` : pascal;
    names.set(plugin.id, {
      moduleIdentifier: `${safe[0]!.toLowerCase()}${safe.slice(1)}Plugin`,
      configType: `${safe}PluginConfig`,
    });
  }
  return names;
}
