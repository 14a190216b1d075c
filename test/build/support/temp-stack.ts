import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listFiles } from '../../../compiler/write/index.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

/** A private copy of an example stack (`stacks/<name>`) in a temp folder, so tests may edit it. */
export function copyStack(name: string): { dir: string; stackFile: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `objectstack-${name}-`));
  cpSync(join(REPO_ROOT, 'stacks', name), dir, { recursive: true });
  return { dir, stackFile: join(dir, 'objectstack.yaml'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every file under `dir` with its text, for byte-for-byte comparisons. */
export function readTree(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}

/** Inode and mtime of every file: unchanged when the writer left a file alone. */
export function fileIdentities(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((path) => {
      const stat = statSync(join(dir, path));
      return [path, `${stat.ino}:${stat.mtimeMs}`];
    }),
  );
}
