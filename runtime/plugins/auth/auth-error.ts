/**
 * Credentials that were sent but are not valid (bad signature, expired token, unknown API key). The HTTP layer
 * answers 401 with this message; it never says which part of a secret was wrong.
 */
export class AuthError extends Error {
  readonly status = 401;
  readonly code = 'unauthorized';

  constructor(message: string) {
    super(message);
    this.name = 'AuthError';
  }
}

export function isAuthError(error: unknown): error is AuthError {
  return error instanceof AuthError;
}
