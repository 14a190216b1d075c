import { isAbsolute, posix } from 'node:path';

/**
 * Checks that an artifact path stays inside the output directory: relative, posix, normalised, no `..`. Emitters are
 * trusted code, but object names flow into file names, so the writer refuses anything that could escape.
 */
export function assertArtifactPath(path: string): void {
  const normalised = posix.normalize(path);
  if (
    path.length === 0 ||
    isAbsolute(path) ||
    path.includes('\\') ||
    normalised !== path ||
    normalised === '.' ||
    normalised.split('/').some((segment) => segment === '..' || segment === '')
  ) {
    throw new Error(`Artifact path ${JSON.stringify(path)} must be a normalised relative posix path inside the output directory`);
  }
}
