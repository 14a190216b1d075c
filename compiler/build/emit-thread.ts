/**
 * The second thread of large builds (see `parallel-emit.ts`): for each request, checks the stack itself (at the same
 * time as the main thread, instead of waiting for a copy of its IR), runs its share of the emitters and stamps and
 * stages their files into the build's staging tree. Always answers, failure included, so the main thread, blocked on
 * the shared flag, wakes up. It lives as long as the process, so watch-mode rebuilds (and benchmarks) run warm code.
 */
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { EMITTERS } from '../emit/index.js';
import { checkStack } from '../index.js';
import { digestOf, inputPathsOf, sourceHashOf } from './input-hash.js';
import { stageArtifact, type StagedArtifact } from './staged-artifact.js';
import type { EmitFailure, EmitRequest, EmitResult, EmitThreadData } from './emit-protocol.js';

const { flag, results } = workerData as EmitThreadData;
const answered = new Int32Array(flag);

function run({ id, entry, env, plan, packageVersion, context, emitters }: EmitRequest): EmitResult {
  const staged: StagedArtifact[] = [];
  let stage: EmitFailure['stage'] = 'check';
  try {
    const checked = checkStack(entry, { env });
    if (checked.ir === undefined || checked.diagnostics.some((d) => d.severity === 'error')) {
      return { id, failure: { stage, message: 'the stack does not check on the second thread' } };
    }
    const inputs = { paths: inputPathsOf(checked.validated), stackDir: dirname(checked.validated.entryFile) };
    for (const emitter of EMITTERS.filter((candidate) => emitters.includes(candidate.name))) {
      stage = 'emit';
      const artifacts = emitter.emit(checked.ir, context);
      stage = 'write';
      for (const artifact of artifacts) staged.push(stageArtifact(plan, artifact, packageVersion));
    }
    stage = 'emit';
    return { id, staged, digest: digestOf(inputs, packageVersion), sourceHash: sourceHashOf(inputs.paths, inputs.stackDir, checked.source) };
  } catch (error) {
    const cause = error as NodeJS.ErrnoException;
    const failure: EmitFailure = {
      stage,
      message: cause.message,
      ...(cause.stack && { stack: cause.stack }),
      ...(cause.code && { code: cause.code }),
      ...(cause.path && { path: cause.path }),
    };
    return { id, failure };
  }
}

parentPort?.on('message', (request: EmitRequest) => {
  results.postMessage(run(request));
  Atomics.store(answered, 0, request.id);
  Atomics.notify(answered, 0);
});
