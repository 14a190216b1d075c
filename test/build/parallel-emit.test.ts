import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkStack } from '../../compiler/index.js';
import type { StackIR } from '../../compiler/ir/index.js';
import { REPO_ROOT } from './support/temp-stack.js';

/**
 * The build's second thread runs compiled code, so these tests drive the compiled package (`dist/`, built by
 * `npm test` before the tests) with a stack checked from the sources.
 */
type ParallelEmit = typeof import('../../compiler/build/parallel-emit.js');
type Write = typeof import('../../compiler/write/index.js');

async function compiled<T>(path: string): Promise<T> {
  return (await import(pathToFileURL(join(REPO_ROOT, 'dist', path)).href)) as T;
}

const context = (outDir: string) => ({ inputHash: 'a'.repeat(64), outDir, environment: new Map<string, string>() });
const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

function crm(): StackIR {
  const ir = checkStack(join(REPO_ROOT, 'stacks/crm'), { env: {} }).ir;
  if (ir === undefined) throw new Error('stacks/crm does not check');
  return ir;
}

const crmInputs = {
  paths: ['objectstack.yaml', ...['account', 'contact', 'opportunity', 'opportunity_line_item', 'product'].map((name) => `objects/${name}.object.yml`)],
  stackDir: join(REPO_ROOT, 'stacks/crm'),
};

function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'objectstack-parallel-emit-'));
  roots.push(root);
  return root;
}

describe('emitting on two threads', () => {
  it('stages the same files with the same fingerprints as one thread, the second thread taking types and GraphQL', async () => {
    const { emitAndStage } = await compiled<ParallelEmit>('compiler/build/parallel-emit.js');
    const { planOutput } = await compiled<Write>('compiler/write/index.js');
    const ir = crm();
    const root = tempRoot();
    const stage = (mode: 'inline' | 'threads') => {
      const plan = planOutput(join(root, mode));
      const { staged, digest } = emitAndStage(ir, context(plan.target), plan, '0.0.0', { mode, inputs: crmInputs });
      const bytes = Object.fromEntries(staged.map((file) => [file.path, readFileSync(join(plan.staging, file.path), 'utf8')]));
      return { staged, bytes, digest };
    };
    const inline = stage('inline');
    const threads = stage('threads');
    const byPath = (files: readonly (typeof inline.staged)[number][]) => [...files].sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(byPath(threads.staged)).toEqual(byPath(inline.staged));
    expect(threads.bytes).toEqual(inline.bytes);
    // The second thread digests the inputs too: the same input hash as this thread's.
    expect(threads.digest).toEqual(inline.digest);
    expect(threads.digest.files.map((file) => file.path)).toContain('objects/account.object.yml');
    // This thread's share comes first, the second thread's after it: the types files, then the GraphQL schema.
    const order = threads.staged.map((file) => file.path);
    for (const mine of ['openapi.json', 'snapshot.json', 'bootstrap.ts']) expect(order.indexOf(mine)).toBeLessThan(order.indexOf('types/index.ts'));
    expect(order.at(-1)).toBe('schema.graphql');
    // A second build reuses the warm thread.
    expect(byPath(stage('threads').staged)).toEqual(byPath(inline.staged));
  });

  it('reports a write failure on the second thread as OS5002', async () => {
    const { emitAndStage } = await compiled<ParallelEmit>('compiler/build/parallel-emit.js');
    const { planOutput } = await compiled<Write>('compiler/write/index.js');
    const root = tempRoot();
    const plan = planOutput(join(root, 'out'));
    // Only the second thread writes under types/: a file in its place makes its first write fail.
    mkdirSync(plan.staging);
    writeFileSync(join(plan.staging, 'types'), 'in the way');
    let failure: unknown;
    try {
      emitAndStage(crm(), context(plan.target), plan, '0.0.0', { mode: 'threads', inputs: crmInputs });
    } catch (error) {
      failure = error;
    }
    expect(failure).toMatchObject({ name: 'OutputWriteError', code: 'OS5002' });
    expect((failure as Error).message).toMatch(/ENOTDIR|EEXIST/);
  });
});
