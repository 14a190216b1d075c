import { readFileSync } from 'node:fs';
import jsYaml from 'js-yaml';
import type { PathSegment } from '../diagnostics/span.js';
import { pathKey } from '../emit/bootstrap/environment-read.js';

/**
 * Values of the stack file written with `${env:…}` references, by path (see `pathKey`), as written. The loader
 * substitutes them at compile time; the bootstrap must read them at run time instead, so that secrets never land in
 * generated (committed) files and the output does not depend on the machine that built it. Only the sections the
 * bootstrap prints are collected: `system` and each plugin entry's `config`. Read from the file's raw text (no
 * substitution), which the loader has already checked.
 */
export function environmentReferences(stackFile: string): Map<string, string> {
  const references = new Map<string, string>();
  const raw = jsYaml.load(readFileSync(stackFile, 'utf8'), { schema: jsYaml.CORE_SCHEMA }) as unknown;
  if (!isRecord(raw)) return references;
  const visit = (value: unknown, path: PathSegment[]): void => {
    if (typeof value === 'string') {
      if (value.includes('${env:')) references.set(pathKey(path), value);
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (isRecord(value)) for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(raw.system, ['system']);
  if (Array.isArray(raw.plugins)) raw.plugins.forEach((entry, index) => isRecord(entry) && visit(entry.config, ['plugins', index, 'config']));
  return references;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
