import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { run } from './capture.js';

const cwd = tmpdir();

describe('usage errors exit 2 with a located hint, never a stack trace', () => {
  it.each([
    [['valdate'], 'error OS9001: Unknown command valdate', 'did you mean "validate"?'],
    [['validate', '--fromat', 'json'], 'error OS9002: Unknown option --fromat', 'did you mean --format?'],
    [['validate', '--format', 'xml'], 'error OS9002: Invalid value "xml" for --format', 'one of text, json'],
    [['validate', '--format'], 'error OS9002: Option --format needs a value', 'one of text, json'],
    [['validate', 'a', 'b'], 'error OS9003: validate takes at most 1 argument, got 2', 'usage: objectstack validate'],
    [['explain'], 'error OS9003: explain takes 1 argument, got 0', 'usage: objectstack explain'],
    [['explain', 'OS1299'], 'error OS9004: Unknown diagnostic code OS1299', 'did you mean "OS12'],
    [['--verbose'], 'error OS9002: Unknown option --verbose', 'commands: '],
  ])('%j', async (argv, message, hint) => {
    const result = await run(argv, cwd);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain(hint);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('help, version and explain', () => {
  it('prints the command list for --help and exits 2 without a command', async () => {
    const help = await run(['--help'], cwd);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^objectstack \d+\.\d+\.\d+/);
    expect(help.stdout).toMatch(/\n {2}validate +Check a stack/);
    expect(help.stdout).toMatch(/\n {2}explain +Explain a diagnostic code/);
    expect((await run([], cwd)).code).toBe(2);
  });

  it('prints the options of a command', async () => {
    const help = await run(['validate', '--help'], cwd);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: objectstack validate [path]');
    expect(help.stdout).toContain('--format <text|json>');
    expect(help.stdout).toContain('-q, --quiet');
  });

  it('prints the package version', async () => {
    expect(await run(['--version'], cwd)).toEqual({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/), stderr: '' });
  });

  it('explains a code with its title, explanation, example and fix; case and prefix optional', async () => {
    const result = await run(['explain', 'os1201'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^OS1201: Unknown key \(error\)\n\n.+\n\nExample:\n {4}fields:\n/);
    expect(result.stdout).toContain('\nFix: Use one of the allowed keys');
    expect((await run(['explain', '1201'], cwd)).stdout).toBe(result.stdout);
  });
});
