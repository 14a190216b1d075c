import { describe, expect, it } from 'vitest';
import { loadCodes } from '../../compiler/diagnostics/catalogue/load.js';
import { locate } from '../../compiler/diagnostics/locate.js';
import { loadStack } from '../../compiler/load/load-stack.js';
import { useTempStacks } from './temp-stack.js';

const writeStack = useTempStacks();
// Examples that are commands rather than YAML (a file that cannot be read) are covered by the loader tests.
const yamlExamples = Object.entries(loadCodes).filter(([, entry]) => !entry.example.startsWith('objectstack '));

describe('load catalogue examples', () => {
  it.each(yamlExamples)('%s: its example, as objectstack.yaml, triggers it', (code, entry) => {
    const loaded = loadStack(writeStack({ 'objectstack.yaml': entry.example }), { env: {} });
    expect(locate(loaded.diagnostics, loaded.positions).map((d) => d.code)).toContain(code);
  });
});
