import type { CodeSection } from './entry.js';

/** OS90xx command line usage. */
export const cliCodes = {
  OS9001: {
    severity: 'error',
    title: 'Unknown command',
    explanation: 'The first argument is not an objectstack command.',
    example: 'objectstack valdate',
    fix: 'Run `objectstack --help` for the list of commands.',
  },
  OS9002: {
    severity: 'error',
    title: 'Invalid option',
    explanation: 'An option is unknown, misses its value, or is given a value it does not accept.',
    example: 'objectstack validate --fromat json',
    fix: 'Run `objectstack <command> --help` for the options of the command.',
  },
  OS9003: {
    severity: 'error',
    title: 'Wrong number of arguments',
    explanation: 'The command needs a different number of positional arguments.',
    example: 'objectstack explain',
    fix: 'Run `objectstack <command> --help` for its usage.',
  },
  OS9004: {
    severity: 'error',
    title: 'Unknown diagnostic code',
    explanation: '`objectstack explain` was given a code that is not in the catalogue.',
    example: 'objectstack explain OS1299',
    fix: 'Use a code printed by objectstack (codes look like OS1201).',
  },
} as const satisfies CodeSection;
