import { relative, resolve } from 'node:path';
import { packageVersion } from '../build/package-version.js';
import { projectFiles, writeNewFiles, type ScaffoldResult } from '../scaffold/index.js';
import type { Command } from './command.js';
import type { CliIO } from './io.js';

export const initCommand: Command = {
  name: 'init',
  summary: 'Create a new project: objectstack.yaml, one object, package.json and a README',
  usage: 'init [dir]   (default: the current folder; existing files are never overwritten)',
  arity: [0, 1],
  options: {},
  async run({ positionals }, io) {
    const dir = resolve(io.cwd, positionals[0] ?? '.');
    const result = writeNewFiles(dir, projectFiles({ dir, objectstackVersion: packageVersion() }));
    if (!reportScaffold(result, io)) return 1;
    const where = relative(io.cwd, dir) || '.';
    io.stdout.write(`next: cd ${where} && npm install && npx objectstack build\n`);
    return 0;
  },
};

/** Lists what was created, or names the file that blocked the scaffold (OS5101). Returns whether it succeeded. */
export function reportScaffold(result: ScaffoldResult, io: CliIO): boolean {
  if (!result.ok) {
    io.stderr.write(
      `error OS5101: ${relative(io.cwd, result.existing) || result.existing} already exists; nothing was written\n` +
        '  hint: scaffold into a new or empty folder, or move that file away\n',
    );
    return false;
  }
  for (const path of result.written) io.stdout.write(`created ${path}\n`);
  return true;
}
