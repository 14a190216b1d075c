import { ApiKeyTable } from './api-keys.js';
import { AuthError } from './auth-error.js';
import type { AuthPluginConfig } from './config.js';
import type { Identity, RequestHeaders } from './identity.js';
import { JwtVerifier } from './jwt.js';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * The `auth` service: turns a request's credentials into an `Identity`. An API key travels in the configured header
 * (`x-api-key`), a JWT as `Authorization: Bearer <token>`. No credentials → anonymous (undefined); credentials that
 * do not verify → `AuthError` (401), never a silent fallback to anonymous.
 */
export class AuthService {
  private readonly apiKeys: ApiKeyTable;
  private readonly jwt: JwtVerifier;
  private readonly apiKeyHeader: string;

  constructor(private readonly config: AuthPluginConfig) {
    this.apiKeys = new ApiKeyTable(config.apiKeys);
    this.jwt = new JwtVerifier({
      ...(config.jwtSecret !== undefined && { secret: config.jwtSecret }),
      ...(config.jwtPublicKey !== undefined && { publicKey: config.jwtPublicKey }),
    });
    this.apiKeyHeader = config.apiKeyHeader.toLowerCase();
  }

  /** Whether any credential can be verified at all (some API key or a JWT key). */
  get configured(): boolean {
    return this.apiKeys.size > 0 || this.jwt.configured;
  }

  authenticate(headers: RequestHeaders): Identity | undefined {
    const key = single(headers[this.apiKeyHeader]);
    if (key !== undefined) {
      const name = this.apiKeys.nameOf(key);
      if (name === undefined) throw new AuthError(`Unknown API key in the ${this.apiKeyHeader} header`);
      return { method: 'apiKey', apiKey: name, claims: {} };
    }
    const authorization = single(headers.authorization);
    if (authorization === undefined) return undefined;
    const token = BEARER.exec(authorization)?.[1];
    if (token === undefined) throw new AuthError('Unsupported Authorization header: send "Bearer <jwt>" or an API key');
    if (!this.jwt.configured) throw new AuthError('Bearer tokens are not accepted: no JWT key is configured');
    const claims = this.jwt.verify(token);
    const userId = claims[this.config.userIdClaim];
    return { method: 'jwt', claims, ...(typeof userId === 'string' && { userId }) };
  }
}

function single(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}
