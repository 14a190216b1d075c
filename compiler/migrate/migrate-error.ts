import type { DiagnosticCode } from '../diagnostics/catalogue.js';

/** A failure the user can act on: rendered as a diagnostic (code, message, file, hint), never as a stack trace. */
export class MigrateError extends Error {
  readonly file: string | undefined;
  readonly hint: string | undefined;

  constructor(
    readonly code: DiagnosticCode,
    message: string,
    options: { readonly file?: string; readonly hint?: string } = {},
  ) {
    super(message);
    this.name = 'MigrateError';
    this.file = options.file;
    this.hint = options.hint;
  }
}
