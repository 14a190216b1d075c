import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A file to create, relative to the target folder (posix). */
export interface ScaffoldFile {
  readonly path: string;
  readonly content: string;
}

export type ScaffoldResult = { readonly ok: true; readonly written: readonly string[] } | { readonly ok: false; readonly existing: string };

/**
 * Creates every file, or none: when any of them already exists nothing is written and that file is named. Scaffolds
 * never overwrite a user's work.
 */
export function writeNewFiles(dir: string, files: readonly ScaffoldFile[]): ScaffoldResult {
  const existing = files.find((file) => existsSync(join(dir, file.path)));
  if (existing) return { ok: false, existing: join(dir, existing.path) };
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content, { flag: 'wx' });
  }
  return { ok: true, written: files.map((file) => file.path) };
}

/** A YAML scalar holding `text` exactly: JSON strings are valid YAML double-quoted scalars. */
export function yamlString(text: string): string {
  return JSON.stringify(text);
}
