import type { DiagnosticCode } from '../diagnostics/catalogue.js';

/** A write that was refused or failed; the previous output directory is intact. Carries its catalogue code. */
export class OutputWriteError extends Error {
  override readonly name = 'OutputWriteError';
  constructor(
    readonly code: Extract<DiagnosticCode, 'OS5001' | 'OS5002'>,
    message: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
