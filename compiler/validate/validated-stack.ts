import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../diagnostics/span.js';
import type { ObjectDef, PluginEntry, PluginManifest, Stack } from '../../schemas/index.js';

/**
 * The output of schema validation and the input of resolution. Every value here passed its Zod schema; a document
 * with errors is left out (its diagnostics are kept), so later passes only ever see well-formed values. Order is
 * deterministic: objects declared inline in the stack file first (document order), then included files sorted by
 * path; plugins in the order of the stack's `plugins` list.
 */
export interface ValidatedStack {
  /** Absolute path of objectstack.yaml. */
  readonly entryFile: string;
  /** The parsed root; undefined when the stack file itself failed validation (then `plugins` is empty too). */
  readonly stack: Stack | undefined;
  /** The root document (path []). */
  readonly stackRef: SourceRef;
  readonly objects: readonly ValidatedObject[];
  readonly plugins: readonly ValidatedPlugin[];
  /**
   * Names of objects whose document failed validation (from `name:` or the file name). They are missing from
   * `objects`; resolution should not report references to them as unknown, which would only repeat the error.
   */
  readonly rejectedObjectNames?: readonly string[];
  /** Everything found while loading and validating, in discovery order. */
  readonly diagnostics: readonly PendingDiagnostic[];
}

export interface ValidatedObject {
  /** `name` is always set: from the file name (`account.object.yml` → account) or the map key when absent. */
  readonly def: ObjectDef;
  /** The object's mapping: a whole included file (path []) or `objects[i]` / `objects.<name>` in the stack file. */
  readonly ref: SourceRef;
}

export interface ValidatedPlugin {
  readonly entry: PluginEntry;
  /** The entry in the stack file: `plugins[i]`. */
  readonly ref: SourceRef;
  /** The manifest: from the built-in plugin's plugin.yml, the local folder's plugin.yml, or the inline `manifest`. */
  readonly manifest?: PluginManifest;
  readonly manifestRef?: SourceRef;
  /** True for an `id` entry naming a plugin shipped in runtime/plugins/. */
  readonly builtin: boolean;
  /** Absolute path of the plugin's entry module, when it has one on disk. */
  readonly moduleFile?: string;
}
