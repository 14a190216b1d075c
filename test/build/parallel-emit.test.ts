import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inputPathsOf, sourceHashOf } from '../../compiler/build/input-hash.js';
import { checkStack } from '../../compiler/index.js';
import { listFiles } from '../../compiler/write/index.js';
import type { StackIR } from '../../compiler/ir/index.js';
import { REPO_ROOT, compiledModule } from './support/temp-stack.js';

/**
 * The build's second thread runs compiled code, so these tests drive the compiled package (`dist/`, built by
 * `npm test` before the tests) with a stack checked from the sources.
 */
type ParallelEmit = typeof import('../../compiler/build/parallel-emit.js');
type Write = typeof import('../../compiler/write/index.js');

const CRM_FILE = join(REPO_ROOT, 'stacks/crm/objectstack.yaml');
const context = (outDir: string) => ({ inputHash: 'a'.repeat(64), outDir, environment: new Map<string, string>() });
const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

function crm(): StackIR {
  const ir = checkStack(CRM_FILE).ir;
  if (ir === undefined) throw new Error('stacks/crm does not check');
  return ir;
}

function crmSourceHash(): string {
  return sourceHashOf(crmInputs.paths, crmInputs.stackDir, checkStack(CRM_FILE).source);
}

/** The inputs the build would digest for stacks/crm: its files and the built-in plugin manifests it uses. */
const crmInputs = { paths: inputPathsOf(checkStack(CRM_FILE).validated), stackDir: join(REPO_ROOT, 'stacks/crm') };

function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'objectstack-parallel-emit-'));
  roots.push(root);
  return root;
}

describe('emitting on two threads', () => {
  async function modules() {
    const parallel = await compiledModule<ParallelEmit>('compiler/build/parallel-emit.js');
    const write = await compiledModule<Write>('compiler/write/index.js');
    return { ...parallel, ...write };
  }

  /** One build's emit step on `mode`, with the second thread (if any) checking stacks/crm itself. */
  async function stage(root: string, mode: 'inline' | 'threads', sourceHash = crmSourceHash) {
    const { emitAndStage, startSecondThread, planOutput } = await modules();
    const plan = planOutput(join(root, `${mode}-${sourceHash().slice(0, 6)}`));
    const pending = mode === 'threads' ? startSecondThread({ entry: CRM_FILE, env: process.env, plan, packageVersion: '0.0.0', context: context(plan.target) }, { mode, objectCount: 5, seam: false }) : null;
    const { staged, digest } = emitAndStage(crm(), context(plan.target), plan, '0.0.0', { pending, inputs: crmInputs, sourceHash });
    const bytes = Object.fromEntries(staged.map((file) => [file.path, readFileSync(join(plan.staging, file.path), 'utf8')]));
    return { staged, bytes, digest, plan };
  }

  const byPath = <T extends { path: string }>(files: readonly T[]) => [...files].sort((a, b) => (a.path < b.path ? -1 : 1));

  it('stages the same files with the same fingerprints as one thread, the second thread taking types and GraphQL', async () => {
    const root = tempRoot();
    const inline = await stage(root, 'inline');
    const threads = await stage(root, 'threads');
    expect(byPath(threads.staged)).toEqual(byPath(inline.staged));
    expect(threads.bytes).toEqual(inline.bytes);
    // The second thread digests the inputs too: the same input hash as this thread's.
    expect(threads.digest).toEqual(inline.digest);
    expect(threads.digest.files.map((file) => file.path)).toContain('objects/account.object.yml');
    // This thread's share comes first, the second thread's after it: the types files, then the GraphQL schema.
    const order = threads.staged.map((file) => file.path);
    for (const mine of ['openapi.json', 'snapshot.json', 'bootstrap.ts']) expect(order.indexOf(mine)).toBeLessThan(order.indexOf('types/index.ts'));
    expect(order.at(-1)).toBe('schema.graphql');
  });

  it('emits everything again on this thread when the two checks did not read the same sources', async () => {
    const root = tempRoot();
    const inline = await stage(root, 'inline');
    // A source hash the second thread cannot match stands for a file edited between the two reads.
    const redone = await stage(root, 'threads', () => 'f'.repeat(64));
    expect(redone.staged.map((file) => file.path)).toEqual(inline.staged.map((file) => file.path));
    expect(redone.bytes).toEqual(inline.bytes);
    // Nothing the second thread staged is left over beside what was emitted again.
    expect(listFiles(redone.plan.staging)).toEqual(Object.keys(inline.bytes).sort());
  });

  it('reports a write failure on the second thread as OS5002', async () => {
    const { emitAndStage, startSecondThread, planOutput } = await modules();
    const root = tempRoot();
    const plan = planOutput(join(root, 'out'));
    // Only the second thread writes under types/: a file in its place makes its first write fail.
    mkdirSync(plan.staging);
    writeFileSync(join(plan.staging, 'types'), 'in the way');
    const pending = startSecondThread({ entry: CRM_FILE, env: process.env, plan, packageVersion: '0.0.0', context: context(plan.target) }, { mode: 'threads', objectCount: 5, seam: false });
    let failure: unknown;
    try {
      emitAndStage(crm(), context(plan.target), plan, '0.0.0', { pending, inputs: crmInputs, sourceHash: crmSourceHash });
    } catch (error) {
      failure = error;
    }
    expect(failure).toMatchObject({ name: 'OutputWriteError', code: 'OS5002' });
    expect((failure as Error).message).toMatch(/ENOTDIR|EEXIST/);
  });
});
