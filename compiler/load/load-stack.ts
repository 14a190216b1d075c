import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../diagnostics/span.js';
import type { Environment } from './env.js';
import { expandGlob, hasWildcard } from './glob.js';
import type { LoadedDocument, LoadedStack } from './loaded-stack.js';
import { loadPlugins } from './load-plugins.js';
import { builtinPluginsDir } from './package-root.js';
import { PositionIndex } from './position-index.js';
import { envKey, readDocument } from './read-document.js';
import { isMapping } from './yaml-values.js';
import type { ReadContext } from './read-document.js';

export interface LoadOptions {
  /** Values for ${env:NAME} references; defaults to process.env. */
  readonly env?: Environment;
  /** Where built-in plugin manifests are found; defaults to runtime/plugins of this package. */
  readonly builtinPluginsDir?: string;
}

export const STACK_FILE_NAMES = ['objectstack.yaml', 'objectstack.yml'];

/**
 * Reads a stack from disk: the stack file (a path, or a folder holding objectstack.yaml), the object files its
 * `include` patterns match, and the plugin manifests its `plugins` entries point at. Never throws for a user
 * mistake: every problem is a diagnostic.
 */
export function loadStack(entryPath: string, options: LoadOptions = {}): LoadedStack {
  const entryFile = stackFile(resolve(entryPath));
  const positions = new PositionIndex();
  const diagnostics: PendingDiagnostic[] = [];
  const envReferences = new Set<string>();
  const context: ReadContext = { positions, diagnostics, env: options.env ?? process.env, envReferences };
  const root: LoadedDocument = readDocument(entryFile, context) ?? { file: entryFile, data: null, wellFormed: false };
  const data = isMapping(root.data) ? root.data : {};
  const objectFiles = includedFiles(entryFile, data.include, diagnostics)
    .map((file) => readDocument(file, context))
    .filter((doc): doc is LoadedDocument => doc !== undefined);
  const plugins = loadPlugins(entryFile, data.plugins, context, options.builtinPluginsDir ?? builtinPluginsDir());
  const fromEnvironment = (ref: SourceRef) => envReferences.has(envKey(ref.file, ref.path));
  return { entryFile, root, objectFiles, plugins, diagnostics, positions, fromEnvironment };
}

function stackFile(path: string): string {
  if (!isDirectory(path)) return path;
  const found = STACK_FILE_NAMES.map((name) => join(path, name)).find((file) => existsSync(file));
  return found ?? join(path, STACK_FILE_NAMES[0] ?? 'objectstack.yaml');
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Files matched by `include`, deduplicated and sorted; a pattern matching nothing is an error at the pattern. */
function includedFiles(entryFile: string, include: unknown, diagnostics: PendingDiagnostic[]): string[] {
  const patterns = typeof include === 'string' ? [include] : Array.isArray(include) ? include : [];
  const files = new Set<string>();
  patterns.forEach((pattern: unknown, index) => {
    if (typeof pattern !== 'string') return;
    const matches = expandGlob(dirname(entryFile), pattern).filter((file) => file !== entryFile);
    if (matches.length === 0) {
      diagnostics.push({
        code: 'OS1101',
        message: hasWildcard(pattern) ? `Include pattern ${pattern} matched no files` : `Included file ${pattern} does not exist`,
        at: { file: entryFile, path: typeof include === 'string' ? ['include'] : ['include', index] },
        hint: 'patterns are relative to the folder of objectstack.yaml and support *, ** and ?',
      });
    }
    for (const file of matches) files.add(file);
  });
  return [...files].sort();
}
