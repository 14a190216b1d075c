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
 */
export function writeOutput(outDir: string, artifacts: readonly Artifact[], options: WriteOptions = {}): WriteReport {
  const target = resolve(outDir);
  recoverInterruptedSwap(target);
  const byPath = indexArtifacts(artifacts);
  const existing = existingFiles(target, options.ownershipMarker, byPath);

  const added: string[] = [];
  const modified: string[] = [];
  const unchanged: string[] = [];
  for (const [path, artifact] of byPath) {
    if (!existing.has(path)) added.push(path);
    else if (sameBytes(join(target, path), artifact.content)) unchanged.push(path);
    else modified.push(path);
  }
  const removed = [...existing].filter((path) => !byPath.has(path));
  const report: WriteReport = { outDir: target, added, modified, removed: removed.sort(), unchanged };
  if (added.length === 0 && modified.length === 0 && removed.length === 0) return report;

  const staging = siblingPath(target, STAGING);
  try {
    stage(staging, target, byPath, new Set(unchanged), options.afterFileStaged);
    swapInto(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (error instanceof OutputWriteError) throw error;
    const cause = error as NodeJS.ErrnoException;
    throw new OutputWriteError('OS5002', `Could not write ${target}: ${cause.message}`, cause.path ?? target, {
      cause: error,
    });
  }
  return report;
}

function indexArtifacts(artifacts: readonly Artifact[]): Map<string, Artifact> {
  const byPath = new Map<string, Artifact>();
  for (const artifact of [...artifacts].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    assertArtifactPath(artifact.path);
    if (byPath.has(artifact.path)) throw new Error(`Two emitters produced ${artifact.path}`);
    byPath.set(artifact.path, artifact);
  }
  return byPath;
}

/**
 * The files already in `target`. Without the ownership marker the directory is refused unless every file in it is one
 * this write produces (e.g. the `snapshot.json` that `objectstack migrate create` writes before the first build):
 * then nothing foreign would be replaced or removed.
 */
function existingFiles(target: string, marker: string | undefined, produced: ReadonlyMap<string, Artifact>): Set<string> {
  if (!existsSync(target)) return new Set();
  if (!statSync(target).isDirectory()) {
    throw new OutputWriteError('OS5002', `The output path ${target} is a file, not a directory`, target);
  }
  const files = listFiles(target);
  if (marker !== undefined && !files.includes(marker) && files.some((file) => !produced.has(file))) {
    throw new OutputWriteError(
      'OS5001',
      `Refusing to replace ${target}: it holds ${files.length} file(s) but no ${marker} from an earlier build`,
      target,
    );
  }
  return new Set(files);
}

function sameBytes(file: string, content: string): boolean {
  // Comparing the bytes costs the same read a stored hash would and cannot be fooled by a hand-edited file.
  return readFileSync(file).equals(Buffer.from(content, 'utf8'));
}

function stage(
  staging: string,
  target: string,
  byPath: ReadonlyMap<string, Artifact>,
  unchanged: ReadonlySet<string>,
  afterFileStaged: WriteOptions['afterFileStaged'],
): void {
  mkdirSync(staging, { recursive: true });
  let count = 0;
  for (const [path, artifact] of byPath) {
    const destination = join(staging, path);
    mkdirSync(dirname(destination), { recursive: true });
    if (unchanged.has(path)) keepFile(join(target, path), destination);
    else writeFileSync(destination, artifact.content);
    afterFileStaged?.(path, ++count);
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
