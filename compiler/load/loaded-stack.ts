import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../diagnostics/span.js';
import type { PositionIndex } from './position-index.js';

/** One YAML file as loaded: its text (for code frames and lazy positions) and its data (plain JSON values). */
export interface LoadedDocument {
  /** Absolute path. */
  readonly file: string;
  readonly data: unknown;
  /** False when the YAML could not be read as intended (syntax error, duplicate key, tab); its data is not validated. */
  readonly wellFormed: boolean;
}

/** A plugin entry of the stack file with what the loader found on disk for it. */
export interface LoadedPlugin {
  /** Index in the stack file's `plugins` list. */
  readonly index: number;
  readonly builtin: boolean;
  /** A manifest read from a plugin.yml (built-in or local folder); inline manifests stay in the stack file. */
  readonly manifestDoc?: LoadedDocument;
  /** Absolute path of the entry module, when one is declared or found. */
  readonly moduleFile?: string;
}

export interface LoadedStack {
  /** Absolute path of objectstack.yaml. */
  readonly entryFile: string;
  readonly root: LoadedDocument;
  /** Files brought in by `include`, sorted by path. */
  readonly objectFiles: readonly LoadedDocument[];
  readonly plugins: readonly LoadedPlugin[];
  /** Problems found while loading (YAML, includes, plugin files, environment references). */
  readonly diagnostics: readonly PendingDiagnostic[];
  /** Source texts and lazily computed positions for every file read. */
  readonly positions: PositionIndex;
  /** Whether the value at `ref` was written as an ${env:…} reference (values are substituted before validation). */
  readonly fromEnvironment: (ref: SourceRef) => boolean;
}
