import { createHash } from 'node:crypto';
import type { Artifact } from '../emit/artifact.js';

/**
 * Gives each artifact its own header hash. Emitters write the build's input hash into every header; left as is, any
 * edit to any input would change every file, and an incremental build could not keep unaffected files. So the header
 * of each file carries the hash of the inputs that file is made from, as its generated text shows them: SHA-256 of the
 * objectstack version, the file's path and its text with the header hash blanked. Equal header hash ⇔ equal file.
 * The whole-stack input hash stays in manifest.lock.json (which changes whenever any input does).
 * Only the first occurrence, inside the header, is replaced; a file without the hash (snapshot.json) is left alone.
 * The lock is emitted after stamping and keeps the whole input hash.
 */
export function stampArtifacts(artifacts: readonly Artifact[], inputHash: string, packageVersion: string): Artifact[] {
  const blank = '0'.repeat(inputHash.length);
  return artifacts.map((artifact) => {
    const at = artifact.content.indexOf(inputHash);
    if (at === -1 || at > HEADER_WINDOW) return artifact;
    const head = artifact.content.slice(0, at);
    const rest = artifact.content.slice(at + inputHash.length);
    const own = createHash('sha256')
      .update(`objectstack@${packageVersion}\0${artifact.path}\0`)
      .update(head)
      .update(blank)
      .update(rest)
      .digest('hex');
    return { path: artifact.path, content: head + own + rest };
  });
}

/** Headers come first; a hash further in is content, not a header. */
const HEADER_WINDOW = 400;
