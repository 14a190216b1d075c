import type { MessagePort } from 'node:worker_threads';
import type { EmitContext } from '../emit/index.js';
import type { OutputPlan } from '../write/index.js';
import type { InputDigest } from './input-hash.js';
import type { StagedArtifact } from './staged-artifact.js';

/** What the emit thread starts with (its `workerData`); it serves one request after another. */
export interface EmitThreadData {
  /** One Int32: the id of the last request answered, set after the answer is posted. */
  readonly flag: SharedArrayBuffer;
  readonly results: MessagePort;
}

/**
 * Check the stack at `entry` (the same files the main thread checks at the same time), emit these emitters'
 * artifacts from it, and stamp and stage them into `plan`.
 */
export interface EmitRequest {
  readonly id: number;
  readonly entry: string;
  /** `${env:…}` values, exactly as the main thread's check sees them. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly plan: OutputPlan;
  readonly packageVersion: string;
  readonly context: EmitContext;
  readonly emitters: readonly string[];
}

/** An error raised on the emit thread, as data (errors do not cross threads with their errno fields). */
export interface EmitFailure {
  /**
   * `check`: this thread's check found errors the main thread's did not (a file changed in between); `write`:
   * staging a file failed (reported as OS5002); `emit`: an emitter threw (a bug).
   */
  readonly stage: 'check' | 'emit' | 'write';
  readonly message: string;
  readonly stack?: string;
  readonly code?: string;
  readonly path?: string;
}

/**
 * The emit thread's answer to request `id`: every file it staged, the input digest, and the hash of the sources its
 * check read (see `sourceHashOf`); or the failure that stopped it.
 */
export type EmitResult = { readonly id: number } & (
  | { readonly staged: readonly StagedArtifact[]; readonly digest: InputDigest; readonly sourceHash: string }
  | { readonly failure: EmitFailure }
);
