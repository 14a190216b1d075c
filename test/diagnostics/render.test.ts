import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { renderJson, renderText, shouldUseColor } from '../../compiler/diagnostics/render.js';

const SOURCE = ['label: Account', 'fields:', '  name:', '    type: text', '    lable: Name', '  email:', '    type: email', ''].join('\n');
const FILE = '/project/objects/account.object.yml';

const unknownKey: Diagnostic = {
  code: 'OS1201',
  severity: 'error',
  message: 'Unknown key "lable"',
  span: { file: FILE, line: 5, column: 5, endLine: 5, endColumn: 10 },
  hint: 'did you mean "label"?',
};
const deprecated: Diagnostic = {
  code: 'OS1210',
  severity: 'warning',
  message: '"reference_to" is the ObjectQL spelling; use "reference"',
  span: { file: FILE, line: 1, column: 1, endLine: 1, endColumn: 6 },
  related: [{ span: { file: '/project/objectstack.yaml', line: 3, column: 5, endLine: 3, endColumn: 9 }, message: 'included here' }],
};

const options = { cwd: '/project', color: false, source: (file: string) => (file === FILE ? SOURCE : undefined) };

describe('text renderer', () => {
  it('prints location, code, message, a code frame with two lines of context, the hint and a closing count', () => {
    expect(renderText([unknownKey], options)).toBe(
      [
        'objects/account.object.yml:5:5: error OS1201: Unknown key "lable"',
        '  3 |   name:',
        '  4 |     type: text',
        '> 5 |     lable: Name',
        '    |     ^^^^^',
        '  6 |   email:',
        '  7 |     type: email',
        '  hint: did you mean "label"?',
        '',
        '1 error, 0 warnings',
        '',
      ].join('\n'),
    );
  });

  it('clips context at the start of the file and prints related places', () => {
    expect(renderText([deprecated, unknownKey], options).split('\n').slice(0, 6)).toEqual([
      'objects/account.object.yml:1:1: warning OS1210: "reference_to" is the ObjectQL spelling; use "reference"',
      '> 1 | label: Account',
      '    | ^^^^^',
      '  2 | fields:',
      '  3 |   name:',
      '  related: objectstack.yaml:3:5: included here',
    ]);
    expect(renderText([deprecated, unknownKey], options)).toMatch(/\n1 error, 1 warning\n$/);
  });

  it('underlines to the end of the line for a span over several lines, and pads line numbers', () => {
    const long = Array.from({ length: 12 }, (_, i) => `line${i + 1}: x`).join('\n');
    const text = renderText(
      [{ ...unknownKey, span: { file: FILE, line: 10, column: 3, endLine: 12, endColumn: 2 }, hint: undefined } as Diagnostic],
      { ...options, source: () => long },
    );
    expect(text.split('\n').slice(1, 5)).toEqual(['   8 | line8: x', '   9 | line9: x', '> 10 | line10: x', '     |   ^^^^^^^']);
  });

  it('prints no frame when the source is unknown, and a zero count when there is nothing', () => {
    expect(renderText([{ ...unknownKey, hint: undefined } as Diagnostic], { ...options, source: () => undefined })).toBe(
      'objects/account.object.yml:5:5: error OS1201: Unknown key "lable"\n\n1 error, 0 warnings\n',
    );
    expect(renderText([], options)).toBe('0 errors, 0 warnings\n');
  });

  it('colours only when asked to, with ANSI codes', () => {
    expect(renderText([unknownKey], options)).not.toContain('\u001b[');
    expect(renderText([unknownKey], { ...options, color: true })).toContain('\u001b[31merror OS1201\u001b[39m');
  });
});

describe('colour decision', () => {
  it('uses colour on a TTY only, and never with NO_COLOR set', () => {
    expect(shouldUseColor({ isTTY: true }, {})).toBe(true);
    expect(shouldUseColor({ isTTY: false }, {})).toBe(false);
    expect(shouldUseColor({}, {})).toBe(false);
    expect(shouldUseColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(shouldUseColor({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });
});

describe('JSON renderer', () => {
  it('gives one stable document with relative paths and counts', () => {
    expect(JSON.parse(renderJson([unknownKey, deprecated], '/project'))).toEqual({
      diagnostics: [
        { code: 'OS1201', severity: 'error', message: 'Unknown key "lable"', file: 'objects/account.object.yml', line: 5, column: 5, endLine: 5, endColumn: 10, hint: 'did you mean "label"?' },
        {
          code: 'OS1210',
          severity: 'warning',
          message: '"reference_to" is the ObjectQL spelling; use "reference"',
          file: 'objects/account.object.yml',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 6,
          related: [{ message: 'included here', file: 'objectstack.yaml', line: 3, column: 5, endLine: 3, endColumn: 9 }],
        },
      ],
      counts: { errors: 1, warnings: 1, infos: 0 },
    });
  });
});
