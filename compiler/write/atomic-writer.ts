import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Artifact } from '../emit/artifact.js';
import { assertArtifactPath } from './artifact-path.js';
import { listFiles } from './list-files.js';
import { OutputWriteError } from './output-error.js';
import type { WriteReport } from './write-report.js';

export interface WriteOptions {
  /**
   * A file an earlier write left in the directory (the build uses `manifest.lock.json`). A non-empty output
   * directory without it is refused (OS5001): the writer removes files it does not produce, so it must never
   * replace a directory someone else owns.
   */
  readonly ownershipMarker?: string;
  /** Test seam: runs after each file is staged; throwing aborts the write with the previous output intact. */
  readonly afterFileStaged?: (path: string, stagedCount: number) => void;
}

const STAGING = 'staging';
const RETIRED = 'retired';

/** How one artifact compares with the file already in the output directory. */
export type FileStatus = 'added' | 'modified' | 'unchanged';

/**
 * A write in progress, as plain data so another thread can stage files into it too: where the output goes, the
 * sibling directory that stages the new tree, and the files the output directory held when the write began.
 */
export interface OutputPlan {
  readonly target: string;
  readonly staging: string;
  readonly existing: ReadonlySet<string>;
}

/**
 * Writes `artifacts` as the complete content of `outDir`, atomically and incrementally:
 * - each artifact is compared with the file on disk (bytes); when nothing differs and no file is stale, nothing is
 *   written at all;
 * - otherwise the new tree is staged in a sibling directory (`.<name>.staging-…`): changed files are written, unchanged
 *   ones hard-linked (so they keep their inode and mtime), and the staged tree replaces `outDir` by two renames. Files
 *   no longer produced disappear with the old tree.
 * A failure before the swap leaves `outDir` exactly as it was; the only window is between the two renames, and the
 * next write recovers from it (the retired directory is renamed back). Nothing outside `outDir` and its two sibling
 * work directories is touched.
 *
 * The same write in steps, for a caller that produces files over time or on several threads: `planOutput`, then
 * `stageFile` per file (from any thread holding the plan), then `commitOutput` with every file's status.
 */
export function writeOutput(outDir: string, artifacts: readonly Artifact[], options: WriteOptions = {}): WriteReport {
  const sorted = sortedByPath(artifacts);
  sorted.forEach((artifact, i) => {
    assertArtifactPath(artifact.path);
    if (artifact.path === sorted[i - 1]?.path) throw new Error(`Two emitters produced ${artifact.path}`);
  });
  const plan = planOutput(outDir);
  const statuses = new Map<string, FileStatus>();
  let staged = 0;
  try {
    for (const artifact of sorted) {
      const status = stageFile(plan, artifact.path, artifact.content);
      statuses.set(artifact.path, status);
      if (status !== 'unchanged') options.afterFileStaged?.(artifact.path, ++staged);
    }
  } catch (error) {
    throw failedWrite(plan, error);
  }
  return commitOutput(plan, statuses, options);
}

/** Starts a write: puts back a tree an interrupted swap left retired, and lists what the output holds now. */
export function planOutput(outDir: string): OutputPlan {
  const target = resolve(outDir);
  recoverInterruptedSwap(target);
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new OutputWriteError('OS5002', `The output path ${target} is a file, not a directory`, target);
  }
  return { target, staging: siblingPath(target, STAGING), existing: new Set(listFiles(target)) };
}

/**
 * Compares one file with the output directory's copy and, when it differs or is new, writes it into the staging
 * tree. Unchanged files are not touched here: `commitOutput` links them in only if the write goes ahead.
 */
export function stageFile(plan: OutputPlan, path: string, content: string | Buffer): FileStatus {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const existed = plan.existing.has(path);
  // Comparing the bytes costs the same read a stored hash would and cannot be fooled by a hand-edited file.
  if (existed && readFileSync(join(plan.target, path)).equals(bytes)) return 'unchanged';
  const destination = join(plan.staging, path);
  mkdirSync(dirname(destination), { recursive: true });
  writeFileSync(destination, bytes);
  return existed ? 'modified' : 'added';
}

