import type { DataErrorDetail } from '../data/engine/types.js';
import { isDataError } from '../data/engine/errors.js';
import { isAuthError } from '../plugins/auth/auth-error.js';

/** The JSON body of every error answer, REST and transport-level alike. */
export interface ErrorBody {
  readonly code: string;
  readonly message: string;
  readonly details: readonly DataErrorDetail[];
}

/** A mistake in the request the HTTP layer itself detects (unknown object, bad query parameter, wrong body shape). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly DataErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function badRequest(message: string, details: readonly DataErrorDetail[] = []): HttpError {
  return new HttpError(400, 'bad_request', message, details);
}

/** Fastify's own client-error codes, with what we answer and how to fix it. */
const FASTIFY_ERRORS: Readonly<Record<string, { status: number; code: string; message: string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'Request body is larger than the server accepts' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'Unsupported Content-Type: send the body as application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request', message: 'Content-Length does not match the body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'bad_request',
    message: 'Empty body with Content-Type application/json: send a JSON value or drop the header',
  },
};

/** PostgreSQL "data exception" SQLSTATEs (class 22). */
const POSTGRES_DATA_EXCEPTION = /^22[0-9A-Z]{3}$/;

/** An unexpected failure: answered 500 without internals, and logged by the caller. */
export interface ErrorAnswer {
  readonly status: number;
  readonly body: ErrorBody;
  readonly unexpected: boolean;
}

/**
 * One mapping from anything thrown while handling a request to the status and body the client gets. Every
 * caller mistake lands in a 4xx with a message saying what to fix; only real faults (a bug, the database gone)
 * become 500.
 */
export function errorAnswer(error: unknown): ErrorAnswer {
  if (isDataError(error) || error instanceof HttpError) {
    return { status: error.status, body: { code: error.code, message: error.message, details: error.details }, unexpected: false };
  }
  if (isAuthError(error)) return { status: 401, body: { code: error.code, message: error.message, details: [] }, unexpected: false };
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const known = typeof code === 'string' ? FASTIFY_ERRORS[code] : undefined;
    if (known) return { status: known.status, body: { code: known.code, message: known.message, details: [] }, unexpected: false };
    if (typeof code === 'string' && POSTGRES_DATA_EXCEPTION.test(code) && 'severity' in error) {
      // SQLSTATE class 22 is PostgreSQL refusing a value (a NUL character, an out-of-range number): the request's data.
      const message = `A value in the request cannot be stored or compared: ${error.message}`;
      return { status: 400, body: { code: 'bad_request', message, details: [{ problem: error.message }] }, unexpected: false };
    }
    const status = (error as { statusCode?: unknown }).statusCode;
    if (error instanceof SyntaxError || (typeof status === 'number' && status >= 400 && status < 500)) {
      const message = error instanceof SyntaxError ? `Malformed JSON body: ${error.message}` : error.message;
      return { status: typeof status === 'number' ? status : 400, body: { code: 'bad_request', message, details: [] }, unexpected: false };
    }
  }
  return { status: 500, body: { code: 'internal_error', message: 'Internal server error; the server log has the details', details: [] }, unexpected: true };
}
