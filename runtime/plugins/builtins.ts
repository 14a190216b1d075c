import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { PluginManifestSchema, type PluginManifest } from '../../schemas/plugin.js';

/**
 * The built-in plugins by id: the folder under `runtime/plugins/` holding its `plugin.yml`, and whether that folder
 * has an entry module (every built-in has one now; the flag stays so that a manifest can land before its module).
 */
export const BUILTIN_PLUGINS = {
  'com.objectstack.data': { folder: 'data', hasModule: true },
  'com.objectstack.metadata': { folder: 'metadata', hasModule: true },
  'com.objectstack.cache': { folder: 'cache', hasModule: true },
  'com.objectstack.queue': { folder: 'queue', hasModule: true },
  'com.objectstack.job': { folder: 'job', hasModule: true },
  'com.objectstack.audit': { folder: 'audit', hasModule: true },
  'com.objectstack.metrics': { folder: 'metrics', hasModule: true },
  'com.objectstack.auth': { folder: 'auth', hasModule: true },
} as const;

export type BuiltinPluginId = keyof typeof BUILTIN_PLUGINS;

export function isBuiltinPlugin(id: string): id is BuiltinPluginId {
  return Object.hasOwn(BUILTIN_PLUGINS, id);
}

/**
 * Absolute path of a built-in's `plugin.yml`. Manifests are not compiled, so from `dist/runtime/plugins/` they are
 * found in the package's `runtime/plugins/` source folder.
 */
export function builtinManifestPath(id: BuiltinPluginId): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const file = join(BUILTIN_PLUGINS[id].folder, 'plugin.yml');
  const beside = join(here, file);
  return existsSync(beside) ? beside : resolve(here, '../../../runtime/plugins', file);
}

/** A built-in's manifest, parsed (defaults applied); reads YAML only, never runs plugin code. */
export async function readBuiltinManifest(id: BuiltinPluginId): Promise<PluginManifest> {
  const path = builtinManifestPath(id);
  return PluginManifestSchema.parse(parse(await readFile(path, 'utf8')));
}

/** URL of a built-in's entry module, for `kernel.register({ manifest, url })`; undefined while it has none. */
export function builtinModuleUrl(id: BuiltinPluginId): URL | undefined {
  const plugin = BUILTIN_PLUGINS[id];
  return plugin.hasModule ? new URL(`./${plugin.folder}/index.js`, import.meta.url) : undefined;
}
