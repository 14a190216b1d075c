import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import type { ValidatedStack } from '../validate/validated-stack.js';

export interface InputFile {
  /** Posix path relative to the stack file's folder. */
  readonly path: string;
  readonly sha256: string;
}

export interface InputDigest {
  readonly inputHash: string;
  readonly files: readonly InputFile[];
}

/**
 * The files a build reads from the project: the stack file, every included object file and every local plugin
 * manifest. Built-in plugin manifests ship with objectstack, so the package version stands for them; plugin code is
 * not an input of the compiler (it is imported at run time), so it is not hashed.
 */
export function inputFilesOf(validated: ValidatedStack): string[] {
  const files = new Set<string>([validated.entryFile]);
  for (const object of validated.objects) files.add(object.ref.file);
  for (const plugin of validated.plugins) if (!plugin.builtin && plugin.manifestRef) files.add(plugin.manifestRef.file);
  return [...files];
}

/**
 * The input hash: SHA-256 over, for each input file in sorted order of its posix path relative to the stack folder,
 * `path NUL size NUL bytes`, followed by `objectstack@<package version>`. Same files and same objectstack → same hash on
 * any machine and in any checkout location.
 */
export function digestInputs(files: readonly string[], stackFile: string, packageVersion: string): InputDigest {
  const base = dirname(stackFile);
  const entries = files
    .map((file) => ({ file, path: relative(base, file).split(sep).join('/') }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const whole = createHash('sha256');
  const digested: InputFile[] = [];
  for (const { file, path } of entries) {
    const bytes = readFileSync(file);
    whole.update(`${path}\0${bytes.length}\0`).update(bytes);
    digested.push({ path, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  whole.update(`objectstack@${packageVersion}`);
  return { inputHash: whole.digest('hex'), files: digested };
}
