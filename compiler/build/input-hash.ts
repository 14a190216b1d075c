import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { packageRoot } from '../load/package-root.js';
import type { ValidatedStack } from '../validate/validated-stack.js';

export interface InputFile {
  /**
   * Posix path relative to the stack file's folder; files shipped with objectstack (built-in plugin manifests) as
   * `objectstack:<path in the package>`, so the path is the same on every machine.
   */
  readonly path: string;
  readonly sha256: string;
}

/** What the input hash is taken over: input paths (see `InputFile.path`) and the stack's folder. */
export interface BuildInputs {
  readonly paths: readonly string[];
  readonly stackDir: string;
}

export interface InputDigest {
  readonly inputHash: string;
  readonly files: readonly InputFile[];
}

const PACKAGE_PREFIX = 'objectstack:';

/**
 * The files a build reads: the stack file, every included object file, every plugin manifest (local ones and the
 * built-ins the stack uses). Plugin code is not hashed: it is not an input of the compiler (it is imported at run
 * time). Returned as input paths (see `InputFile.path`).
 */
export function inputPathsOf(validated: ValidatedStack): string[] {
  const files = new Set<string>([validated.entryFile]);
  for (const object of validated.objects) files.add(object.ref.file);
  for (const plugin of validated.plugins) if (plugin.manifestRef) files.add(plugin.manifestRef.file);
  const base = dirname(validated.entryFile);
  return [...files].map((file) => inputPath(file, base)).sort();
}

export function inputPath(file: string, stackDir: string): string {
  const inPackage = relative(packageRoot(), file);
  const isPackaged = inPackage.startsWith(`runtime${sep}plugins${sep}`);
  return isPackaged ? `${PACKAGE_PREFIX}${toPosix(inPackage)}` : toPosix(relative(stackDir, file));
}

/** The absolute file an input path names. */
export function inputFile(path: string, stackDir: string): string {
  return path.startsWith(PACKAGE_PREFIX) ? join(packageRoot(), path.slice(PACKAGE_PREFIX.length)) : join(stackDir, path);
}

/**
 * The input hash: SHA-256 over each input file in sorted order of its input path, as `path NUL size NUL bytes`,
 * followed by `objectstack@<package version>`. Same files and same objectstack → same hash on any machine and in
 * any checkout location. Throws when a file cannot be read (the caller decides what that means).
 */
export function digestInputs(paths: readonly string[], stackDir: string, packageVersion: string): InputDigest & { readonly texts: readonly string[] } {
  const whole = createHash('sha256');
  const files: InputFile[] = [];
  const texts: string[] = [];
  for (const path of [...paths].sort()) {
    const bytes = readFileSync(inputFile(path, stackDir));
    whole.update(`${path}\0${bytes.length}\0`).update(bytes);
    files.push({ path, sha256: createHash('sha256').update(bytes).digest('hex') });
    texts.push(bytes.toString('utf8'));
  }
  whole.update(`objectstack@${packageVersion}`);
  return { inputHash: whole.digest('hex'), files, texts };
}

/**
 * A hash of the texts a check actually read, by input path: two checks of the same stack agree on it exactly when
 * they saw the same files (the build's two threads compare it, since each reads the stack itself).
 */
export function sourceHashOf(paths: readonly string[], stackDir: string, source: (file: string) => string | undefined): string {
  const hash = createHash('sha256');
  for (const path of [...paths].sort()) hash.update(`${path}\0${source(inputFile(path, stackDir)) ?? '\0missing'}\0`);
  return hash.digest('hex');
}

/** The digest alone (the texts are for the no-op proof), of the inputs a build names by paths and folder. */
export function digestOf(inputs: BuildInputs, packageVersion: string): InputDigest {
  const { inputHash, files } = digestInputs(inputs.paths, inputs.stackDir, packageVersion);
  return { inputHash, files };
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
