/**
 * The second thread of large builds (see `parallel-emit.ts`): for each request, runs its share of the emitters on a
 * copy of the IR and stamps and stages their files into the build's staging tree. Always answers, failure included,
 * so the main thread, blocked on the shared flag, wakes up. It lives as long as the process, so watch-mode rebuilds
 * (and benchmarks) run on warm code.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EMITTERS } from '../emit/index.js';
import { fromTransferable } from '../ir/index.js';
import { digestOf } from './input-hash.js';
import { stageArtifact, type StagedArtifact } from './staged-artifact.js';
import { type EmitFailure, type EmitRequest, type EmitResult, type EmitThreadData } from './emit-protocol.js';

const { flag, results } = workerData as EmitThreadData;
const answered = new Int32Array(flag);

function run({ id, plan, packageVersion, ir, context, emitters, inputs }: EmitRequest): EmitResult {
  const staged: StagedArtifact[] = [];
  const stack = fromTransferable(ir);
  let stage: EmitFailure['stage'] = 'emit';
  try {
    for (const emitter of EMITTERS.filter((candidate) => emitters.includes(candidate.name))) {
      stage = 'emit';
      const artifacts = emitter.emit(stack, context);
      stage = 'write';
      for (const artifact of artifacts) staged.push(stageArtifact(plan, artifact, packageVersion));
    }
    stage = 'emit';
    return { id, staged, digest: digestOf(inputs, packageVersion) };
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
