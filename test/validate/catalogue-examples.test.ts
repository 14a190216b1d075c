import { describe, expect, it } from 'vitest';
import { schemaCodes } from '../../compiler/diagnostics/catalogue/schema.js';
import { MANIFEST, useTempStacks } from '../load/temp-stack.js';
import { check } from './check.js';

const writeStack = useTempStacks();

// Each entry's example is "a minimal YAML that triggers it": written as an object file or as a stack file.
describe('schema catalogue examples', () => {
  it.each(Object.entries(schemaCodes))('%s: its example triggers it', (code, entry) => {
    const asObject = check(writeStack({ 'objectstack.yaml': `${MANIFEST}include: [example.object.yml]\n`, 'example.object.yml': entry.example }));
    const asStack = check(writeStack({ 'objectstack.yaml': entry.example }));
    expect([...asObject.brief, ...asStack.brief].map((d) => d.code)).toContain(code);
  });

  it('reports a map key that breaks its rule on the key, with a suggestion', () => {
    const { brief } = check(writeStack({ 'objectstack.yaml': `${MANIFEST}include: [a.object.yml]\n`, 'a.object.yml': 'fields:\n  Bad-Name: { type: text }\n' }));
    expect(brief).toMatchObject([
      { line: 2, column: 3, code: 'OS1205', message: expect.stringMatching(/^Invalid name "Bad-Name": must be snake_case/), hint: 'write it as "bad_name"' },
    ]);
  });
});
