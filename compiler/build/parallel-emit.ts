import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { EMITTERS, type EmitContext, type Emitter } from '../emit/index.js';
import { toTransferable, type StackIR } from '../ir/index.js';
import { asWriteError, type OutputPlan } from '../write/index.js';
import type { BuildInputs, EmitFailure, EmitRequest, EmitResult, EmitThreadData } from './emit-protocol.js';
import { digestOf, type InputDigest } from './input-hash.js';
import { stageArtifact, type StagedArtifact } from './staged-artifact.js';

/** How a build emits: on two threads for large stacks (`auto`), or forced either way. */
export type EmitMode = 'auto' | 'threads' | 'inline';

/** `auto` uses the second thread from this many objects on; below, starting it costs more than it saves. */
export const THREADED_EMIT_MIN_OBJECTS = 100;

/**
 * The emitters the second thread runs. The split balances the measured cost of emitting, stamping and writing each
 * artifact at 1,000 objects (the main thread also pays for copying the IR to the thread): types + GraphQL on one
 * side, OpenAPI + snapshot + bootstrap + editor schema on the other.
 */
const SECOND_THREAD_EMITTERS: ReadonlySet<string> = new Set(['types', 'graphql']);

/** A wait this long for the second thread means it died (it never exits without answering otherwise). */
const THREAD_TIMEOUT_MS = 120_000;

export interface ParallelEmitOptions {
  readonly mode: EmitMode;
  /**
   * The input files, digested on the second thread when there is one (off this thread's path). Emitters only write
   * the input hash into headers, which stamping overwrites with each file's fingerprint, so they never need it.
   */
  readonly inputs: BuildInputs;
  readonly onEmitter?: (name: string) => void;
  /** Test seam (see `BuildOptions.afterFileStaged`); forces the single-thread path, where it can run. */
  readonly afterStaged?: (path: string, count: number) => void;
}

/**
 * Emits every artifact and stamps and stages it into the write `plan`: a large stack's emitters are split over two
 * threads (each has its own heap, so garbage collection is split too); small stacks stay on this thread. Returns
 * what was staged, in emitter order. A failure to stage throws `OutputWriteError` (OS5002); an emitter's error is a
 * bug and propagates as it is.
 */
export function emitAndStage(
  ir: StackIR,
  context: EmitContext,
  plan: OutputPlan,
  packageVersion: string,
  options: ParallelEmitOptions,
): { readonly staged: readonly StagedArtifact[]; readonly digest: InputDigest } {
  const entry = threadEntry();
  const threaded =
    entry !== null &&
    options.afterStaged === undefined &&
    (options.mode === 'threads' || (options.mode === 'auto' && ir.objects.length >= THREADED_EMIT_MIN_OBJECTS));
  if (!threaded) {
    const staged = emitInline(EMITTERS, ir, context, plan, packageVersion, options);
    return { staged, digest: digestOf(options.inputs, packageVersion) };
  }

  const thread = (sharedThread ??= new EmitThread(entry));
  const pending = thread.request({ plan, packageVersion, ir: toTransferable(ir), context, emitters: [...SECOND_THREAD_EMITTERS], inputs: options.inputs });
  let mine: StagedArtifact[];
  try {
    mine = emitInline(EMITTERS.filter((emitter) => !SECOND_THREAD_EMITTERS.has(emitter.name)), ir, context, plan, packageVersion, options);
  } catch (error) {
    // The caller discards the staging tree: the other thread must be done writing into it first.
    thread.settle(pending);
    throw error;
  }
  const theirs = thread.answer(pending, plan.target);
  return { staged: [...mine, ...theirs.staged], digest: theirs.digest };
}

function emitInline(
  emitters: readonly Emitter[],
  ir: StackIR,
  context: EmitContext,
  plan: OutputPlan,
  packageVersion: string,
  options: ParallelEmitOptions,
): StagedArtifact[] {
  const staged: StagedArtifact[] = [];
  let written = 0;
  for (const emitter of emitters) {
    options.onEmitter?.(emitter.name);
    for (const artifact of emitter.emit(ir, context)) {
      try {
        const result = stageArtifact(plan, artifact, packageVersion);
        staged.push(result);
        if (result.status !== 'unchanged') options.afterStaged?.(artifact.path, ++written);
      } catch (error) {
        throw asWriteError(error, plan.target);
      }
    }
  }
  return staged;
}

/**
 * The compiled thread module beside this one. Running from the TypeScript sources (the test runner) there is none,
 * and everything stays on one thread; the CLI tests cover the threaded path through the built package.
 */
function threadEntry(): URL | null {
  const url = new URL('./emit-thread.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
}

let sharedThread: EmitThread | undefined;

/**
 * The second thread, started on the first large build and kept (unreferenced, so it never holds the process open):
 * later builds in the same process (watch mode, benchmarks) find its code already compiled.
 */
class EmitThread {
  private readonly worker: Worker;
  private readonly answered = new Int32Array(new SharedArrayBuffer(4));
  private readonly results: MessagePort;
  private lastId = 0;

  constructor(entry: URL) {
    const channel = new MessageChannel();
    const data: EmitThreadData = { flag: this.answered.buffer as SharedArrayBuffer, results: channel.port2 };
    this.worker = new Worker(entry, { workerData: data, transferList: [channel.port2] });
    this.worker.unref();
    this.results = channel.port1;
    this.results.unref();
    this.worker.once('exit', () => {
      if (sharedThread === this) sharedThread = undefined;
    });
  }

  request(request: Omit<EmitRequest, 'id'>): number {
    const id = ++this.lastId;
    this.worker.postMessage({ ...request, id } satisfies EmitRequest);
    return id;
  }

  /** Blocks until request `id` is answered and returns what it staged and digested; a failure there is thrown here. */
  answer(id: number, target: string): { readonly staged: readonly StagedArtifact[]; readonly digest: InputDigest } {
    const result = this.settle(id);
    if (result === undefined) {
      this.retire();
      throw new Error(`the build's second thread did not answer within ${THREAD_TIMEOUT_MS / 1000} s`);
    }
    if ('failure' in result) throw threadError(result.failure, target);
    return result;
  }

  /** Waits for request `id`'s answer (the build is synchronous: it blocks on the shared flag, not the event loop). */
  settle(id: number): EmitResult | undefined {
    const deadline = Date.now() + THREAD_TIMEOUT_MS;
    for (;;) {
      const seen = Atomics.load(this.answered, 0);
      if (seen >= id) break;
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(this.answered, 0, seen, left) === 'timed-out') return undefined;
    }
    for (let message = receiveMessageOnPort(this.results); message !== undefined; message = receiveMessageOnPort(this.results)) {
      const result = message.message as EmitResult;
      if (result.id === id) return result;
    }
    return undefined;
  }

  private retire(): void {
    if (sharedThread === this) sharedThread = undefined;
    void this.worker.terminate();
  }
}

function threadError(failure: EmitFailure, target: string): Error {
  const { stack, stage, ...fields } = failure;
  const error = Object.assign(new Error(failure.message), fields);
  if (stack !== undefined) error.stack = stack;
  return stage === 'write' ? asWriteError(error, target) : error;
}
