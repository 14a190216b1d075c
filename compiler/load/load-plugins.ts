import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { suggestion } from '../diagnostics/did-you-mean.js';
import type { LoadedDocument, LoadedPlugin } from './loaded-stack.js';
import { readDocument } from './read-document.js';
import { isMapping } from './yaml-values.js';
import type { ReadContext } from './read-document.js';

const MANIFEST_FILES = ['plugin.yml', 'plugin.yaml'];
// The manifest's `main` wins; otherwise the schema's documented default order.
const ENTRY_MODULES = ['index.ts', 'index.js', 'index.mjs'];

/**
 * Finds what each `plugins` entry of the stack file refers to on disk. The entries are not validated yet, so only
 * entries of the right shape are followed; validation reports the rest.
 */
export function loadPlugins(
  stackFile: string,
  entries: unknown,
  context: ReadContext,
  builtinDir: string,
): LoadedPlugin[] {
  if (!Array.isArray(entries)) return [];
  const stackDir = dirname(stackFile);
  let builtins: Map<string, LoadedDocument> | undefined;
  const plugins: LoadedPlugin[] = [];
  entries.forEach((entry: unknown, index) => {
    if (!isMapping(entry)) return;
    const at = (key: string) => ({ file: stackFile, path: ['plugins', index, key] });
    if (typeof entry.path === 'string') {
      const folder = resolve(stackDir, entry.path);
      const manifestFile = MANIFEST_FILES.map((name) => join(folder, name)).find((file) => existsSync(file));
      if (!manifestFile) {
        context.diagnostics.push({
          code: 'OS1103',
          message: `No plugin.yml in ${entry.path}`,
          at: at('path'),
          hint: existsSync(folder) ? 'add a plugin.yml manifest to the folder' : `the folder ${folder} does not exist`,
        });
        return;
      }
      const manifestDoc = readDocument(manifestFile, context);
      const moduleFile = declaredModule(manifestDoc, folder) ?? ENTRY_MODULES.map((name) => join(folder, name)).find(existsSync);
      plugins.push({ index, builtin: false, ...(manifestDoc && { manifestDoc }), ...(moduleFile && { moduleFile }) });
    } else if (isMapping(entry.manifest)) {
      const moduleFile = typeof entry.module === 'string' ? resolve(stackDir, entry.module) : undefined;
      if (moduleFile && !existsSync(moduleFile)) {
        context.diagnostics.push({
          code: 'OS1105',
          message: `Plugin module ${String(entry.module)} does not exist`,
          at: at('module'),
          hint: 'the path is relative to the folder of objectstack.yaml',
        });
      }
      plugins.push({ index, builtin: false, ...(moduleFile && { moduleFile }) });
    } else if (typeof entry.id === 'string') {
      builtins ??= readBuiltins(builtinDir, context);
      const manifestDoc = builtins.get(entry.id);
      if (!manifestDoc) {
        const hint = suggestion(entry.id, builtins.keys());
        context.diagnostics.push({
          code: 'OS1104',
          message: `No built-in plugin has the id ${entry.id}`,
          at: at('id'),
          hint: hint ?? `built-in plugins: ${[...builtins.keys()].sort().join(', ') || 'none'}; a local plugin is referenced with path:`,
        });
        return;
      }
      plugins.push({ index, builtin: true, manifestDoc });
    }
  });
  return plugins;
}

function declaredModule(manifest: LoadedDocument | undefined, folder: string): string | undefined {
  const data = manifest?.data;
  if (!isMapping(data)) return undefined;
  return typeof data.main === 'string' ? resolve(folder, data.main) : undefined;
}

/** Built-in manifests keyed by their `id`; read once per load, without environment substitution. */
function readBuiltins(dir: string, context: ReadContext): Map<string, LoadedDocument> {
  const byId = new Map<string, LoadedDocument>();
  const builtinContext: ReadContext = { ...context, env: undefined, diagnostics: [], envReferences: new Set() };
  let folders: string[] = [];
  try {
    folders = readdirSync(dir).sort();
  } catch {
    return byId;
  }
  for (const folder of folders) {
    const file = MANIFEST_FILES.map((name) => join(dir, folder, name)).find((path) => existsSync(path));
    if (!file) continue;
    const doc = readDocument(file, builtinContext);
    if (doc && isMapping(doc.data) && typeof doc.data.id === 'string') byId.set(doc.data.id, doc);
  }
  // A broken built-in manifest is an objectstack bug; it surfaces when validated as part of a stack that uses it.
  return byId;
}
