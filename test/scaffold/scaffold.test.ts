import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../compiler/cli/main.js';
import type { CliIO } from '../../compiler/cli/io.js';
import { ensureCompiledRuntime, linkObjectstack, typecheck } from '../build/support/consumer-project.js';
import { REPO_ROOT } from '../build/support/temp-stack.js';

let root: string;
let project: string;

beforeAll(() => {
  ensureCompiledRuntime();
  root = mkdtempSync(join(tmpdir(), 'objectstack-init-'));
  project = join(root, 'my-app');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: root,
    env: { NO_COLOR: '1' },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('objectstack init and plugin create', () => {
  it('init scaffolds a project that validates and builds without edits', async () => {
    const init = await cli(['init', 'my-app']);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('created objectstack.yaml');
    expect(readFileSync(join(project, 'objectstack.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/node_modules\/objectstack\/schemas\/objectstack\.schema\.json\n/);
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.objectstack).toMatch(/^\^\d+\.\d+\.\d+$/);

    const validate = await cli(['validate', 'my-app']);
    expect(validate.stdout).toMatch(/^0 errors/m);
    expect(validate.code).toBe(0);
    const build = await cli(['build', 'my-app']);
    expect(build.code, build.stdout).toBe(0);
    expect(build.stdout).toMatch(/built my-app\/generated\/ in \d+ ms: added/);
  });

  it('plugin create scaffolds a plugin that builds into the bootstrap, type-checks, and whose test passes', async () => {
    const create = await cli(['plugin', 'create', 'com.acme.greeter', '--dir', 'my-app']);
    expect(create.code, create.stderr).toBe(0);
    expect(create.stdout).toContain('created plugins/greeter/index.ts');
    const stackFile = join(project, 'objectstack.yaml');
    writeFileSync(stackFile, readFileSync(stackFile, 'utf8').replace('plugins:\n', 'plugins:\n  - path: ./plugins/greeter\n    config:\n      greeting: Hey\n'));

    const build = await cli(['build', 'my-app']);
    expect(build.code, build.stdout).toBe(0);
    const bootstrap = readFileSync(join(project, 'generated/bootstrap.ts'), 'utf8');
    expect(bootstrap).toContain('import greeterPlugin from "../plugins/greeter/index.js";');
    expect(bootstrap).toContain('greeting: "Hey",');

    linkObjectstack(project, ['vitest']);
    const files = ['generated/bootstrap.ts', 'plugins/greeter/index.ts', 'plugins/greeter/index.test.ts'];
    const checked = typecheck(project, files);
    expect(checked.output).toBe('');
    expect(checked.status).toBe(0);

    const test = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', project, 'plugins/greeter'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    });
    expect(test.stdout + test.stderr).toMatch(/1 passed/);
    expect(test.status).toBe(0);
  });

  it('refuses to overwrite existing files, naming the file, and writes nothing', async () => {
    const before = readFileSync(join(project, 'objectstack.yaml'), 'utf8');
    const again = await cli(['init', 'my-app']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('error OS5101: my-app/objectstack.yaml already exists; nothing was written');
    expect(readFileSync(join(project, 'objectstack.yaml'), 'utf8')).toBe(before);

    const plugin = await cli(['plugin', 'create', 'com.other.greeter', '--dir', 'my-app']);
    expect(plugin.code).toBe(1);
    expect(plugin.stderr).toContain('my-app/plugins/greeter/plugin.yml already exists');
  });

  it('rejects a plugin id that is not reverse-DNS', async () => {
    const bad = await cli(['plugin', 'create', 'Greeter', '--dir', 'my-app']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('error OS5102: "Greeter" is not a plugin id');
  });
});
