import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { expandGlob } from '../../compiler/load/glob.js';
import { parseWithPositions } from '../../compiler/load/position-index.js';
import { needsFullParse } from '../../compiler/load/prescan.js';

// The shared corpus sits next to the repository (../shared/corpus), read-only.
const CORPUS = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
const files = existsSync(CORPUS) ? expandGlob(CORPUS, '**/*.{yml,yaml}') : [];

// The fast path (js-yaml) and the position path (yaml) must agree on the data, or a diagnostic could point at a
// value that differs from the one validated.
describe.skipIf(files.length === 0)('fast and full parse agree on real files', () => {
  it('gives the same data for every corpus file js-yaml parses quietly', () => {
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (needsFullParse(text)) continue;
      let fast: unknown;
      try {
        fast = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }) ?? null;
      } catch {
        continue;
      }
      const { doc } = parseWithPositions(text);
      expect(doc.errors, file).toEqual([]);
      expect(doc.toJS() ?? null, file).toEqual(fast);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
