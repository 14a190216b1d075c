import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempStacks } from '../load/temp-stack.js';
import { COMPLETE_STACK } from './capture.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/objectstack.js', import.meta.url));
const writeStack = useTempStacks();

function objectstack(args: readonly string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The installed command: bin/objectstack.js runs the compiled CLI from dist/.
describe('bin/objectstack.js', () => {
  beforeAll(() => {
    // Type errors elsewhere in the tree do not stop tsc from emitting; the check below is what matters here.
    spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    expect(existsSync(fileURLToPath(new URL('../../dist/compiler/cli/main.js', import.meta.url)))).toBe(true);
  }, 120_000);

  it('exits 0 for a valid stack, 1 for errors, 2 for usage mistakes', () => {
    const valid = writeStack(COMPLETE_STACK);
    expect(objectstack(['validate'], valid)).toMatchObject({ code: 0, stdout: '0 errors, 0 warnings\n' });
    const broken = writeStack({ ...COMPLETE_STACK, 'objectstack.yaml': `${COMPLETE_STACK['objectstack.yaml']}systm: {}\n` });
    const failed = objectstack(['validate'], broken);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('objectstack.yaml:8:1: error OS1201: Unknown key "systm"');
    expect(failed.stdout).toContain('hint: did you mean "system"?');
    const usage = objectstack(['validate', '--fromat', 'json'], valid);
    expect(usage.code).toBe(2);
    expect(usage.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints parseable JSON with --format json', () => {
    const broken = writeStack({ ...COMPLETE_STACK, 'objectstack.yaml': `${COMPLETE_STACK['objectstack.yaml']}systm: {}\n` });
    const result = objectstack(['validate', '--format', 'json'], broken);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ counts: { errors: 1, warnings: 0, infos: 0 }, diagnostics: [{ code: 'OS1201', file: 'objectstack.yaml', line: 8 }] });
  });

  it('explains a code', () => {
    const result = objectstack(['explain', 'OS1102'], ROOT);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^OS1102: Environment variable not set \(error\)/);
  });
});
