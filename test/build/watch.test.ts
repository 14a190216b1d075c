import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompiledCli } from './support/consumer-project.js';
import { REPO_ROOT, copyStack } from './support/temp-stack.js';

let child: ChildProcessWithoutNullStreams | undefined;
let cleanup: (() => void) | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  cleanup?.();
});
beforeAll(() => ensureCompiledCli());

/** Collects stdout and resolves once it matches `pattern` after `from` (an offset), failing after a timeout. */
function waitFor(output: { text: string }, pattern: RegExp, from: number, timeoutMs = 20_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const match = pattern.exec(output.text.slice(from));
      if (match) {
        clearInterval(poll);
        resolve(from + match.index + match[0].length);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error(`timed out waiting for ${pattern}; output so far:\n${output.text}`));
      }
    }, 25);
  });
}

describe('objectstack build --watch', () => {
  it('rebuilds on change, reports errors and keeps running, and exits 0 on Ctrl-C', async () => {
    const todo = copyStack('todo');
    cleanup = todo.cleanup;
    child = spawn(process.execPath, [join(REPO_ROOT, 'bin/objectstack.js'), 'build', '--watch'], { cwd: todo.dir, env: { ...process.env, NO_COLOR: '1' } });
    const output = { text: '' };
    child.stdout.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));

    let at = await waitFor(output, /built generated\/ in \d+ ms: added \d+.*\nwatching for changes/, 0);
    expect(existsSync(join(todo.dir, 'generated/bootstrap.ts'))).toBe(true);

    const original = readFileSync(todo.stackFile, 'utf8');
    writeFileSync(todo.stackFile, original.replace('      color:\n', '      note:\n        type: text\n      color:\n'));
    at = await waitFor(output, /changed: objectstack\.yaml\nbuilt generated\/ in \d+ ms: rewrote \d+ \([^)]*objects\.json[^)]*\)/, at);

    writeFileSync(todo.stackFile, original.replace('type: text', 'type: txet'));
    at = await waitFor(output, /error OS\d+[\s\S]*build failed in \d+ ms: nothing written to generated\/\nwatching for changes/, at);

    writeFileSync(todo.stackFile, original);
    at = await waitFor(output, /built generated\/ in \d+ ms: rewrote/, at);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
