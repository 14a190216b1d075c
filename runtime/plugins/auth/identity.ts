import type { JwtClaims } from './jwt.js';

/** Who sent a request, as established by the auth service. */
export interface Identity {
  readonly method: 'apiKey' | 'jwt';
  /** The user id (JWT `sub` or the configured claim); API keys act without a user. */
  readonly userId?: string;
  /** Name of the API key used (as listed in the auth config and in permission sets' `assignedTo.apiKeys`). */
  readonly apiKey?: string;
  /** The JWT claims; empty for an API key. */
  readonly claims: JwtClaims;
}

/** Request headers as Node gives them. */
export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;
