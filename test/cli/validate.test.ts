import { describe, expect, it } from 'vitest';
import { useTempStacks } from '../load/temp-stack.js';
import { COMPLETE_STACK, run } from './capture.js';

const writeStack = useTempStacks();

const VALID = {
  ...COMPLETE_STACK,
  'objectstack.yaml': `${COMPLETE_STACK['objectstack.yaml']}include: [objects/*.object.yml]\n`,
  'objects/account.object.yml': 'fields:\n  name: { type: text }\n' };
const WARNING_ONLY = { ...VALID, 'objects/account.object.yml': 'fields:\n  owner: { type: lookup, reference_to: account }\n' };
const BROKEN = { ...VALID, 'objects/account.object.yml': 'fields:\n  owner: { type: lookup, reference_to: account }\n  name: { type: text, lable: Name }\n' };

describe('objectstack validate', () => {
  it('exits 0 for a valid stack found in the cwd', async () => {
    const result = await run(['validate'], writeStack(VALID));
    expect(result).toEqual({ code: 0, stdout: '0 errors, 0 warnings\n', stderr: '' });
  });

  it('exits 0 with warnings, and 1 with errors, printing paths relative to the cwd', async () => {
    expect((await run(['validate'], writeStack(WARNING_ONLY))).code).toBe(0);
    const broken = await run(['validate', '.'], writeStack(BROKEN));
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^objects\/account\.object\.yml:2:26: warning OS1210: /);
    expect(broken.stdout).toContain('objects/account.object.yml:3:23: error OS1201: Unknown key "lable"');
    expect(broken.stdout).toMatch(/\n1 error, 1 warning\n$/);
  });

  it('takes a path to the stack file or its folder', async () => {
    const dir = writeStack({ 'app/objectstack.yaml': COMPLETE_STACK['objectstack.yaml'], 'app/core.js': '' });
    expect((await run(['validate', 'app'], dir)).code).toBe(0);
    expect((await run(['validate', 'app/objectstack.yaml'], dir)).code).toBe(0);
    const missing = await run(['validate', 'nowhere.yaml'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('nowhere.yaml:1:1: error OS1006');
  });

  it('prints only errors with --quiet', async () => {
    const result = await run(['validate', '--quiet'], writeStack(BROKEN));
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('OS1210');
    expect(result.stdout).toMatch(/\n1 error, 0 warnings\n$/);
  });

  it('prints one JSON document with --format json', async () => {
    const result = await run(['validate', '--format', 'json'], writeStack(BROKEN));
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { diagnostics: { code: string; file: string; line: number }[]; counts: unknown };
    expect(report.counts).toEqual({ errors: 1, warnings: 1, infos: 0 });
    expect(report.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['OS1210', 'objects/account.object.yml', 2],
      ['OS1201', 'objects/account.object.yml', 3],
    ]);
  });

  it('colours on a terminal unless NO_COLOR is set', async () => {
    const dir = writeStack(BROKEN);
    expect((await run(['validate'], dir, {}, true)).stdout).toContain('\u001b[');
    expect((await run(['validate'], dir, { NO_COLOR: '1' }, true)).stdout).not.toContain('\u001b[');
  });

  it('reads environment references from the environment it is given', async () => {
    const dir = writeStack({
      ...COMPLETE_STACK,
      'objectstack.yaml': `${COMPLETE_STACK['objectstack.yaml']}datasources:\n  default: { driver: postgres, url: "\${env:DATABASE_URL}" }\n`,
    });
    const missing = await run(['validate'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('error OS1102: Environment variable DATABASE_URL is not set');
    expect((await run(['validate'], dir, { DATABASE_URL: 'postgres://127.0.0.1/test' })).code).toBe(0);
  });
});
