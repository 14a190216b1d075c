import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Artifact } from '../../../compiler/emit/artifact.js';

/** Writes artifacts under `dir` (what the build's writer would do), for tools that read files. */
export function writeArtifacts(dir: string, artifacts: readonly Artifact[]): void {
  for (const artifact of artifacts) {
    const path = join(dir, artifact.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, artifact.content);
  }
}

export function contentOf(artifacts: readonly Artifact[], path: string): string {
  const found = artifacts.find((artifact) => artifact.path === path);
  if (found === undefined) throw new Error(`no artifact ${path} among ${artifacts.map((a) => a.path).join(', ')}`);
  return found.content;
}
