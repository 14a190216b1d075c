import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './temp-stack.js';

/**
 * A project folder that depends on this objectstack checkout the way a user's project does (node_modules/objectstack
 * → the repository), so `objectstack/runtime` resolves through package.json `exports` to the compiled declarations.
 */
export function linkObjectstack(projectDir: string, alsoLink: readonly string[] = []): void {
  mkdirSync(join(projectDir, 'node_modules'), { recursive: true });
  symlinkSync(REPO_ROOT, join(projectDir, 'node_modules', 'objectstack'), 'dir');
  for (const name of alsoLink) symlinkSync(join(REPO_ROOT, 'node_modules', name), join(projectDir, 'node_modules', name), 'dir');
  if (!existsSync(join(projectDir, 'package.json'))) {
    writeFileSync(join(projectDir, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' })}\n`);
  }
}

/** The compiled runtime declarations `objectstack/runtime` resolves to; built once when missing (CI builds first). */
export function ensureCompiledRuntime(): void {
  if (existsSync(join(REPO_ROOT, 'dist/runtime/index.d.ts'))) return;
  spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(REPO_ROOT, 'tsconfig.build.json')], {
    cwd: REPO_ROOT,
  });
}

/** Runs the real `tsc --noEmit` (strict, NodeNext, as this repository) over `files`; returns its exit code and output. */
export function typecheck(projectDir: string, files: readonly string[]): { status: number | null; output: string } {
  const tsconfig = {
    compilerOptions: {
      target: 'ES2023',
      lib: ['ES2023'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
      typeRoots: [join(REPO_ROOT, 'node_modules/@types')],
    },
    files,
  };
  writeFileSync(join(projectDir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(projectDir, 'tsconfig.json')], {
    cwd: projectDir,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The CLI runs from dist/; CI compiles before testing, a local run compiles here when the build command is missing. */
export function ensureCompiledCli(): void {
  if (existsSync(join(REPO_ROOT, 'dist/compiler/cli/build.js'))) return;
  spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(REPO_ROOT, 'tsconfig.build.json')], {
    cwd: REPO_ROOT,
  });
}
