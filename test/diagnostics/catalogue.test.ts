import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../compiler/diagnostics/catalogue.js';
import { buildCodes } from '../../compiler/diagnostics/catalogue/build.js';
import { cliCodes } from '../../compiler/diagnostics/catalogue/cli.js';
import { httpCodes } from '../../compiler/diagnostics/catalogue/http.js';
import { loadCodes } from '../../compiler/diagnostics/catalogue/load.js';
import { migrateCodes } from '../../compiler/diagnostics/catalogue/migrate.js';
import { objectsCodes } from '../../compiler/diagnostics/catalogue/objects.js';
import { pluginsCodes } from '../../compiler/diagnostics/catalogue/plugins.js';
import { runtimeCodes } from '../../compiler/diagnostics/catalogue/runtime.js';
import { schemaCodes } from '../../compiler/diagnostics/catalogue/schema.js';
import { servicesCodes } from '../../compiler/diagnostics/catalogue/services.js';
import { systemCodes } from '../../compiler/diagnostics/catalogue/system.js';

// Each section owns a code range; a code outside its range, or defined twice, is a catalogue bug.
const sections: [string, Record<string, unknown>, RegExp][] = [
  ['load', loadCodes, /^OS1[01]\d\d$/],
  ['schema', schemaCodes, /^OS12\d\d$/],
  ['plugins', pluginsCodes, /^OS20\d\d$/],
  ['services', servicesCodes, /^OS21\d\d$/],
  ['objects', objectsCodes, /^OS3\d\d\d$/],
  ['system', systemCodes, /^OS4\d\d\d$/],
  ['build', buildCodes, /^OS5\d\d\d$/],
  ['migrate', migrateCodes, /^OS6\d\d\d$/],
  ['runtime', runtimeCodes, /^OS7\d\d\d$/],
  ['http', httpCodes, /^OS8\d\d\d$/],
  ['cli', cliCodes, /^OS9\d\d\d$/],
];

describe('diagnostic catalogue', () => {
  it.each(sections)('section %s keeps to its code range', (_name, codes, range) => {
    for (const code of Object.keys(codes)) expect(code).toMatch(range);
  });

  it('defines every code exactly once', () => {
    const total = sections.reduce((n, [, codes]) => n + Object.keys(codes).length, 0);
    expect(Object.keys(CATALOGUE)).toHaveLength(total);
  });

  it('gives every entry a title, explanation, example and fix', () => {
    for (const [code, entry] of Object.entries(CATALOGUE)) {
      for (const key of ['title', 'explanation', 'example', 'fix'] as const) {
        expect(entry[key as keyof typeof entry], `${code}.${key}`).toMatch(/\S/);
      }
    }
  });
});
