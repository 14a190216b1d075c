import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkStack } from '../../compiler/index.js';
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';

// From YAML text on disk through the real loader, validator, resolver and locator: the spans users see.
const root = mkdtempSync(join(tmpdir(), 'objectstack-resolve-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
function stack(files: Record<string, string>, env: Record<string, string> = {}) {
  const dir = join(root, `stack-${counter++}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const result = checkStack(dir, { env });
  const where = (d: { span: Diagnostic['span'] }) => `${d.span.file.slice(dir.length + 1)}:${d.span.line}:${d.span.column}`;
  return { ...result, found: result.diagnostics.map((d) => `${where(d)} ${d.code}`), where };
}

const HEADER = `manifest: { id: com.test.app, name: App, version: 1.0.0 }\n`;
const BUILTINS = `plugins:
  - id: com.objectstack.data
  - id: com.objectstack.metadata
  - id: com.objectstack.cache
  - id: com.objectstack.queue
  - id: com.objectstack.job
  - id: com.objectstack.auth
`;

function localPlugin(id: string, deps: Record<string, string>, extra = ''): string {
  const dependencies = Object.entries(deps).map(([dep, range]) => `  ${dep}: "${range}"`).join('\n');
  return `id: ${id}\nname: ${id}\nversion: 1.0.0\n${dependencies ? `dependencies:\n${dependencies}\n` : ''}${extra}`;
}

describe('resolution from YAML', () => {
  it('resolves the repository root stack with no errors', () => {
    const { ir, diagnostics } = checkStack('objectstack.yaml');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const order = ir!.plugins.map((plugin) => plugin.id);
    expect(order.indexOf('com.objectstack.data')).toBeLessThan(order.indexOf('com.objectstack.metadata'));
    expect(order.indexOf('com.objectstack.queue')).toBeLessThan(order.indexOf('com.objectstack.job'));
  });

  it('locates each edge of a cycle between local plugins in their plugin.yml', () => {
    const { found, diagnostics, ir, where } = stack({
      'objectstack.yaml': `${HEADER}${BUILTINS}  - path: ./plugins/a\n  - path: ./plugins/b\n  - path: ./plugins/c\n`,
      'plugins/a/plugin.yml': localPlugin('com.test.a', { 'com.test.b': '^1.0.0' }),
      'plugins/b/plugin.yml': localPlugin('com.test.b', { 'com.objectstack.data': '*', 'com.test.c': '^1.0.0' }),
      'plugins/c/plugin.yml': localPlugin('com.test.c', { 'com.test.a': '^1.0.0' }),
      'plugins/a/index.ts': 'export default {};\n',
      'plugins/b/index.ts': 'export default {};\n',
      'plugins/c/index.ts': 'export default {};\n',
    });
    expect(ir).toBeUndefined();
    expect(found.filter((line) => !line.endsWith('OS2102'))).toEqual(['plugins/a/plugin.yml:5:3 OS2001']);
    const cycle = diagnostics.find((d) => d.code === 'OS2001')!;
    expect(cycle.message).toBe('Plugin dependency cycle: com.test.a → com.test.b → com.test.c → com.test.a');
    expect(cycle.related!.map((related) => where(related))).toEqual(['plugins/a/plugin.yml:5:3', 'plugins/b/plugin.yml:6:3', 'plugins/c/plugin.yml:5:3']);
  });

  it('locates config errors at the offending value, and flags a literal secret but not an env reference', () => {
    const manifest = localPlugin('com.test.notifier', { 'com.objectstack.queue': '*' }, `configuration:
  properties:
    channel: { type: string, enum: [email, sms] }
    apiKey: { type: string, secret: true }
    token: { type: string, secret: true }
`);
    const { found, diagnostics } = stack(
      {
        'objectstack.yaml': `${HEADER}${BUILTINS}  - path: ./plugins/notifier
    config:
      channel: fax
      apiKey: sk_live_123
      token: \${env:NOTIFIER_TOKEN}
      chanel: sms
`,
        'plugins/notifier/plugin.yml': manifest,
        'plugins/notifier/index.ts': 'export default {};\n',
      },
      { NOTIFIER_TOKEN: 'from-env' },
    );
    expect(found.filter((line) => !line.endsWith('OS2102'))).toEqual([
      'objectstack.yaml:11:16 OS2006',
      'objectstack.yaml:12:15 OS2008',
      'objectstack.yaml:14:7 OS2007',
    ]);
    expect(diagnostics.find((d) => d.code === 'OS2007')!.hint).toBe('did you mean "channel"?');
  });

  it('reports an object defined in two included files with both locations', () => {
    const object = 'fields:\n  name: { type: text }\n';
    const { found, diagnostics, where } = stack({
      'objectstack.yaml': `${HEADER}${BUILTINS}include: ["objects/**/*.object.yml"]\n`,
      'objects/account.object.yml': object,
      'objects/legacy/account.object.yml': `label: Legacy\n${object}`,
    });
    expect(found.filter((line) => !line.endsWith('OS2102'))).toEqual(['objects/legacy/account.object.yml:1:1 OS3008']);
    expect(where(diagnostics.find((d) => d.code === 'OS3008')!.related![0]!)).toBe('objects/account.object.yml:1:1');
  });

  it('does not repeat an invalid object file as unknown references to it', () => {
    const { found } = stack({
      'objectstack.yaml': `${HEADER}${BUILTINS}include: ["objects/*.object.yml"]
permissions:
  sales:
    objects: { account: { allowRead: true } }
`,
      'objects/account.object.yml': 'fields:\n  name: { type: txet }\n',
      'objects/contact.object.yml': 'fields:\n  account: { type: lookup, reference: account }\n',
    });
    expect(found.filter((line) => !line.endsWith('OS2102'))).toEqual([expect.stringMatching(/^objects\/account\.object\.yml:2:\d+ OS12\d\d$/)]);
  });

  it('locates a reference typo in an included file at its value', () => {
    const { found, diagnostics } = stack({
      'objectstack.yaml': `${HEADER}${BUILTINS}include: ["objects/*.object.yml"]\n`,
      'objects/account.object.yml': 'fields:\n  name: { type: text }\n',
      'objects/contact.object.yml': 'fields:\n  name: { type: text }\n  account:\n    type: lookup\n    reference: acount\n',
    });
    expect(found.filter((line) => !line.endsWith('OS2102'))).toEqual(['objects/contact.object.yml:5:16 OS3001']);
    expect(diagnostics.find((d) => d.code === 'OS3001')!.hint).toBe('did you mean "account"?');
  });
});