/**
 * Ends a write whose files are all staged (`statuses` holds every produced path): refuses a directory someone else
 * owns, and unless nothing changed, links the unchanged files into the staged tree and swaps it in. Any failure
 * removes the staging tree and leaves the output as it was.
 */
export function commitOutput(plan: OutputPlan, statuses: ReadonlyMap<string, FileStatus>, options: WriteOptions = {}): WriteReport {
  try {
    assertOwned(plan, options.ownershipMarker, statuses);
    const byStatus = (wanted: FileStatus): string[] => [...statuses].filter(([, status]) => status === wanted).map(([path]) => path).sort();
    const removed = [...plan.existing].filter((path) => !statuses.has(path)).sort();
    const report: WriteReport = { outDir: plan.target, added: byStatus('added'), modified: byStatus('modified'), removed, unchanged: byStatus('unchanged') };
    if (report.added.length === 0 && report.modified.length === 0 && removed.length === 0) {
      discardStaging(plan);
      return report;
    }
    let count = report.added.length + report.modified.length;
    for (const path of report.unchanged) {
      const destination = join(plan.staging, path);
      mkdirSync(dirname(destination), { recursive: true });
      keepFile(join(plan.target, path), destination);
      options.afterFileStaged?.(path, ++count);
    }
    swapInto(plan.staging, plan.target);
    return report;
  } catch (error) {
    throw failedWrite(plan, error);
  }
}

/** Drops whatever a write staged (a write abandoned before its commit). */
export function discardStaging(plan: OutputPlan): void {
  rmSync(plan.staging, { recursive: true, force: true });
}

function failedWrite(plan: OutputPlan, error: unknown): OutputWriteError {
  discardStaging(plan);
  return asWriteError(error, plan.target);
}

/** Any failure while writing `target`, as the coded error the build reports (OS5002 unless it already has a code). */
export function asWriteError(error: unknown, target: string): OutputWriteError {
  if (error instanceof OutputWriteError) return error;
  const cause = error as Partial<NodeJS.ErrnoException>;
  return new OutputWriteError('OS5002', `Could not write ${target}: ${cause.message ?? String(error)}`, cause.path ?? target, { cause: error });
}

function sortedByPath(artifacts: readonly Artifact[]): Artifact[] {
  return [...artifacts].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Without the ownership marker the directory is refused unless every file in it is one this write produces (e.g.
 * the `snapshot.json` that `objectstack migrate create` writes before the first build): then nothing foreign would be
 * replaced or removed.
 */
function assertOwned(plan: OutputPlan, marker: string | undefined, produced: ReadonlyMap<string, FileStatus>): void {
  const files = [...plan.existing];
  if (marker !== undefined && !plan.existing.has(marker) && files.some((file) => !produced.has(file))) {
    throw new OutputWriteError(
      'OS5001',
      `Refusing to replace ${plan.target}: it holds ${files.length} file(s) but no ${marker} from an earlier build`,
      plan.target,
    );
  }
}

/** Hard-links an unchanged file into the staged tree; copies (keeping the mtime) where links are not possible. */
function keepFile(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

function swapInto(staging: string, target: string): void {
  if (!existsSync(target)) {
    mkdirSync(dirname(target), { recursive: true });
    renameSync(staging, target);
    return;
  }
  const retired = siblingPath(target, RETIRED);
  renameSync(target, retired);
  try {
    renameSync(staging, target);
  } catch (error) {
    renameSync(retired, target);
    throw error;
  }
  rmSync(retired, { recursive: true, force: true });
}

/** `.<name>.<role>-<pid>-<random>` beside the output directory: same file system, so renames are atomic. */
function siblingPath(target: string, role: string): string {
  return join(dirname(target), `.${basename(target)}.${role}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** A write killed between its two renames leaves only the retired tree: put it back before anything else. */
function recoverInterruptedSwap(target: string): void {
  if (existsSync(target)) return;
  const prefix = `.${basename(target)}.${RETIRED}-`;
  let siblings: string[];
  try {
    siblings = readdirSync(dirname(target));
  } catch {
    return;
  }
  const retired = siblings
    .filter((name) => name.startsWith(prefix))
    .map((name) => join(dirname(target), name))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
  const latest = retired.at(-1);
  if (latest !== undefined) renameSync(latest, target);
}
