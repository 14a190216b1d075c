import { renderText, shouldUseColor } from '../diagnostics/render.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { MigrateError } from './migrate-error.js';
import { errorDiagnostic } from './report.js';
import type { CliIO } from '../cli/io.js';

/** Prints diagnostics with the shared renderer (code frames for YAML places). */
export function printDiagnostics(
  io: CliIO,
  diagnostics: readonly Diagnostic[],
  source: (file: string) => string | undefined = () => undefined,
): void {
  if (diagnostics.length === 0) return;
  io.stderr.write(renderText(diagnostics, { cwd: io.cwd, color: shouldUseColor(io.stderr, io.env), source }));
}

/** Runs a diff or migrate action; a MigrateError becomes a rendered diagnostic and exit code 1, never a stack trace. */
export async function reportingErrors(io: CliIO, fallbackFile: string, action: () => Promise<number>): Promise<number> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof MigrateError)) throw error;
    printDiagnostics(io, [errorDiagnostic(error, fallbackFile)]);
    return 1;
  }
}
