import { describe, expect, it } from 'vitest';
import { PositionIndex } from '../../compiler/load/position-index.js';
import type { SourceRef } from '../../compiler/diagnostics/span.js';

const FILE = '/virtual/objectstack.yaml';
const TEXT = [
  'manifest:', //                                  1
  '  id: com.acme.crm', //                         2
  'fields: { name: { type: text }, tags: [a, bb] }', // 3
  'description: >', //                             4
  '  first line', //                               5
  '  second line', //                              6
  'objects:', //                                   7
  '  - name: account', //                          8
  '    label: "Account"', //                       9
  'empty:', //                                     10
  '',
].join('\n');

function spanOf(path: SourceRef['path'], target?: 'key' | 'value') {
  const index = new PositionIndex();
  index.addText(FILE, TEXT);
  const { line, column, endLine, endColumn } = index.span({ file: FILE, path, ...(target && { target }) });
  return [line, column, endLine, endColumn];
}

describe('lazy positions', () => {
  it('locates block mapping keys and values exactly', () => {
    expect(spanOf(['manifest', 'id'])).toEqual([2, 7, 2, 19]);
    expect(spanOf(['manifest', 'id'], 'key')).toEqual([2, 3, 2, 5]);
  });

  it('locates values inside flow mappings and flow sequences', () => {
    expect(spanOf(['fields', 'name', 'type'])).toEqual([3, 25, 3, 29]);
    expect(spanOf(['fields', 'name', 'type'], 'key')).toEqual([3, 19, 3, 23]);
    expect(spanOf(['fields', 'tags', 1])).toEqual([3, 43, 3, 45]);
  });

  it('spans a multi-line block scalar from its indicator to its end', () => {
    const [line, column, endLine] = spanOf(['description']);
    expect([line, column, endLine]).toEqual([4, 14, 7]);
  });

  it('walks sequences by index and includes quotes in a quoted scalar', () => {
    expect(spanOf(['objects', 0, 'name'])).toEqual([8, 11, 8, 18]);
    expect(spanOf(['objects', 0, 'label'])).toEqual([9, 12, 9, 21]);
  });

  it('points at the key of an entry without a value', () => {
    expect(spanOf(['empty'])).toEqual([10, 1, 10, 6]);
  });

  it('falls back to the deepest existing key for a path that goes further than the document', () => {
    expect(spanOf(['manifest', 'version'])).toEqual([1, 1, 1, 9]);
    expect(spanOf(['objects', 0, 'fields', 'x']).slice(0, 2)).toEqual([8, 5]);
  });

  it('gives the start of the file for a file it has no text for', () => {
    const index = new PositionIndex();
    expect(index.span({ file: '/nowhere.yml', path: ['a'] })).toEqual({ file: '/nowhere.yml', line: 1, column: 1, endLine: 1, endColumn: 1 });
  });
});

describe('positions in large files from the top-level entry alone', () => {
  const text = [
    '# a large stack',
    'manifest:',
    '  id: com.acme.crm',
    '',
    '# plugins follow',
    'plugins:',
    '  - id: com.objectstack.data',
    '    config: { datasource: default }',
    '  # a comment inside the block',
    '  - path: ./plugins/audit',
    'objects:',
    '  account:',
    '    fields:',
    '      name: { type: text }',
    '      notes:',
    '        type: textarea',
    '        description: |',
    '          first',
    '          plugins: not a key',
    'system: { logging: { level: info } }',
    '---',
    '',
  ].join('\n');
  const refs: SourceRef['path'][] = [
    ['manifest', 'id'],
    ['plugins', 0, 'config', 'datasource'],
    ['plugins', 1, 'path'],
    ['plugins', 2],
    ['objects', 'account', 'fields', 'notes', 'description'],
    ['objects', 'account', 'fields', 'missing'],
    ['system', 'logging', 'level'],
  ];

  it('points at the first content line for the whole document', () => {
    const index = new PositionIndex(0);
    index.addText(FILE, text);
    expect(index.span({ file: FILE, path: [] })).toEqual({ file: FILE, line: 2, column: 1, endLine: 2, endColumn: 10 });
  });

  it.each(refs)('gives the same span as parsing the whole file: %j', (...path) => {
    const narrowed = new PositionIndex(0);
    const whole = new PositionIndex(Number.POSITIVE_INFINITY);
    narrowed.addText(FILE, text);
    whole.addText(FILE, text);
    for (const target of ['key', 'value'] as const) {
      expect(narrowed.span({ file: FILE, path, target })).toEqual(whole.span({ file: FILE, path, target }));
    }
  });
});
