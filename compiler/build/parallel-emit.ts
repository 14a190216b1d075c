import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { EMITTERS, type EmitContext, type Emitter } from '../emit/index.js';
import type { StackIR } from '../ir/index.js';
import { asWriteError, discardStaging, type OutputPlan } from '../write/index.js';
import type { EmitFailure, EmitRequest, EmitResult, EmitThreadData } from './emit-protocol.js';
import { digestOf, type BuildInputs, type InputDigest } from './input-hash.js';
import { stageArtifact, type StagedArtifact } from './staged-artifact.js';

/** How a build emits: on two threads for large stacks (`auto`), or forced either way. */
export type EmitMode = 'auto' | 'threads' | 'inline';

/** `auto` uses the second thread from this many objects on; below, starting it costs more than it saves. */
const THREADED_EMIT_MIN_OBJECTS = 100;

/**
 * The emitters the second thread runs. The split balances the measured cost of emitting, stamping and writing each
 * artifact at 1,000 objects: types + GraphQL on one side, OpenAPI + snapshot + bootstrap + editor schema on the
 * other.
 */
const SECOND_THREAD_EMITTERS: ReadonlySet<string> = new Set(['types', 'graphql']);

/** A wait this long for the second thread means it died (it never exits without answering otherwise). */
const THREAD_TIMEOUT_MS = 120_000;

/** The second thread's share of one build, under way. */
export interface PendingEmit {
  /** Waits until the second thread is done (its files staged or not): before a build discards its staging tree. */
  settle(): void;
}

/**
 * Starts the second thread on a large stack, as soon as the stack is loaded: it checks the stack itself at the same
 * time as this thread (no copy of the IR to wait for), then emits types and GraphQL. Null when the build stays on
 * one thread (small stack, `inline`, a test seam, or no compiled thread module).
 */
export function startSecondThread(
  request: Omit<EmitRequest, 'id' | 'emitters'>,
  options: { readonly mode: EmitMode; readonly objectCount: number; readonly seam: boolean },
): PendingEmit | null {
  const entry = threadEntry();
  const wanted = options.mode === 'threads' || (options.mode === 'auto' && options.objectCount >= THREADED_EMIT_MIN_OBJECTS);
  if (entry === null || options.seam || !wanted) return null;
  const thread = (sharedThread ??= new EmitThread(entry));
  const id = thread.request({ ...request, emitters: [...SECOND_THREAD_EMITTERS] });
  return new ThreadShare(thread, id);
}

class ThreadShare implements PendingEmit {
  #result: EmitResult | undefined | null = null;
  constructor(
    readonly thread: EmitThread,
    readonly id: number,
  ) {}

  settle(): void {
    if (this.#result === null) this.#result = this.thread.settle(this.id);
  }

  result(): EmitResult | undefined {
    this.settle();
    return this.#result ?? undefined;
  }
}

export interface ParallelEmitOptions {
  /** What `startSecondThread` started for this build, or null. */
  readonly pending: PendingEmit | null;
  /** The input files, for the input digest (taken on the second thread when there is one). */
  readonly inputs: BuildInputs;
  /** What this thread's check read (see `sourceHashOf`; asked only when there is a second thread to compare). */
  readonly sourceHash: () => string;
  readonly onEmitter?: (name: string) => void;
  /** Test seam (see `BuildOptions.afterFileStaged`); only on one thread, where it can run. */
  readonly afterStaged?: (path: string, count: number) => void;
}

/**
 * Emits every artifact and stamps and stages it into the write `plan`: with a second thread under way, this thread
 * emits its own share and takes the second thread's files; when the two checks did not read the same sources (a file
 * changed in between), everything staged is dropped and emitted again here, so the output always comes from one
 * reading. Returns what was staged and the input digest. A failure to stage throws `OutputWriteError` (OS5002); an
 * emitter's error is a bug and propagates as it is.
 */
export function emitAndStage(
  ir: StackIR,
  context: EmitContext,
  plan: OutputPlan,
  packageVersion: string,
  options: ParallelEmitOptions,
): { readonly staged: readonly StagedArtifact[]; readonly digest: InputDigest } {
  const share = options.pending instanceof ThreadShare ? options.pending : null;
  const alone = (): { staged: StagedArtifact[]; digest: InputDigest } => ({
    staged: emitInline(EMITTERS, ir, context, plan, packageVersion, options),
    digest: digestOf(options.inputs, packageVersion),
  });
  if (share === null) return alone();
  let mine: StagedArtifact[];
  try {
    mine = emitInline(EMITTERS.filter((emitter) => !SECOND_THREAD_EMITTERS.has(emitter.name)), ir, context, plan, packageVersion, options);
  } catch (error) {
    // The caller discards the staging tree: the other thread must be done writing into it first.
    share.settle();
    throw error;
  }
  const result = share.result();
  if (result === undefined) {
    share.thread.retire();
    throw new Error(`the build's second thread did not answer within ${THREAD_TIMEOUT_MS / 1000} s`);
  }
  if ('failure' in result && result.failure.stage !== 'check') throw threadError(result.failure, plan.target);
  if ('failure' in result || result.sourceHash !== options.sourceHash()) {
    discardStaging(plan);
    return alone();
  }
  return { staged: [...mine, ...result.staged], digest: result.digest };
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

  retire(): void {
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
