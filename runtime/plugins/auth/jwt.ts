import { createHmac, createPublicKey, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import { AuthError } from './auth-error.js';

/** A JWT payload: claims by name, as JSON. */
export type JwtClaims = Readonly<Record<string, unknown>>;

export interface JwtKeys {
  /** HS256 shared secret. */
  readonly secret?: string;
  /** RS256 public key (PEM). */
  readonly publicKey?: string;
}

/** Tolerated clock difference between the token issuer and this server. */
const CLOCK_SKEW_SECONDS = 30;

/**
 * Verifies a compact JWS (`header.payload.signature`) signed HS256 or RS256 and returns its claims. The algorithm
 * must be one a configured key can check: a token cannot pick `none`, nor make an RS256 public key act as an HMAC
 * secret. `exp` and `nbf` are enforced.
 */
export class JwtVerifier {
  private readonly publicKey: KeyObject | undefined;

  constructor(private readonly keys: JwtKeys) {
    this.publicKey = keys.publicKey === undefined ? undefined : createPublicKey(keys.publicKey);
  }

  get configured(): boolean {
    return this.keys.secret !== undefined || this.publicKey !== undefined;
  }

  verify(token: string, nowSeconds: number = Date.now() / 1000): JwtClaims {
    const parts = token.split('.');
    if (parts.length !== 3) throw new AuthError('Malformed bearer token: a JWT has three dot-separated parts');
    const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
    const header = decodeJson(headerPart, 'header');
    const signed = Buffer.from(`${headerPart}.${payloadPart}`);
    const signature = Buffer.from(signaturePart, 'base64url');
    if (!this.signatureMatches(header.alg, signed, signature))
      throw new AuthError('Invalid bearer token: signature does not verify');
    const claims = decodeJson(payloadPart, 'payload');
    checkTimes(claims, nowSeconds);
    return claims;
  }

  private signatureMatches(alg: unknown, signed: Buffer, signature: Buffer): boolean {
    if (alg === 'HS256' && this.keys.secret !== undefined) {
      const expected = createHmac('sha256', this.keys.secret).update(signed).digest();
      return expected.length === signature.length && timingSafeEqual(expected, signature);
    }
    if (alg === 'RS256' && this.publicKey !== undefined) return verify('RSA-SHA256', signed, this.publicKey, signature);
    throw new AuthError(`Invalid bearer token: algorithm ${JSON.stringify(alg)} is not accepted (${this.accepted()})`);
  }

  private accepted(): string {
    const algs = [this.keys.secret !== undefined && 'HS256', this.publicKey !== undefined && 'RS256'].filter(Boolean);
    return algs.length > 0 ? `accepted: ${algs.join(', ')}` : 'no JWT key is configured';
  }
}

function decodeJson(part: string, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new AuthError(`Malformed bearer token: the ${what} is not a base64url JSON object`);
}

function checkTimes(claims: JwtClaims, now: number): void {
  if (typeof claims.exp === 'number' && now > claims.exp + CLOCK_SKEW_SECONDS)
    throw new AuthError('Bearer token has expired');
  if (typeof claims.nbf === 'number' && now < claims.nbf - CLOCK_SKEW_SECONDS)
    throw new AuthError('Bearer token is not valid yet');
}

/** Signs claims HS256: issuing tokens for tests, scripts and the walkthrough. */
export function signHs256(claims: JwtClaims, secret: string): string {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
