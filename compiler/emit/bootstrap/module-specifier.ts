import { basename, dirname, relative, sep } from 'node:path';
import type { PluginIR } from '../../ir/types.js';
import { BUILTIN_PLUGINS, isBuiltinPlugin } from '../../../runtime/plugins/builtins.js';

/** The package name the generated code imports the runtime from (resolved through package.json `exports`). */
export const RUNTIME_PACKAGE = 'objectstack';

/**
 * How the bootstrap reaches a plugin's module:
 * - `import`: a static default import, type-checked against the runtime (built-ins through the package's `exports`,
 *   `objectstack/runtime/plugins/<folder>`, which resolves the same way in this repository — a package may import
 *   itself by name — and in a project depending on objectstack; local modules relative to the output directory, with
 *   the `.js` extension NodeNext resolution expects);
 * - `url`: a built-in whose module this objectstack version does not ship yet (see `BUILTIN_PLUGINS.hasModule`):
 *   registered by URL, so the stack still type-checks and the kernel names the missing module at start.
 */
export type ModuleReference = { readonly kind: 'import' | 'url'; readonly specifier: string };

export function moduleReference(plugin: PluginIR, outDir: string): ModuleReference {
  if (plugin.source.kind === 'builtin') {
    const folder = basename(dirname(plugin.manifestOrigin.file));
    const specifier = `${RUNTIME_PACKAGE}/runtime/plugins/${folder}`;
    const shipped = !isBuiltinPlugin(plugin.id) || BUILTIN_PLUGINS[plugin.id].hasModule;
    return { kind: shipped ? 'import' : 'url', specifier };
  }
  if (plugin.source.moduleFile === null) throw new Error(`Plugin ${plugin.id} has no entry module to import`);
  const path = relative(outDir, plugin.source.moduleFile).split(sep).join('/');
  const withJs = path.replace(/\.ts$/, '.js').replace(/\.mts$/, '.mjs');
  return { kind: 'import', specifier: withJs.startsWith('.') ? withJs : `./${withJs}` };
}
