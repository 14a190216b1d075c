import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every regular file under `dir`, as posix paths relative to it, sorted. A missing directory has no files. */
export function listFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (absolute: string, relative: string): void => {
    let entries;
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const childRelative = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(join(absolute, entry.name), childRelative);
      else if (entry.isFile()) found.push(childRelative);
    }
  };
  walk(dir, '');
  return found.sort();
}
