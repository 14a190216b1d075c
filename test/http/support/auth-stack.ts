import { salesStack } from './sales-stack.js';
import { signHs256 } from '../../../runtime/plugins/auth/jwt.js';

export const JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';
export const CI_KEY = 'ci-key-6b0f7c1e';
export const AUTH_ENV = { ...process.env, TEST_JWT_SECRET: JWT_SECRET, TEST_CI_KEY: CI_KEY };

/**
 * The sales stack with the auth plugin: `reader` (JWT role reader) reads accounts without their revenue; `sales`
 * (JWT role sales, API key ci) reads and writes both objects; contacts are private (owner-based rows).
 */
export function authStack(): Record<string, unknown> {
  const stack = salesStack({
    plugins: [
      { id: 'com.objectstack.data' },
      { id: 'com.objectstack.auth', config: { jwtSecret: '${env:TEST_JWT_SECRET}', apiKeys: { ci: '${env:TEST_CI_KEY}' } } },
    ],
    permissions: {
      reader: {
        objects: { account: { allowRead: true }, contact: { allowRead: true } },
        fields: { 'account.revenue': { readable: false, editable: false } },
        assignedTo: { jwtClaims: { role: 'reader' } },
      },
      sales: {
        objects: {
          account: { allowRead: true, allowCreate: true, allowEdit: true },
          contact: { allowRead: true, allowCreate: true, allowEdit: true, allowDelete: true },
        },
        assignedTo: { jwtClaims: { role: ['sales', 'admin'] }, apiKeys: ['ci'] },
      },
    },
  });
  const objects = stack.objects as Record<string, Record<string, unknown>>;
  objects.contact = { ...objects.contact, sharingModel: 'private' };
  return stack;
}

export function bearer(claims: Record<string, unknown>): Record<string, string> {
  return { authorization: `Bearer ${signHs256({ exp: Math.floor(Date.now() / 1000) + 600, ...claims }, JWT_SECRET)}` };
}
