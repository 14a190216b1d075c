import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, buildCopy, readTree } from './support/temp-stack.js';

describe('committed generated/', () => {
  it('is what building the root objectstack.yaml produces now', async () => {
    const { tree, errors } = await buildCopy('root');
    expect(errors).toEqual([]);
    const committed = readTree(join(REPO_ROOT, 'generated'));
    const stale = [
      ...Object.keys(tree).filter((path) => committed[path] !== tree[path]),
      ...Object.keys(committed).filter((path) => !(path in tree)),
    ];
    expect(stale, `generated/ is stale (${stale.join(', ')}): run \`npm run generate\` and commit the result`).toEqual([]);
  });
});
