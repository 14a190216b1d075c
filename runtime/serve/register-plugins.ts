import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PluginIR } from '../../compiler/ir/types.js';
import type { Kernel } from '../kernel/kernel.js';
import type { PluginConfig, PluginModule, PluginManifestInput } from '../kernel/types.js';
import { BUILTIN_PLUGINS, builtinModuleUrl, isBuiltinPlugin, type BuiltinPluginId } from '../plugins/builtins.js';
import { localModuleUrl } from './local-module.js';

export const DATA_PLUGIN = 'com.objectstack.data';
const AUTH_PLUGIN = 'com.objectstack.auth';

/**
 * Registers the stack's plugins in resolved order, the way the generated bootstrap does: built-ins from this
 * package, local plugins from their entry module, the data plugin as the server's own (it owns the database).
 * Returns the ids of built-ins this version ships no module for: they are left out and named in a warning.
 */
export async function registerStackPlugins(
  kernel: Kernel,
  plugins: readonly PluginIR[],
  dataModule: PluginModule,
  cacheDir: string,
): Promise<string[]> {
  const missing: string[] = [];
  for (const plugin of plugins) {
    const manifest = plugin.manifest as PluginManifestInput;
    const config = plugin.config as PluginConfig;
    if (plugin.id === DATA_PLUGIN) {
      kernel.register({ manifest, config, module: dataModule });
      continue;
    }
    const url = await moduleUrlOf(plugin, cacheDir);
    if (url === undefined) missing.push(plugin.id);
    else kernel.register({ manifest, config, url });
  }
  return missing;
}

/**
 * A built-in the table still marks as module-less whose module has since landed (`index.js` compiled, or `index.ts`
 * when running from source under a TypeScript-aware loader).
 */
function shippedModule(id: BuiltinPluginId): URL | undefined {
  const url = new URL(`../plugins/${BUILTIN_PLUGINS[id].folder}/index.js`, import.meta.url);
  const file = fileURLToPath(url);
  return existsSync(file) || existsSync(file.replace(/\.js$/, '.ts')) ? url : undefined;
}

async function moduleUrlOf(plugin: PluginIR, cacheDir: string): Promise<URL | undefined> {
  // The auth module is this layer's (runtime/plugins/auth); the built-in table marks it as not shipped yet.
  if (plugin.id === AUTH_PLUGIN) return new URL('../plugins/auth/index.js', import.meta.url);
  if (plugin.source.kind === 'builtin' && isBuiltinPlugin(plugin.id)) return builtinModuleUrl(plugin.id) ?? shippedModule(plugin.id);
  if (plugin.source.moduleFile === null) return undefined;
  return localModuleUrl(plugin.source.moduleFile, plugin.id, join(cacheDir, 'plugins'));
}
