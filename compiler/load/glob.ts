import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Files matching an include pattern relative to `baseDir`: `*` and `?` within one path segment, `**` across any
 * number of folders, `{a,b}` alternatives. Sorted, so the stack is the same whatever order the disk lists files in.
 * Dot folders and node_modules are never searched by a wildcard.
 */
export function expandGlob(baseDir: string, pattern: string): string[] {
  const segments = pattern.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  const found = new Set<string>();
  match(pattern.startsWith('/') ? '/' : baseDir, segments, found);
  return [...found].sort();
}

function match(dir: string, segments: readonly string[], found: Set<string>): void {
  const [segment, ...rest] = segments;
  if (segment === undefined) return;
  if (segment === '**') {
    match(dir, rest, found);
    for (const child of subfolders(dir)) match(join(dir, child), segments, found);
    return;
  }
  if (!hasWildcard(segment)) {
    const path = join(dir, segment);
    if (rest.length === 0) {
      if (kindOf(path) === 'file') found.add(path);
    } else if (kindOf(path) === 'dir') {
      match(path, rest, found);
    }
    return;
  }
  const regex = segmentRegex(segment);
  for (const { name, kind } of list(dir)) {
    if (!regex.test(name) || (name.startsWith('.') && !segment.startsWith('.'))) continue;
    const path = join(dir, name);
    if (rest.length === 0 && kind === 'file') found.add(path);
    else if (rest.length > 0 && kind === 'dir' && name !== 'node_modules') match(path, rest, found);
  }
}

export function hasWildcard(pattern: string): boolean {
  return /[*?{]/.test(pattern);
}

function segmentRegex(segment: string): RegExp {
  let source = '';
  for (const char of segment) {
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') source += '(?:';
    else if (char === '}') source += ')';
    else if (char === ',') source += '|';
    else source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

interface Entry {
  readonly name: string;
  readonly kind: 'file' | 'dir' | undefined;
}

function list(dir: string): Entry[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).map((dirent) => ({
      name: dirent.name,
      // Only symbolic links need a stat to learn what they point at.
      kind: dirent.isFile() ? 'file' : dirent.isDirectory() ? 'dir' : dirent.isSymbolicLink() ? kindOf(join(dir, dirent.name)) : undefined,
    }));
  } catch {
    return [];
  }
}

function subfolders(dir: string): string[] {
  return list(dir)
    .filter(({ name, kind }) => kind === 'dir' && !name.startsWith('.') && name !== 'node_modules')
    .map(({ name }) => name);
}

function kindOf(path: string): 'file' | 'dir' | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'dir' : undefined;
  } catch {
    return undefined;
  }
}
