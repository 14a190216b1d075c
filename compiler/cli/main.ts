import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suggestion } from '../diagnostics/did-you-mean.js';
import { packageRoot } from '../load/package-root.js';
import { parseArgs, UsageError } from './args.js';
import { COMMANDS } from './commands.js';
import { commandHelp, mainHelp } from './help.js';
import { processIO } from './io.js';
import type { CliIO } from './io.js';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** The `objectstack` command line. Resolves to the process exit code; never throws for a user mistake. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`error ${error.code}: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ''}  run \`objectstack --help\` for usage\n`);
    return EXIT_USAGE;
  }
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const command = first === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write(command ? commandHelp(command) : mainHelp(COMMANDS, version()));
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${version()}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    const names = COMMANDS.map((c) => c.name);
    const what = first.startsWith('-') ? `Unknown option ${first}` : `Unknown command ${first}`;
    throw new UsageError(first.startsWith('-') ? 'OS9002' : 'OS9001', what, suggestion(first, names) ?? `commands: ${names.join(', ')}`);
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(commandHelp(command));
    return EXIT_OK;
  }
  const args = parseArgs(rest, command.options);
  const [min, max] = command.arity;
  if (args.positionals.length < min || args.positionals.length > max) {
    const expected = min === max ? `${min}` : min === 0 ? `at most ${max}` : `${min} to ${max}`;
    const message = `${command.name} takes ${expected} argument${max === 1 ? '' : 's'}, got ${args.positionals.length}`;
    throw new UsageError('OS9003', message, `usage: objectstack ${command.usage}`);
  }
  return command.run(args, io);
}

function version(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}
