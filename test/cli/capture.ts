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

/** A stack file that resolves cleanly: one inline plugin provides every core service. */
export const COMPLETE_STACK = {
  'objectstack.yaml': `manifest:
  id: com.acme.test
  name: Test
  version: 1.0.0
plugins:
  - manifest: { id: com.acme.core, name: Core, version: 1.0.0, providesServices: [data, metadata, auth, cache, queue, job, i18n] }
    module: core.js
`,
  'core.js': 'export default {};\n',
};
