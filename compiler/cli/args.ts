import { suggestion } from '../diagnostics/did-you-mean.js';
import type { DiagnosticCode } from '../diagnostics/catalogue.js';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Allowed values of a string option. */
  readonly choices?: readonly string[];
  readonly description: string;
  /** Shown in help as `--name <placeholder>`. */
  readonly placeholder?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** A mistake on the command line: printed as a diagnostic with a hint, exit code 2, never a stack trace. */
export class UsageError extends Error {
  constructor(
    readonly code: DiagnosticCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `--name value`, `--name=value`, `-n value`, boolean flags, and `--` ending the options. */
export function parseArgs(argv: readonly string[], specs: OptionSpecs): ParsedArgs {
  const options: Record<string, string | boolean | undefined> = {};
  const positionals: string[] = [];
  const byShort = new Map(Object.entries(specs).flatMap(([name, spec]) => (spec.short ? [[spec.short, name] as const] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [flag = '', inline] = splitOnce(arg, '=');
    const name = flag.startsWith('--') ? flag.slice(2) : byShort.get(flag.slice(1));
    const spec = name === undefined ? undefined : specs[name];
    if (name === undefined || !spec) {
      const hint = suggestion(flag.replace(/^-+/, ''), Object.keys(specs));
      throw new UsageError('OS9002', `Unknown option ${flag}`, hint?.replace(/"(.*)"/, '--$1'));
    }
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError('OS9002', `Option --${name} takes no value`);
      options[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('-'))) {
      throw new UsageError('OS9002', `Option --${name} needs a value`, spec.choices && `one of ${spec.choices.join(', ')}`);
    }
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError('OS9002', `Invalid value "${value}" for --${name}`, suggestion(value, spec.choices) ?? `one of ${spec.choices.join(', ')}`);
    }
    options[name] = value;
  }
  return { options, positionals };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
