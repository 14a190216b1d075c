import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import jsYaml from 'js-yaml';
import { LOCK_FILE } from '../emit/lock.js';
import { expandGlob } from '../load/glob.js';
import { listFiles } from '../write/index.js';
import { digestInputs, inputFile, inputPath } from './input-hash.js';
import { readIntoScratch } from './scratch-buffer.js';
import { fingerprint } from './stamp.js';

interface LockView {
  readonly inputHash?: unknown;
  readonly inputs?: readonly { readonly path: string }[];
  readonly outputs?: Readonly<Record<string, string>>;
}

/**
 * The no-op fast path: true when `outDir` already holds exactly what building the stack now would write, so the
 * check and the emitters can be skipped. Proven from the lock of the last build, never assumed:
 * - the input files it lists still hash to its input hash (this covers the objectstack version and the built-in
 *   manifests too), and no file newly matches an `include` pattern;
 * - no input refers to the environment (`${env:…}`: the environment could change what a check reports);
 * - every output file is present, unmodified (its fingerprint as recorded) and nothing else is in the folder.
 * Returns the absolute input files when current (what `--watch` watches), else null: any doubt (no lock, unreadable
 * file, parse error) answers null and the full build runs.
 */
export function upToDateInputs(stackFile: string, outDir: string, packageVersion: string): string[] | null {
  try {
    const lock = JSON.parse(readFileSync(join(outDir, LOCK_FILE), 'utf8')) as LockView;
    if (typeof lock.inputHash !== 'string' || !lock.inputs || !lock.outputs) return null;
    const stackDir = dirname(stackFile);
    const recorded = lock.inputs.map((input) => input.path);
    const digest = digestInputs(recorded, stackDir, packageVersion);
    if (digest.inputHash !== lock.inputHash || digest.texts.some((text) => text.includes('${env:'))) return null;
    if (!includesUnchanged(stackFile, new Set(recorded))) return null;
    const outputs = Object.entries(lock.outputs);
    const present = listFiles(outDir);
    if (present.length !== outputs.length + 1 || !present.includes(LOCK_FILE)) return null;
    const intact = outputs.every(([path, recorded]) => fingerprint(path, readIntoScratch(join(outDir, path)), packageVersion).hash === recorded);
    return intact ? recorded.map((path) => inputFile(path, stackDir)) : null;
  } catch {
    return null;
  }
}

/** Whether every file the stack's `include` patterns match now was an input of the last build. */
function includesUnchanged(stackFile: string, recorded: ReadonlySet<string>): boolean {
  const data = jsYaml.load(readFileSync(stackFile, 'utf8'), { schema: jsYaml.CORE_SCHEMA }) as { include?: unknown } | null;
  const include = data?.include;
  const patterns = typeof include === 'string' ? [include] : Array.isArray(include) ? include : [];
  const stackDir = dirname(stackFile);
  return patterns.every(
    (pattern) => typeof pattern === 'string' && expandGlob(stackDir, pattern).every((file) => file === stackFile || recorded.has(inputPath(file, stackDir))),
  );
}
