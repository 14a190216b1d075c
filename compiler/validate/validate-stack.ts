import { basename } from 'node:path';
import { ObjectFileSchema, PluginManifestSchema, SNAKE_CASE_PATTERN, StackSchema } from '../../schemas/index.js';
import type { ObjectDef, PluginManifest } from '../../schemas/index.js';
import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../diagnostics/span.js';
import type { LoadedDocument, LoadedStack } from '../load/loaded-stack.js';
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
  const parsedRoot = root ? validateDocument(StackSchema, root.data, stackRef, diagnostics) : { ok: false as const };
  const stack = parsedRoot.ok ? parsedRoot.value : undefined;

  const objects: ValidatedObject[] = [];
  if (stack) objects.push(...stack.objects.map((def, index) => ({ def, ref: inlineObjectRef(loaded.root.data, stackRef, index) })));
  for (const doc of loaded.objectFiles) {
    const object = validateObjectFile(doc, diagnostics);
    if (object) objects.push(object);
  }

  const manifests = new Map(loaded.plugins.map((plugin) => [plugin.index, plugin]));
  const plugins: ValidatedPlugin[] = [];
  const manifestOf = (doc: LoadedDocument | undefined) => {
    if (!doc?.wellFormed) return undefined;
    const result = validateDocument(PluginManifestSchema, doc.data, { file: doc.file, path: [] }, diagnostics);
    return result.ok ? result.value : undefined;
  };
  const fileManifests = new Map<number, PluginManifest | undefined>(loaded.plugins.map((p) => [p.index, manifestOf(p.manifestDoc)]));
  stack?.plugins.forEach((entry, index) => {
    const found = manifests.get(index);
    const ref: SourceRef = { file: loaded.entryFile, path: ['plugins', index] };
    const common = { entry, ref, builtin: found?.builtin ?? false, ...(found?.moduleFile && { moduleFile: found.moduleFile }) };
    if ('manifest' in entry) {
      plugins.push({ ...common, manifest: entry.manifest, manifestRef: { file: loaded.entryFile, path: ['plugins', index, 'manifest'] } });
      return;
    }
    const manifest = fileManifests.get(index);
    const manifestFile = found?.manifestDoc?.file;
    plugins.push({ ...common, ...(manifest && manifestFile && { manifest, manifestRef: { file: manifestFile, path: [] } }) });
  });

  return { entryFile: loaded.entryFile, stack, stackRef, objects, plugins, diagnostics };
}

function validateObjectFile(doc: LoadedDocument, diagnostics: PendingDiagnostic[]): ValidatedObject | undefined {
  if (!doc.wellFormed) return undefined;
  const ref: SourceRef = { file: doc.file, path: [] };
  const rewritten = rewriteLegacyObject(doc.data, ref);
  diagnostics.push(...rewritten.diagnostics);
  const result = validateDocument(ObjectFileSchema, rewritten.data, ref, diagnostics);
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

/** account.object.yml → account */
export function nameFromFile(file: string): string {
  return basename(file).replace(/(\.object)?\.ya?ml$/, '');
}

/** objects given as a list are referenced by index, as a map by key (the schema keeps the key order). */
function inlineObjectRef(rootData: unknown, stackRef: SourceRef, index: number): SourceRef {
  const objects = (rootData as { objects?: unknown } | null)?.objects;
  if (objects && typeof objects === 'object' && !Array.isArray(objects)) {
    const key = Object.keys(objects)[index];
    if (key !== undefined) return { file: stackRef.file, path: ['objects', key] };
  }
  return { file: stackRef.file, path: ['objects', index] };
}
