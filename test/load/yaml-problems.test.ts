import { describe, expect, it } from 'vitest';
import { locate } from '../../compiler/diagnostics/locate.js';
import { loadStack } from '../../compiler/load/load-stack.js';
import { MANIFEST, useTempStacks } from './temp-stack.js';

const writeStack = useTempStacks();

function load(stackYaml: string) {
  const loaded = loadStack(writeStack({ 'objectstack.yaml': stackYaml }), { env: {} });
  const diagnostics = locate(loaded.diagnostics, loaded.positions).map((d) => ({
    code: d.code,
    line: d.span.line,
    column: d.span.column,
    message: d.message,
  }));
  return { loaded, diagnostics };
}

describe('YAML problems become located diagnostics', () => {
  it('reports a syntax error with its position and does not validate the document', () => {
    const { loaded, diagnostics } = load(`${MANIFEST}objects: { account: { label: x }\nplugins: []\n`);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'OS1001', line: 6 });
    expect(loaded.root.wellFormed).toBe(false);
  });

  it('reports a duplicate key at the second occurrence', () => {
    const { diagnostics } = load(`${MANIFEST}include: []\ninclude: []\n`);
    expect(diagnostics).toEqual([{ code: 'OS1002', line: 6, column: 1, message: 'Duplicate key "include"' }]);
  });

  it('reports a tab used for indentation', () => {
    const { diagnostics } = load(`manifest:\n\tid: com.acme.test\n`);
    expect(diagnostics.map((d) => [d.code, d.line])).toContainEqual(['OS1003', 2]);
  });

  it('reports an alias as unsupported, at the alias, and keeps the data usable', () => {
    const { loaded, diagnostics } = load(`${MANIFEST}system:\n  logging: &log { level: info }\nserver:\n  extra: *log\n`);
    expect(diagnostics).toEqual([
      { code: 'OS1004', line: 8, column: 10, message: 'Alias *log is not supported; repeat the value here' },
    ]);
    expect(loaded.root.wellFormed).toBe(true);
  });

  it('reports an anchor that nothing uses', () => {
    const { diagnostics } = load(`${MANIFEST}system: &sys {}\n`);
    expect(diagnostics).toMatchObject([{ code: 'OS1004', line: 5, message: 'Anchor &sys is not supported' }]);
  });

  it('reports !!js/function by name and keeps the value as a plain string', () => {
    const { loaded, diagnostics } = load(`${MANIFEST}description: !!js/function "function () { return 1 }"\n`);
    expect(diagnostics).toEqual([
      { code: 'OS1005', line: 5, column: 14, message: 'Unknown YAML tag !!js/function; the value is kept as a plain string' },
    ]);
    expect(loaded.root.data).toMatchObject({ description: 'function () { return 1 }' });
  });

  it('never turns a timestamp into a Date (core schema on both paths)', () => {
    const fast = load(`${MANIFEST}when: 2024-01-01\n`).loaded.root.data;
    const slow = load(`${MANIFEST}when: 2024-01-01\nx: &a 1\n`).loaded.root.data;
    expect(fast).toMatchObject({ when: '2024-01-01' });
    expect(slow).toMatchObject({ when: '2024-01-01' });
  });

  it('reads the scalars js-yaml and YAML 1.2 core disagree on as YAML 1.2 does', () => {
    const data = load(`${MANIFEST}a: 0b101\nb: +.5\nc: [0b11, -.5]\n`).loaded.root.data;
    expect(data).toMatchObject({ a: '0b101', b: 0.5, c: ['0b11', -0.5] });
  });

  it('stops an alias explosion instead of hanging', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const { loaded, diagnostics } = load(`${bomb.join('\n')}\n`);
    expect(diagnostics.some((d) => d.code === 'OS1004')).toBe(true);
    expect(loaded.root.wellFormed).toBe(false);
  });

  it('reports a stack file that does not exist', () => {
    const loaded = loadStack('/nonexistent/objectstack.yaml', { env: {} });
    const [diagnostic] = locate(loaded.diagnostics, loaded.positions);
    expect(diagnostic).toMatchObject({ code: 'OS1006', span: { file: '/nonexistent/objectstack.yaml', line: 1 } });
    expect(diagnostic?.message).toContain('no such file');
  });
});
