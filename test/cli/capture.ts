import { main } from '../../compiler/cli/main.js';

/** Runs the CLI in-process with captured output; `tty` makes stdout claim to be a terminal. */
export async function run(argv: readonly string[], cwd: string, env: Record<string, string> = {}, tty = false) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text), isTTY: tty },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    cwd,
    env,
  });
  return { code, stdout, stderr };
}
