import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_TYPES } from '../../schemas/index.js';
import { REPO_ROOT } from '../schemas/examples.js';
import { YamlLanguageServer, positionAfter } from './lsp-client.js';

/**
 * Documents are opened under the real example folders (they need not exist on disk) so the relative modelines of
 * the examples resolve to the committed schemas exactly as they do in an editor.
 */
const uriOf = (relativePath: string) => pathToFileURL(join(REPO_ROOT, relativePath)).href;
const STACK_MODELINE = readFileSync(join(REPO_ROOT, 'stacks/crm/objectstack.yaml'), 'utf8').split('\n', 1)[0] ?? '';
const OBJECT_MODELINE = readFileSync(join(REPO_ROOT, 'stacks/crm/objects/account.object.yml'), 'utf8').split('\n', 1)[0] ?? '';

let server: YamlLanguageServer;

beforeAll(async () => {
  server = await YamlLanguageServer.start(pathToFileURL(REPO_ROOT).href);
});

afterAll(async () => {
  await server?.stop();
});

describe('yaml-language-server with the committed schemas', () => {
  it('offers the field types when completing a field\'s `type:` value', async () => {
    const uri = uriOf('stacks/crm/objects/editor_completion.object.yml');
    const text = `${OBJECT_MODELINE}\nlabel: Invoice\nfields:\n  customer:\n    type: \n`;
    server.open(uri, text);
    const labels = (await server.completion(uri, positionAfter(text, '    type: '))).map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(['lookup', 'master_detail', 'text', 'vector']));
    expect(labels.filter((label) => (FIELD_TYPES as readonly string[]).includes(label))).toHaveLength(FIELD_TYPES.length);
  });

  it('flags an unknown key with a diagnostic on that key', async () => {
    const uri = uriOf('stacks/crm/editor_unknown_key.yaml');
    const text = [
      STACK_MODELINE,
      'manifest: { id: com.example.editor, name: Editor, version: 1.0.0 }',
      'objects:',
      '  account:',
      '    fields:',
      '      name:',
      '        type: text',
      '        lable: Name',
      '',
    ].join('\n');
    server.open(uri, text);
    const diagnostics = await server.diagnosticsFor(uri, (found) => found.length > 0);
    const onKey = diagnostics.find((diagnostic) => diagnostic.range.start.line === 7);
    expect(onKey?.message).toMatch(/lable/);
    expect(onKey?.message).toMatch(/not allowed/i);
  });

  it('publishes no diagnostics for a valid example', async () => {
    const uri = uriOf('stacks/todo/editor_valid.yaml');
    server.open(uri, readFileSync(join(REPO_ROOT, 'stacks/todo/objectstack.yaml'), 'utf8'));
    // The server publishes once validation has run; an empty list is its verdict.
    expect(await server.diagnosticsFor(uri, () => true)).toEqual([]);
  });

  it('shows a key\'s description on hover', async () => {
    const uri = uriOf('stacks/crm/objects/editor_hover.object.yml');
    const text = `${OBJECT_MODELINE}\nlabel: Invoice\nfields:\n  amount:\n    type: currency\n    scale: 2\n`;
    server.open(uri, text);
    const hover = await server.hover(uri, positionAfter(text, '    sca'));
    expect(hover).toContain('Number of digits after the decimal point');
    const onRoot = await server.hover(uri, positionAfter(text, 'lab'));
    expect(onRoot).toContain('Singular human-readable name');
  });
});
