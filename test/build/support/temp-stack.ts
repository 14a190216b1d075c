import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EmitMode } from '../../../compiler/build/parallel-emit.js';
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

/** What a stack folder holds that a build reads: the root stack shares the repository root, so only these. */
const ROOT_STACK_ENTRIES = ['objectstack.yaml', 'plugins'];

export interface BuildCopyOptions {
  /**
   * Build with the compiled package (`dist/`, which `npm test` builds first) instead of the TypeScript sources: the
   * build's second thread runs compiled code, so only the compiled build can use it.
   */
  readonly compiled?: boolean;
  readonly emitMode?: EmitMode;
}

/**
 * A module of the compiled package (`dist/<path>`, which `npm test` builds before the tests), typed as its source
 * `T`: the build's second thread runs compiled code, so only compiled modules can start it.
 */
export async function compiledModule<T>(path: string): Promise<T> {
  const compiled = join(REPO_ROOT, 'dist', path);
  if (!existsSync(compiled)) throw new Error(`${compiled} is missing: run \`npm run build\` first (npm test does)`);
  return (await import(pathToFileURL(compiled).href)) as T;
}

/**
 * Builds a stack from a private copy, into `<copy>/generated` — the same place relative to its files as the real
 * build, so relative module paths in bootstrap.ts match — and returns the output tree. `stack` is an example name
 * (`stacks/<name>`) or `root` for the repository's own objectstack.yaml.
 */
export async function buildCopy(stack: string, how: BuildCopyOptions = {}): Promise<{ tree: Record<string, string>; errors: string[] }> {
  const { buildStack } = how.compiled
    ? await compiledModule<typeof import('../../../compiler/build/index.js')>('compiler/build/index.js')
    : await import('../../../compiler/build/index.js');
  const dir = mkdtempSync(join(tmpdir(), `objectstack-${stack}-`));
  try {
    if (stack === 'root') for (const entry of ROOT_STACK_ENTRIES) cpSync(join(REPO_ROOT, entry), join(dir, entry), { recursive: true });
    else cpSync(join(REPO_ROOT, 'stacks', stack), dir, { recursive: true });
    const result = buildStack(join(dir, 'objectstack.yaml'), how.emitMode ? { emitMode: how.emitMode } : {});
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
    return { tree: errors.length > 0 ? {} : readTree(join(dir, 'generated')), errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
