import type { StackIR } from '../ir/types.js';
import type { Artifact } from './artifact.js';
import { emitBootstrap, emitObjectsFile } from './bootstrap/index.js';
import { emitEditorSchema } from './editor-schema.js';
import { emitGraphql } from './graphql/index.js';
import { emitOpenApi } from './openapi/index.js';
import { emitSnapshot } from './snapshot.js';
import { emitTypes } from './types/index.js';

export type { Artifact } from './artifact.js';
export { LOCK_FILE, emitLock, type LockInputs } from './lock.js';

export interface EmitContext {
  readonly inputHash: string;
  /** Absolute output directory (the bootstrap imports local plugin modules relative to it). */
  readonly outDir: string;
  /** `${env:…}` values of the stack file by YAML path (see `BootstrapContext.environment`). */
  readonly environment?: ReadonlyMap<string, string>;
}

/** One emitter per artifact family; each is a pure function of the IR and the build context. */
export interface Emitter {
  readonly name: string;
  emit(ir: StackIR, context: EmitContext): readonly Artifact[];
}

/**
 * Every artifact of `objectstack build` but the lock, in the order a thread produces its share (the writer sorts by
 * path). The lock (`emitLock`) comes last: it records the hashes of the others.
 */
export const EMITTERS: readonly Emitter[] = [
  { name: 'openapi', emit: (ir, context) => emitOpenApi(ir, context.inputHash) },
  { name: 'types', emit: (ir, context) => emitTypes(ir, context.inputHash) },
  { name: 'graphql', emit: (ir, context) => emitGraphql(ir, context.inputHash) },
  { name: 'snapshot', emit: (ir) => [emitSnapshot(ir)] },
  { name: 'bootstrap', emit: (ir, context) => [emitBootstrap(ir, context), emitObjectsFile(ir, context.inputHash)] },
  { name: 'editor schema', emit: (_ir, context) => [emitEditorSchema(context.inputHash)] },
];
