import { ObjectSchema, PluginManifestSchema, StackSchema } from '../../schemas/index.js';
import type { ObjectDefInput, PluginManifestInput, StackInput } from '../../schemas/index.js';
import { catalogueEntry } from '../../compiler/diagnostics/catalogue.js';
import type { PendingDiagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { SourceRef } from '../../compiler/diagnostics/span.js';
import type { ValidatedObject, ValidatedPlugin, ValidatedStack } from '../../compiler/validate/validated-stack.js';

/**
 * Builds `ValidatedStack` inputs from plain objects run through the real Zod schemas, so resolution is tested
 * without the loader. Refs follow the loader's conventions: `plugins[i]` in the stack file, included object files
 * at path [].
 */
export const STACK_FILE = '/app/objectstack.yaml';

export interface PluginSpec {
  readonly manifest: PluginManifestInput;
  readonly config?: Record<string, unknown>;
  /** Listed by id as a built-in (manifest in the package's plugin.yml) instead of inline. */
  readonly builtin?: { readonly version?: string };
}

export interface ObjectSpec {
  readonly def: ObjectDefInput;
  /** An included file holding the object; inline in the stack file when absent. */
  readonly file?: string;
}

export interface StackSpec {
  readonly plugins?: readonly PluginSpec[];
  readonly objects?: readonly (ObjectSpec | ObjectDefInput)[];
  /** Other root keys (manifest overrides, system, datasources, permissions). */
  readonly root?: Partial<StackInput>;
}

/** One plugin providing every required and core service, so tests about other things see no service warnings. */
export const CORE: PluginSpec = {
  manifest: {
    id: 'com.test.core',
    name: 'Core',
    version: '1.0.0',
    providesServices: ['data', 'metadata', 'auth', 'cache', 'queue', 'job', 'i18n'],
  },
};

export function builtinManifestFile(id: string): string {
  return `/pkg/runtime/plugins/${id.slice(id.lastIndexOf('.') + 1)}/plugin.yml`;
}

export function pluginRef(index: number): SourceRef {
  return { file: STACK_FILE, path: ['plugins', index] };
}

export function validatedStack(spec: StackSpec = {}): ValidatedStack {
  const pluginSpecs = spec.plugins ?? [CORE];
  const entries = pluginSpecs.map((plugin) =>
    plugin.builtin
      ? { id: plugin.manifest.id, ...(plugin.builtin.version ? { version: plugin.builtin.version } : {}), ...configOf(plugin) }
      : { manifest: plugin.manifest, module: `./plugins/${plugin.manifest.id}.ts`, ...configOf(plugin) },
  );
  const stack = StackSchema.parse({
    manifest: { id: 'com.test.app', name: 'Test app', version: '1.0.0' },
    ...spec.root,
    plugins: entries,
  });
  const plugins: ValidatedPlugin[] = pluginSpecs.map((plugin, index) => {
    const ref = pluginRef(index);
    return {
      entry: stack.plugins[index]!,
      ref,
      manifest: PluginManifestSchema.parse(plugin.manifest),
      manifestRef: plugin.builtin ? { file: builtinManifestFile(plugin.manifest.id), path: [] } : { file: STACK_FILE, path: ['plugins', index, 'manifest'] },
      builtin: plugin.builtin !== undefined,
      moduleFile: plugin.builtin ? `/pkg/runtime/plugins/${plugin.manifest.id}/index.js` : `/app/plugins/${plugin.manifest.id}.ts`,
    };
  });
  const objects: ValidatedObject[] = (spec.objects ?? []).map((item, index) => {
    const { def, file } = 'def' in item ? item : { def: item, file: undefined };
    return {
      def: ObjectSchema.parse(def),
      ref: file ? { file, path: [] } : { file: STACK_FILE, path: ['objects', index] },
    };
  });
  return { entryFile: STACK_FILE, stack, stackRef: { file: STACK_FILE, path: [] }, objects, plugins, diagnostics: [] };
}

function configOf(plugin: PluginSpec) {
  return plugin.config ? { config: plugin.config } : {};
}

/** Diagnostics with a code, for focused assertions. */
export function withCode(diagnostics: readonly PendingDiagnostic[], code: string): PendingDiagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

export function errorsOf(diagnostics: readonly PendingDiagnostic[]): PendingDiagnostic[] {
  return diagnostics.filter((d) => (d.severity ?? catalogueEntry(d.code)?.severity) === 'error');
}

/** A minimal plugin manifest. */
export function manifest(id: string, extra: Partial<PluginManifestInput> = {}): PluginManifestInput {
  return { id, name: id, version: '1.0.0', ...extra };
}
