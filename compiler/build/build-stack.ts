import { dirname, resolve } from 'node:path';
import { checkStack } from '../index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fileSpan } from '../diagnostics/span.js';
import { LOCK_FILE, emitAll } from '../emit/index.js';
import { OutputWriteError, writeOutput, type WriteReport } from '../write/index.js';
import { environmentReferences } from './environment-references.js';
import { digestInputs, inputFilesOf } from './input-hash.js';
import { packageVersion } from './package-version.js';
import { SILENT_PROGRESS, type Progress } from './progress.js';
import { stampArtifacts } from './stamp.js';

export const DEFAULT_OUT_DIR = 'generated';

export interface BuildOptions {
  /** Output directory; relative paths are resolved from the stack file's folder. Default `generated`. */
  readonly outDir?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly progress?: Progress;
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
}

/**
 * `objectstack build` as a library call: check the stack (load → validate → resolve), stop before writing anything
 * when there is an error, otherwise emit every artifact and hand them to the atomic, incremental writer.
 */
export function buildStack(entryPath: string, options: BuildOptions = {}): BuildResult {
  const progress = options.progress ?? SILENT_PROGRESS;
  try {
    return buildWith(resolve(entryPath), options, progress);
  } finally {
    progress.done();
  }
}

function buildWith(entry: string, options: BuildOptions, progress: Progress): BuildResult {
  const started = performance.now();
  progress.step('checking the stack');
  const checked = checkStack(entry, options.env ? { env: options.env } : {});
  const stackFile = checked.validated.entryFile;
  const outDir = resolve(dirname(stackFile), options.outDir ?? DEFAULT_OUT_DIR);
  const inputFiles = inputFilesOf(checked.validated);
  const base = { diagnostics: checked.diagnostics, source: checked.source, outDir, inputFiles };
  const took = (): number => performance.now() - started;
  const ir = checked.ir;
  if (ir === undefined || checked.diagnostics.some((d) => d.severity === 'error')) return { ...base, durationMs: took() };

  const version = packageVersion();
  const digest = digestInputs(inputFiles, stackFile, version);
  const context = {
    inputHash: digest.inputHash,
    outDir,
    lock: { ...digest, packageVersion: version },
    environment: environmentReferences(stackFile),
  };
  const artifacts = emitAll(ir, context, (name) => progress.step(`emitting ${name}`));
  const stamped = stampArtifacts(artifacts, digest.inputHash, version, new Set([LOCK_FILE]));
  progress.step('writing');
  try {
    const report = writeOutput(outDir, stamped, {
      ownershipMarker: LOCK_FILE,
      ...(options.afterFileStaged && { afterFileStaged: options.afterFileStaged }),
    });
    return { ...base, report, inputHash: digest.inputHash, durationMs: took() };
  } catch (error) {
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

