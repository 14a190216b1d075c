/**
 * The compiler's library API. Every CLI command is a thin layer over these functions, so everything the CLI does is
 * also usable from code and tests.
 */
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { locate } from './diagnostics/locate.js';
import type { LoadedStack } from './load/loaded-stack.js';
import { loadStack } from './load/load-stack.js';
import type { LoadOptions } from './load/load-stack.js';
import { resolveStack } from './resolve/index.js';
import type { StackIR } from './ir/types.js';
import { validateStack } from './validate/validate-stack.js';
import type { ValidatedStack } from './validate/validated-stack.js';

export { loadStack, validateStack, resolveStack, locate };
export type { LoadOptions, LoadedStack, ValidatedStack, Diagnostic, StackIR };
export { renderJson, renderText, shouldUseColor, summaryLine } from './diagnostics/render.js';
export type { RenderOptions } from './diagnostics/render.js';

export interface CheckResult {
  /** Every problem found, located, in stable order. */
  readonly diagnostics: readonly Diagnostic[];
  readonly validated: ValidatedStack;
  /** The resolved, frozen IR; absent when any error was found. */
  readonly ir?: StackIR;
  /** The source texts, for code frames. */
  readonly source: (file: string) => string | undefined;
}

/** load → validate → resolve → locate: everything `objectstack validate` reports. */
export function checkStack(entryPath: string, options: LoadOptions = {}): CheckResult {
  return checkLoaded(loadStack(entryPath, options));
}

/** validate → resolve → locate of a stack already loaded (the build starts its second thread in between). */
export function checkLoaded(loaded: LoadedStack): CheckResult {
  const validated = validateStack(loaded);
  const resolved = resolveStack(validated, { fromEnvironment: loaded.fromEnvironment });
  const diagnostics = locate([...validated.diagnostics, ...resolved.diagnostics], loaded.positions);
  return { diagnostics, validated, ...(resolved.ir && { ir: resolved.ir }), source: (file) => loaded.positions.text(file) };
}
