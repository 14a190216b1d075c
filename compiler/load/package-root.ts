import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder of objectstack's own package.json. Found by walking up from this module, so it is the same whether the
 * code runs from sources (tests) or from dist/, and never depends on the cwd.
 */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  cached = dir;
  return dir;
}

/** Built-in plugins live in runtime/plugins/<name>/plugin.yml of this package. */
export function builtinPluginsDir(): string {
  return join(packageRoot(), 'runtime', 'plugins');
}
