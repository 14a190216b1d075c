import type { Command } from './command.js';

export function mainHelp(commands: readonly Command[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `objectstack ${version}: declarative stack compiler and runtime`,
    '',
    'Usage: objectstack <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     Show help (also: objectstack <command> --help)',
    '  -v, --version  Show the version',
    '',
    'Exit codes: 0 ok, 1 problems found or operation failed, 2 usage error.',
    '',
  ].join('\n');
}

export function commandHelp(command: Command): string {
  const options = Object.entries(command.options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.placeholder ? ` <${spec.placeholder}>` : ''}`;
    return [flag, spec.description] as const;
  });
  options.push(['-h, --help', 'Show this help']);
  const width = Math.max(...options.map(([flag]) => flag.length));
  return [
    `Usage: objectstack ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:',
    ...options.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`),
    '',
  ].join('\n');
}
