import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jsYaml from 'js-yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
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

describe('fast and full parse agree on generated documents', () => {
  // Scalars chosen to hit the core schema's edges: numbers in every notation, booleans, nulls, look-alike strings.
  const scalar = fc.oneof(
    fc.constantFrom('0o14', '0x1A', '1e3', '.inf', '-.Inf', '.NaN', '~', 'null', 'True', 'yes', 'on', '2024-01-01', '12:30', '1_000', '0b101', '+.5', '+12', '1.'),
    fc.string({ maxLength: 8 }),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie('node'), { maxKeys: 3 })),
  })).node;

  it('reads the same data either way, whether scalars are written plain or quoted', () => {
    let compared = 0;
    fc.assert(
      fc.property(value, fc.boolean(), (data, flow) => {
        // yaml's stringify writes plain scalars where it can, so "0o14" and friends appear unquoted and get resolved.
        const text = YAML.stringify({ data }, { collectionStyle: flow ? 'flow' : 'block' }).replace(/"(0o14|0x1A|1e3|\.inf|-\.Inf|\.NaN|True|0b101|\+\.5|\+12|1\.)"/g, '$1');
        if (needsFullParse(text)) return;
        let fast: unknown;
        try {
          fast = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }) ?? null;
        } catch {
          return; // js-yaml rejects it: the loader takes the yaml path, nothing to compare
        }
        const { doc } = parseWithPositions(text);
        if (doc.errors.length > 0) return;
        expect(doc.toJS() ?? null).toEqual(fast);
        compared++;
      }),
      { numRuns: 500 },
    );
    expect(compared).toBeGreaterThan(200);
  });
});
