import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkLoaded, loadStack, type LoadedStack } from '../index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fileSpan } from '../diagnostics/span.js';
import { LOCK_FILE, emitLock } from '../emit/index.js';
import { STACK_FILE_NAMES } from '../load/load-stack.js';
import { OutputWriteError, asWriteError, commitOutput, discardStaging, listFiles, planOutput, stageFile, type OutputPlan, type WriteReport } from '../write/index.js';
import { environmentReferences } from './environment-references.js';
import { inputFile, inputPathsOf, sourceHashOf } from './input-hash.js';
import { packageVersion } from './package-version.js';
import { SILENT_PROGRESS, type Progress } from './progress.js';
import { emitAndStage, startSecondThread, type EmitMode } from './parallel-emit.js';
import { upToDateInputs } from './up-to-date.js';

export const DEFAULT_OUT_DIR = 'generated';

/** The header hash emitters are given; stamping replaces it. */
const UNSTAMPED = '0'.repeat(64);

export interface BuildOptions {
  /** Output directory; relative paths are resolved from the stack file's folder. Default `generated`. */
  readonly outDir?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly progress?: Progress;
  /**
   * Skip the lock's no-op proof and emit everything (the writer still leaves unchanged files alone). The proof trusts
   * the objectstack version to stand for the compiler; while developing objectstack itself the compiler changes
   * under one version, so `npm run generate` forces.
   */
  readonly force?: boolean;
  /** Emitting on two threads for large stacks (`auto`, the default), or forced either way. */
  readonly emitMode?: EmitMode;
  /** Test seam, passed to the writer: throwing from it aborts the write with the previous output intact. */
  readonly afterFileStaged?: (path: string, stagedCount: number) => void;
}

export interface BuildResult {
  /** Every problem found; with an error among them nothing was written. */
  readonly diagnostics: readonly Diagnostic[];
  /** Source texts, for code frames. */
  readonly source: (file: string) => string | undefined;
  readonly outDir: string;
  /** What the writer did; absent when the build stopped before writing. */
  readonly report?: WriteReport;
  readonly inputHash?: string;
  /** Absolute paths of the project files the build read (what `--watch` watches besides the stack folder). */
  readonly inputFiles: readonly string[];
  readonly durationMs: number;
  /** True when the lock proved the output current and nothing was checked or emitted (see `upToDateInputs`). */
  readonly fastPath: boolean;
}

/**
 * `objectstack build` as a library call: check the stack (load → validate → resolve), stop before writing anything
 * when there is an error, otherwise emit every artifact and hand them to the atomic, incremental writer.
 */
export function buildStack(entryPath: string, options: BuildOptions = {}): BuildResult {
  const progress = options.progress ?? SILENT_PROGRESS;
  try {
    return buildWith(entryPath, options, progress);
  } finally {
    progress.done();
  }
}

function buildWith(entryPath: string, options: BuildOptions, progress: Progress): BuildResult {
  const started = performance.now();
  const took = (): number => performance.now() - started;
  const version = packageVersion();
  const entry = stackFileOf(entryPath);
  const outDir = resolve(dirname(entry), options.outDir ?? DEFAULT_OUT_DIR);
  const current = options.force ? null : upToDateInputs(entry, outDir, version);
  if (current !== null) {
    const report = { outDir, added: [], modified: [], removed: [], unchanged: listFiles(outDir) };
    return { diagnostics: [], source: () => undefined, outDir, inputFiles: current, report, durationMs: took(), fastPath: true };
  }

  progress.step('checking the stack');
  const loaded = loadStack(entry, options.env ? { env: options.env } : {});
  const stackFile = loaded.entryFile;
  // Stamping puts each file's own fingerprint where emitters write the input hash (see `stampArtifact`).
  const context = { inputHash: UNSTAMPED, outDir, environment: environmentReferences(stackFile) };
  const early = earlyPlan(outDir);
  const pending =
    early === undefined
      ? null
      : startSecondThread(
          // The environment goes along explicitly: a kept thread's own process.env is a copy from when it started.
          { entry: stackFile, env: options.env ?? { ...process.env }, plan: early, packageVersion: version, context },
          { mode: options.emitMode ?? 'auto', objectCount: objectCountOf(loaded), seam: options.afterFileStaged !== undefined },
        );
  const checked = checkLoaded(loaded);
  const stackDir = dirname(stackFile);
  const inputPaths = inputPathsOf(checked.validated);
  const inputFiles = inputPaths.map((path) => inputFile(path, stackDir));
  const base = { diagnostics: checked.diagnostics, source: checked.source, outDir, inputFiles, fastPath: false };
  const ir = checked.ir;
  if (ir === undefined || checked.diagnostics.some((d) => d.severity === 'error')) {
    pending?.settle();
    if (early !== undefined) discardStaging(early);
    return { ...base, durationMs: took() };
  }

  let plan: OutputPlan | undefined = early;
  try {
    plan ??= planOutput(outDir);
    const { staged, digest } = emitAndStage(ir, context, plan, version, {
      pending,
      inputs: { paths: inputPaths, stackDir },
      sourceHash: () => sourceHashOf(inputPaths, stackDir, checked.source),
      onEmitter: (name) => progress.step(`emitting ${name}`),
      ...(options.afterFileStaged && { afterStaged: options.afterFileStaged }),
    });
    progress.step('writing');
    const statuses = new Map(staged.map((file) => [file.path, file.status] as const));
    const outputs = Object.fromEntries(staged.map((file) => [file.path, file.fingerprint] as const).sort(byFirst));
    const lock = emitLock(ir, { inputHash: digest.inputHash, files: digest.files, packageVersion: version, outputs });
    try {
      statuses.set(lock.path, stageFile(plan, lock.path, lock.content));
    } catch (error) {
      throw asWriteError(error, plan.target);
    }
    const report = commitOutput(plan, statuses, {
      ownershipMarker: LOCK_FILE,
      ...(options.afterFileStaged && { afterFileStaged: options.afterFileStaged }),
    });
    return { ...base, report, inputHash: digest.inputHash, durationMs: took() };
  } catch (error) {
    if (plan !== undefined) discardStaging(plan);
    if (!(error instanceof OutputWriteError)) throw error;
    const diagnostic: Diagnostic = {
      code: error.code,
      severity: 'error',
      message: error.message,
      span: fileSpan(error.path),
      hint: error.code === 'OS5001' ? 'choose another --out directory, or empty this one' : 'the previous output was left intact',
    };
    return { ...base, diagnostics: [...base.diagnostics, diagnostic], durationMs: took() };
  }
}

/** The write planned before the check, so the second thread can stage into it; a failure is reported after the check. */
function earlyPlan(outDir: string): OutputPlan | undefined {
  try {
    return planOutput(outDir);
  } catch {
    return undefined;
  }
}

/** How many objects a loaded stack declares, roughly (before validation): its object files and inline objects. */
function objectCountOf(loaded: LoadedStack): number {
  const inline = (loaded.root.data as { objects?: unknown } | null)?.objects;
  const declared = Array.isArray(inline) ? inline.length : typeof inline === 'object' && inline !== null ? Object.keys(inline).length : 0;
  return loaded.objectFiles.length + declared;
}

/** The stack file a path names: the file itself, or a folder's objectstack.yaml (or .yml). */
function stackFileOf(entryPath: string): string {
  const path = resolve(entryPath);
  if (!existsSync(path) || !statSync(path).isDirectory()) return path;
  return STACK_FILE_NAMES.map((name) => join(path, name)).find((file) => existsSync(file)) ?? join(path, 'objectstack.yaml');
}

function byFirst(a: readonly [string, string], b: readonly [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
