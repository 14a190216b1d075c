import { createSign, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AuthService } from '../../runtime/plugins/auth/auth-service.js';
import { AuthPluginConfigSchema } from '../../runtime/plugins/auth/config.js';
import { signHs256 } from '../../runtime/plugins/auth/jwt.js';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PUBLIC_PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString();

function signRs256(claims: Record<string, unknown>): string {
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKey).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('the auth service', () => {
  const rs256 = new AuthService(AuthPluginConfigSchema.parse({ jwtPublicKey: PUBLIC_PEM }));

  it('verifies RS256 tokens with the public key and reads the user id claim', () => {
    expect(rs256.authenticate(bearer(signRs256({ sub: 'u-1', role: 'admin' })))).toEqual({
      method: 'jwt',
      userId: 'u-1',
      claims: { sub: 'u-1', role: 'admin' },
    });
  });

  it('refuses an HS256 token made with the public key as HMAC secret (algorithm confusion)', () => {
    expect(() => rs256.authenticate(bearer(signHs256({ sub: 'evil' }, PUBLIC_PEM)))).toThrow(/algorithm "HS256" is not accepted/);
  });

  it('refuses tampered payloads, garbage and unsupported schemes', () => {
    const [header, , signature] = signRs256({ sub: 'u-1' }).split('.');
    const forged = `${header}.${Buffer.from('{"sub":"admin"}').toString('base64url')}.${signature}`;
    expect(() => rs256.authenticate(bearer(forged))).toThrow('signature does not verify');
    expect(() => rs256.authenticate(bearer('not-a-jwt'))).toThrow('three dot-separated parts');
    expect(() => rs256.authenticate(bearer('a.b.c'))).toThrow('not a base64url JSON object');
    expect(() => rs256.authenticate({ authorization: 'Basic dXNlcjpwYXNz' })).toThrow('Unsupported Authorization header');
    expect(rs256.authenticate({})).toBeUndefined();
  });

  it('honours exp and nbf with a small clock skew', () => {
    const now = Math.floor(Date.now() / 1000);
    expect(() => rs256.authenticate(bearer(signRs256({ sub: 'u', exp: now - 120 })))).toThrow('expired');
    expect(rs256.authenticate(bearer(signRs256({ sub: 'u', exp: now - 5 })))?.userId).toBe('u');
    expect(() => rs256.authenticate(bearer(signRs256({ sub: 'u', nbf: now + 120 })))).toThrow('not valid yet');
  });

  it('matches API keys by value and names the key, in the configured header', () => {
    const keys = new AuthService(AuthPluginConfigSchema.parse({ apiKeys: { ci: 'k-ci', ops: 'k-ops' }, apiKeyHeader: 'X-Key' }));
    expect(keys.authenticate({ 'x-key': 'k-ops' })).toEqual({ method: 'apiKey', apiKey: 'ops', claims: {} });
    expect(() => keys.authenticate({ 'x-key': 'k-nope' })).toThrow('Unknown API key in the x-key header');
    expect(() => keys.authenticate(bearer(signHs256({}, 'x')))).toThrow('no JWT key is configured');
  });
});
