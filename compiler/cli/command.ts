import type { OptionSpecs, ParsedArgs } from './args.js';
import type { CliIO } from './io.js';

/** One CLI command: a thin layer over the library API. Register it in commands.ts. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** e.g. `validate [path]` */
  readonly usage: string;
  readonly options: OptionSpecs;
  /** Positional arguments accepted: [min, max]. */
  readonly arity: readonly [number, number];
  /** Resolves to the exit code: 0 ok, 1 problems found or operation failed. Usage errors throw UsageError. */
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}
