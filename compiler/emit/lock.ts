import type { StackIR } from '../ir/types.js';
import type { Artifact } from './artifact.js';
import { GENERATED_JSON_KEY, generatedJsonMarker } from './artifact.js';

export const LOCK_FILE = 'manifest.lock.json';
/** Bumped when the lock file's shape changes. */
export const LOCK_VERSION = 1;

export interface LockInputs {
  readonly inputHash: string;
  readonly packageVersion: string;
  /** Every input file (see the build's `InputFile.path`) with the SHA-256 of its bytes; sorted by path. */
  readonly files: readonly { readonly path: string; readonly sha256: string }[];
  /** Fingerprint of every other file of the output directory, by path: lets a no-op rebuild prove itself without emitting. */
  readonly outputs: Readonly<Record<string, string>>;
}

/**
 * `manifest.lock.json`: what this build resolved — plugins in boot order with their versions, sources and the
 * dependency versions found — what it was built from (input hash, per-file hashes, objectstack version) and what it
 * wrote (output hashes). It is also the writer's proof that the output directory is generated (`ownershipMarker`).
 */
export function emitLock(ir: StackIR, inputs: LockInputs): Artifact {
  const lock = {
    [GENERATED_JSON_KEY]: generatedJsonMarker(inputs.inputHash),
    lockVersion: LOCK_VERSION,
    objectstack: inputs.packageVersion,
    stack: { id: ir.manifest.id, version: ir.manifest.version },
    inputHash: inputs.inputHash,
    inputs: inputs.files,
    plugins: ir.plugins.map((plugin) => ({
      id: plugin.id,
      version: plugin.version,
      source: plugin.source.kind,
      dependencies: Object.fromEntries(plugin.dependencies.map((dependency) => [dependency.id, dependency.version])),
      providesServices: [...plugin.manifest.providesServices].sort(),
    })),
    services: Object.fromEntries(ir.services.map((binding) => [binding.service, binding.provider])),
    outputs: inputs.outputs,
  };
  return { path: LOCK_FILE, content: `${JSON.stringify(lock, null, 2)}\n` };
}
