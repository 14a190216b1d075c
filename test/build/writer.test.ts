import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Artifact } from '../../compiler/emit/artifact.js';
import { OutputWriteError, isNoop, listFiles, writeOutput } from '../../compiler/write/index.js';

let root: string;
let out: string;
const MARKER = 'manifest.lock.json';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'objectstack-writer-'));
  out = join(root, 'generated');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const artifacts = (overrides: Record<string, string> = {}): Artifact[] =>
  Object.entries({ [MARKER]: '{}\n', 'types/account.ts': 'a\n', 'types/contact.ts': 'c\n', 'schema.graphql': 'g\n', ...overrides })
    .filter(([, content]) => content !== '')
    .map(([path, content]) => ({ path, content }));

const snapshotOf = (dir: string): Record<string, string> =>
  Object.fromEntries(listFiles(dir).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));

describe('writeOutput', () => {
  it('writes every artifact into a new directory and reports them as added', () => {
    const report = writeOutput(out, artifacts(), { ownershipMarker: MARKER });
    expect(report.added).toEqual([MARKER, 'schema.graphql', 'types/account.ts', 'types/contact.ts']);
    expect(snapshotOf(out)).toEqual({ [MARKER]: '{}\n', 'schema.graphql': 'g\n', 'types/account.ts': 'a\n', 'types/contact.ts': 'c\n' });
  });

  it('writes nothing on a no-op rebuild: same inodes and mtimes, no work directory left', () => {
    writeOutput(out, artifacts(), { ownershipMarker: MARKER });
    const before = statSync(join(out, 'types/account.ts'));
    const report = writeOutput(out, artifacts(), { ownershipMarker: MARKER });
    expect(isNoop(report)).toBe(true);
    expect(report.unchanged).toHaveLength(4);
    const after = statSync(join(out, 'types/account.ts'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(readdirSync(root)).toEqual(['generated']);
  });

  it('rewrites only changed files, keeps unchanged ones untouched and removes stale files', () => {
    writeOutput(out, artifacts(), { ownershipMarker: MARKER });
    writeFileSync(join(out, 'types/stale-hand-made.ts'), 'x');
    const kept = statSync(join(out, 'types/contact.ts'));
    const report = writeOutput(out, artifacts({ 'types/account.ts': 'a2\n', 'types/contact.ts': 'c\n', 'schema.graphql': '' }), {
      ownershipMarker: MARKER,
    });
    expect(report).toMatchObject({ added: [], modified: ['types/account.ts'], removed: ['schema.graphql', 'types/stale-hand-made.ts'] });
    expect(snapshotOf(out)).toEqual({ [MARKER]: '{}\n', 'types/account.ts': 'a2\n', 'types/contact.ts': 'c\n' });
    const after = statSync(join(out, 'types/contact.ts'));
    expect([after.ino, after.mtimeMs]).toEqual([kept.ino, kept.mtimeMs]);
    expect(readdirSync(root)).toEqual(['generated']);
  });

  it('leaves the previous output intact when a failure is injected mid-write', () => {
    writeOutput(out, artifacts(), { ownershipMarker: MARKER });
    const previous = snapshotOf(out);
    const next = artifacts({ 'types/account.ts': 'NEW\n', 'types/contact.ts': 'NEW\n', 'types/lead.ts': 'NEW\n' });
    expect(() =>
      writeOutput(out, next, {
        ownershipMarker: MARKER,
        afterFileStaged: (_path, count) => {
          if (count === 2) throw new Error('disk full (injected)');
        },
      }),
    ).toThrow(/disk full \(injected\)/);
    expect(snapshotOf(out)).toEqual(previous);
    expect(readdirSync(root)).toEqual(['generated']);
  });

  it('refuses to replace a non-empty directory an earlier build did not produce', () => {
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    let error: unknown;
    try {
      writeOutput(out, artifacts(), { ownershipMarker: MARKER });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OutputWriteError);
    expect((error as OutputWriteError).code).toBe('OS5001');
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('takes over a directory without the marker when every file in it is one the write produces', () => {
    // `objectstack migrate create` writes generated/snapshot.json before a project's first build.
    const [first] = artifacts();
    mkdirSync(out);
    writeFileSync(join(out, first!.path), 'older content');
    const report = writeOutput(out, artifacts(), { ownershipMarker: MARKER });
    expect(report.modified).toEqual([first!.path]);
    expect(readFileSync(join(out, first!.path), 'utf8')).toBe(first!.content);
  });

  it('recovers the previous output when a write was killed between its two renames', () => {
    writeOutput(out, artifacts(), { ownershipMarker: MARKER });
    const previous = snapshotOf(out);
    // What a kill between the renames leaves: the old tree under its retired name and no output directory.
    const retired = join(root, '.generated.retired-1-deadbeef');
    renameSync(out, retired);
    const report = writeOutput(out, artifacts(), { ownershipMarker: MARKER });
    expect(isNoop(report)).toBe(true);
    expect(snapshotOf(out)).toEqual(previous);
  });

  it('rejects artifact paths that would escape the output directory', () => {
    for (const path of ['../evil.ts', '/etc/passwd', 'types/../../x', 'a//b', '']) {
      expect(() => writeOutput(out, [{ path, content: 'x' }])).toThrow(/normalised relative posix path/);
    }
    expect(readdirSync(root)).toEqual([]);
  });
});
