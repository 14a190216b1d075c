import type { MessagePort } from 'node:worker_threads';
import type { EmitContext } from '../emit/index.js';
import type { TransferableIR } from '../ir/index.js';
import type { OutputPlan } from '../write/index.js';
import type { InputDigest } from './input-hash.js';
import type { StagedArtifact } from './staged-artifact.js';

/** What the emit thread starts with (its `workerData`); it serves one request after another. */
export interface EmitThreadData {
  /** One Int32: the id of the last request answered, set after the answer is posted. */
  readonly flag: SharedArrayBuffer;
  readonly results: MessagePort;
}

/** Emit these emitters' artifacts from this IR, and stamp and stage them into `plan`. */
export interface EmitRequest {
  readonly id: number;
  readonly plan: OutputPlan;
  readonly packageVersion: string;
  readonly ir: TransferableIR;
  readonly context: EmitContext;
  readonly emitters: readonly string[];
  /** The build's input files, digested on this thread too (see `BuildInputs`). */
  readonly inputs: BuildInputs;
}

/** What the input hash is taken over (see `digestInputs`). */
export interface BuildInputs {
  readonly paths: readonly string[];
  readonly stackDir: string;
}

/** An error raised on the emit thread, as data (errors do not cross threads with their errno fields). */
export interface EmitFailure {
  /** `write`: staging a file failed (reported as OS5002); `emit`: an emitter threw (a bug). */
  readonly stage: 'emit' | 'write';
  readonly message: string;
  readonly stack?: string;
  readonly code?: string;
  readonly path?: string;
}

/** The emit thread's answer to request `id`: every file it staged, or the failure that stopped it. */
export type EmitResult = { readonly id: number } & (
  | { readonly staged: readonly StagedArtifact[]; readonly digest: InputDigest }
  | { readonly failure: EmitFailure }
);
