import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type ExampleKind = 'stack' | 'object' | 'plugin';

export interface ExampleDocument {
  readonly kind: ExampleKind;
  /** Path relative to the repository root, for test names. */
  readonly name: string;
  readonly path: string;
  readonly data: unknown;
}

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(suffix))
    .map((file) => join(dir, file))
    .sort();
}

function load(kind: ExampleKind, path: string): ExampleDocument {
  return { kind, name: relative(REPO_ROOT, path), path, data: parse(readFileSync(path, 'utf8')) };
}

/** Every example the repository ships: the root stack, stacks/**, their object files and local plugin manifests. */
export function exampleDocuments(): ExampleDocument[] {
  const stacks = [join(REPO_ROOT, 'objectstack.yaml'), ...filesUnder(join(REPO_ROOT, 'stacks'), 'objectstack.yaml')];
  return [
    ...stacks.map((path) => load('stack', path)),
    ...filesUnder(join(REPO_ROOT, 'stacks'), '.object.yml').map((path) => load('object', path)),
    ...filesUnder(join(REPO_ROOT, 'plugins'), 'plugin.yml').map((path) => load('plugin', path)),
  ];
}

export function firstLine(path: string): string {
  return readFileSync(path, 'utf8').split('\n', 1)[0] ?? '';
}
