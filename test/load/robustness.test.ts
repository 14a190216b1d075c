import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locate } from '../../compiler/diagnostics/locate.js';
import { loadStack } from '../../compiler/load/load-stack.js';
import { validateStack } from '../../compiler/validate/validate-stack.js';
import { useTempStacks } from './temp-stack.js';

const STACK = `manifest:
  id: com.acme.crm
  name: CRM
  version: 1.0.0
include: [objects/*.object.yml]
plugins:
  - id: com.objectstack.data
    config: { datasource: default }
datasources:
  default: { driver: sqlite, url: "\${env:DB:-file:app.db}" }
`;
const OBJECT = `label: Account
fields:
  name: { type: text, required: true, maxLength: 80 }
  stage:
    type: select
    options:
      - { label: New, value: new }
      - won
  owner:
    type: lookup
    reference_to: user
    index: true
indexes:
  by_name: { fields: [name], unique: true }
`;

// Fragments that exercise the parser's error paths: indicators, tabs, anchors, tags, env references, documents.
const FRAGMENT = fc.oneof(
  fc.constantFrom('\t', ': ', '- ', '{', '}', '[', ']', '&a ', '*a', '!!js/function ', '!x ', '${env:MISSING}', '\n  ', '"', "'", '#', '|\n', '>-\n', '---\n', '? ', ',', '%YAML 1.1\n', '\u0000', '\uFEFF'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const MUTATION = fc.record({ at: fc.nat(), remove: fc.nat({ max: 24 }), insert: FRAGMENT });

function mutate(text: string, mutations: readonly { at: number; remove: number; insert: string }[]): string {
  return mutations.reduce((t, m) => {
    const at = m.at % (t.length + 1);
    return t.slice(0, at) + m.insert + t.slice(at + m.remove);
  }, text);
}

const writeStack = useTempStacks();

describe('loading and validating never crash on damaged input', () => {
  it('turns every mutation of a valid stack into located diagnostics, never an exception', () => {
    const dir = writeStack({ 'objectstack.yaml': STACK, 'objects/account.object.yml': OBJECT });
    const files = { stack: join(dir, 'objectstack.yaml'), object: join(dir, 'objects/account.object.yml') };
    fc.assert(
      fc.property(fc.array(MUTATION, { minLength: 1, maxLength: 5 }), fc.array(MUTATION, { maxLength: 3 }), (stackEdits, objectEdits) => {
        const texts = { [files.stack]: mutate(STACK, stackEdits), [files.object]: mutate(OBJECT, objectEdits) };
        for (const [file, text] of Object.entries(texts)) writeFileSync(file, text);
        const loaded = loadStack(dir, { env: {} });
        const diagnostics = locate(validateStack(loaded).diagnostics, loaded.positions);
        for (const d of diagnostics) {
          const text = texts[d.span.file];
          expect(text, `diagnostic in an unexpected file: ${d.span.file}`).toBeDefined();
          const lines = (text ?? '').split('\n').length;
          expect(d.span.line).toBeGreaterThanOrEqual(1);
          expect(d.span.line).toBeLessThanOrEqual(lines);
          expect(d.span.column).toBeGreaterThanOrEqual(1);
          expect(d.message).toMatch(/\S/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('handles deep nesting and huge values without a stack overflow or a hang', () => {
    const deep = `a: ${'['.repeat(20_000)}`;
    const huge = `manifest:\n  id: com.acme.crm\n  name: ${'x'.repeat(2_000_000)}\n  version: 1.0.0\n`;
    const unclosed = `x: ${'{'.repeat(5000)}`;
    const located = [deep, huge, unclosed].map((text) => {
      const loaded = loadStack(writeStack({ 'objectstack.yaml': text }), { env: {} });
      return locate(validateStack(loaded).diagnostics, loaded.positions);
    });
    expect(located[0]?.[0]).toMatchObject({ code: 'OS1001', message: 'YAML syntax error: brackets nest more than 256 levels deep' });
    expect(located[1]).toEqual([]);
    expect(located[2]?.[0]?.code).toBe('OS1001');
  });
});
