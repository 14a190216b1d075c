import { DATA_ERROR_STATUS, type DataErrorCode, type DataErrorDetail } from './types.js';

/**
 * Every failure the engine reports for a caller's mistake: a code with its HTTP status, a one-line message (what,
 * where, how to fix) and per-field details. The HTTP layer serialises `{ code, message, details }` with `status`.
 * Anything else thrown by the engine is a bug or an unavailable database, never bad input.
 */
export class DataError extends Error {
  readonly status: number;

  constructor(
    readonly code: DataErrorCode,
    message: string,
    readonly details: readonly DataErrorDetail[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'DataError';
    this.status = DATA_ERROR_STATUS[code];
  }

  toJSON(): { code: DataErrorCode; message: string; details: readonly DataErrorDetail[] } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isDataError(error: unknown): error is DataError {
  return error instanceof DataError;
}
