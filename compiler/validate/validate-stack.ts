import { ObjectFileSchema, PluginManifestSchema, SNAKE_CASE_PATTERN, StackSchema } from '../../schemas/index.js';
import type { ObjectDef, PluginManifest, Stack } from '../../schemas/index.js';
import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../diagnostics/span.js';
import { isMapping } from '../load/yaml-values.js';
import type { LoadedDocument, LoadedStack } from '../load/loaded-stack.js';
import { nameFromFile } from './object-name.js';
import { rewriteLegacyObject, rewriteStackObjects } from './objectql-aliases.js';
import { validateDocument } from './validate-document.js';
import type { ValidatedObject, ValidatedPlugin, ValidatedStack } from './validated-stack.js';

/**
 * Applies the schemas to every loaded document (pure: the loaded data is never changed). All problems in all files
 * are reported; documents with errors are left out of the result.
 */
export function validateStack(loaded: LoadedStack): ValidatedStack {
  const diagnostics: PendingDiagnostic[] = [...loaded.diagnostics];
  const stackRef: SourceRef = { file: loaded.entryFile, path: [] };

  const root = loaded.root.wellFormed ? rewriteStackObjects(loaded.root.data, stackRef) : undefined;
  if (root) diagnostics.push(...root.diagnostics);
  const parsedRoot = root ? validateDocument(StackSchema, root.data, stackRef, diagnostics, root.originalPath) : { ok: false as const };
  const stack = parsedRoot.ok ? parsedRoot.value : undefined;

  const objects: ValidatedObject[] = [];
  const rejectedObjectNames: string[] = [];
  if (stack) objects.push(...stack.objects.map((def, index) => ({ def, ref: inlineObjectRef(loaded.root.data, stackRef, index) })));
  for (const doc of loaded.objectFiles) {
    const object = validateObjectFile(doc, diagnostics);
    if (object) objects.push(object);
    else rejectedObjectNames.push(declaredName(doc));
  }

  const plugins = validatePlugins(loaded, stack, diagnostics);

  return { entryFile: loaded.entryFile, stack, stackRef, objects, plugins, rejectedObjectNames, diagnostics };
}

/**
 * Manifest files are validated even when the stack file is not (their problems are reported either way); plugin
 * entries exist only when it is.
 */
function validatePlugins(loaded: LoadedStack, stack: Stack | undefined, diagnostics: PendingDiagnostic[]): ValidatedPlugin[] {
  const manifests = new Map<number, { manifest: PluginManifest; manifestRef: SourceRef }>();
  for (const { index, manifestDoc } of loaded.plugins) {
    if (!manifestDoc?.wellFormed) continue;
    const manifestRef: SourceRef = { file: manifestDoc.file, path: [] };
    const result = validateDocument(PluginManifestSchema, manifestDoc.data, manifestRef, diagnostics);
    if (result.ok) manifests.set(index, { manifest: result.value, manifestRef });
  }
  const found = new Map(loaded.plugins.map((plugin) => [plugin.index, plugin]));
  return (stack?.plugins ?? []).map((entry, index): ValidatedPlugin => {
    const plugin = found.get(index);
    const ref: SourceRef = { file: loaded.entryFile, path: ['plugins', index] };
    const inline = 'manifest' in entry ? { manifest: entry.manifest, manifestRef: { file: loaded.entryFile, path: ['plugins', index, 'manifest'] } } : undefined;
    return {
      entry,
      ref,
      builtin: plugin?.builtin ?? false,
      ...(plugin?.moduleFile && { moduleFile: plugin.moduleFile }),
      ...(inline ?? manifests.get(index)),
    };
  });
}

function validateObjectFile(doc: LoadedDocument, diagnostics: PendingDiagnostic[]): ValidatedObject | undefined {
  if (!doc.wellFormed) return undefined;
  const ref: SourceRef = { file: doc.file, path: [] };
  const rewritten = rewriteLegacyObject(doc.data, ref);
  diagnostics.push(...rewritten.diagnostics);
  const result = validateDocument(ObjectFileSchema, rewritten.data, ref, diagnostics, rewritten.originalPath);
  if (!result.ok || rewritten.diagnostics.some((d) => d.code === 'OS1211')) return undefined;
  const name = result.value.name ?? nameFromFile(doc.file);
  if (!SNAKE_CASE_PATTERN.test(name)) {
    diagnostics.push({
      code: 'OS1205',
      message: `Object name "${name}" taken from the file name is not snake_case`,
      at: ref,
      hint: 'rename the file, or set `name:` in it',
    });
    return undefined;
  }
  const def: ObjectDef = { ...result.value, name };
  return { def, ref };
}

function declaredName(doc: LoadedDocument): string {
  const name = isMapping(doc.data) ? doc.data.name : undefined;
  return typeof name === 'string' ? name : nameFromFile(doc.file);
}

/** account.object.yml → account */

/** objects given as a list are referenced by index, as a map by key (the schema keeps the key order). */
function inlineObjectRef(rootData: unknown, stackRef: SourceRef, index: number): SourceRef {
  const objects = (rootData as { objects?: unknown } | null)?.objects;
  if (objects && typeof objects === 'object' && !Array.isArray(objects)) {
    const key = Object.keys(objects)[index];
    if (key !== undefined) return { file: stackRef.file, path: ['objects', key] };
  }
  return { file: stackRef.file, path: ['objects', index] };
}
