import { createHash } from 'node:crypto';
import type { Artifact } from '../emit/artifact.js';
import { scratchBuffer } from './scratch-buffer.js';

/** Where a header carries its hash: `Input hash: <hex>` in comment headers and `$comment`, or `"inputHash": "<hex>"`. */
const HEADER_HASH = /(?:Input hash: |"inputHash": ")([0-9a-f]{64})/;
/** Headers come first; a hash further in is content, not a header. */
const HEADER_WINDOW = 400;
const BLANK = '0'.repeat(64);

/**
 * A file's fingerprint: SHA-256 of the objectstack version, its path and its content with the header hash blanked
 * (the whole content when it has no header hash, like snapshot.json). The same for an artifact before stamping and
 * for the stamped file on disk, so the lock can record it and a later build can verify the file in one pass.
 */
export function fingerprint(path: string, content: string | Buffer, packageVersion: string): { hash: string; at: number } {
  // A Buffer (a file read back) is searched as latin1, whose indices are byte offsets; headers are ASCII, so the
  // offset is the same as the string index of the text the build produced.
  const head = typeof content === 'string' ? content.slice(0, HEADER_WINDOW) : content.subarray(0, HEADER_WINDOW).toString('latin1');
  const match = HEADER_HASH.exec(head);
  const hash = createHash('sha256').update(`objectstack@${packageVersion}\0${path}\0`);
  if (!match) return { hash: hash.update(content).digest('hex'), at: -1 };
  const at = match.index + match[0].length - 64;
  const part = (from: number, to?: number): string | Buffer =>
    typeof content === 'string' ? content.slice(from, to) : content.subarray(from, to);
  return { hash: hash.update(part(0, at)).update(BLANK).update(part(at + 64)).digest('hex'), at };
}

/** An artifact as bytes with its own header hash written in, and that hash: what the writer stages. */
export interface StampedArtifact {
  readonly path: string;
  /** A view of a scratch buffer the next `stampArtifact` call on this thread overwrites: stage it first. */
  readonly bytes: Buffer;
  readonly fingerprint: string;
}

/**
 * Gives an artifact its own header hash. Emitters write the build's input hash into every header; left as is, any
 * edit to any input would change every file, and an incremental build could not keep unaffected files. So the header
 * of each file carries the hash of the inputs that file is made from, as its generated text shows them: its
 * fingerprint. Equal header hash ⇔ equal file. The whole-stack input hash stays in manifest.lock.json (emitted after
 * stamping; it changes whenever any input does).
 *
 * Works on the encoded bytes: the text is encoded once, hashed around the header hash and stamped in place, so a
 * large file is neither sliced nor concatenated again.
 */
export function stampArtifact(artifact: Artifact, packageVersion: string): StampedArtifact {
  const target = scratchBuffer(Buffer.byteLength(artifact.content, 'utf8'));
  const bytes = target.subarray(0, target.write(artifact.content, 0, 'utf8'));
  const { hash, at } = fingerprint(artifact.path, bytes, packageVersion);
  if (at !== -1) bytes.write(hash, at, 'latin1');
  return { path: artifact.path, bytes, fingerprint: hash };
}
