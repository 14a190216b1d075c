import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, buildCopy, readTree } from '../build/support/temp-stack.js';

/**
 * Golden tests: the build output of every example stack and of the root stack, compared byte for byte with the
 * expected output committed under test/fixtures/golden/<stack>/. `npm run golden:update` (GOLDEN_UPDATE=1) rewrites
 * the fixtures instead of comparing; review the diff before committing it.
 */
const FIXTURES = join(REPO_ROOT, 'test/fixtures/golden');
const UPDATE = process.env.GOLDEN_UPDATE === '1';
const STACKS = [...readdirSync(join(REPO_ROOT, 'stacks')).sort(), 'root'];

describe('golden build output', () => {
  it.each(STACKS)('%s matches test/fixtures/golden/%s byte for byte', async (stack) => {
    const { tree, errors } = await buildCopy(stack);
    expect(errors).toEqual([]);
    const fixture = join(FIXTURES, stack);
    if (UPDATE) {
      rmSync(fixture, { recursive: true, force: true });
      for (const [path, content] of Object.entries(tree)) {
        mkdirSync(dirname(join(fixture, path)), { recursive: true });
        writeFileSync(join(fixture, path), content);
      }
    }
    const expected = readTree(fixture);
    expect(Object.keys(tree), `files of ${stack} (run \`npm run golden:update\` after an intended change)`).toEqual(Object.keys(expected));
    for (const [path, content] of Object.entries(tree)) {
      expect(content, `${stack}/${path} differs from its golden file (run \`npm run golden:update\` after an intended change)`).toBe(expected[path]);
    }
  });

  // Large stacks emit on two threads (the second runs compiled code); forced here, the output must be the same bytes.
  it.each(STACKS)('%s built on two threads by the compiled package matches its golden files', async (stack) => {
    const { tree, errors } = await buildCopy(stack, { compiled: true, emitMode: 'threads' });
    expect(errors).toEqual([]);
    expect(tree).toEqual(readTree(join(FIXTURES, stack)));
  });
});
