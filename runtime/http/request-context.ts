import type { RequestContext } from '../data/engine/types.js';
import type { AuthService } from '../plugins/auth/auth-service.js';
import type { RequestHeaders } from '../plugins/auth/identity.js';
import { HttpError } from './errors.js';
import type { ServedStack } from './served-stack.js';
import { tenantOf } from './tenant.js';

/**
 * Who a request acts as, for the data engine. Without an auth service the server is trusted (it only listens on
 * loopback, see `serve`): no rules. With one, anonymous requests are refused and the identity's permission sets
 * become the rules the engine enforces, identically for REST and GraphQL. On a multi-tenant stack the tenant id
 * scopes every read and write.
 */
export function requestContextOf(headers: RequestHeaders, stack: ServedStack, auth: AuthService | undefined): RequestContext {
  const identity = auth?.authenticate(headers);
  if (auth && !identity) {
    throw new HttpError(401, 'unauthorized', 'Authentication required: send an API key header or Authorization: Bearer <jwt>');
  }
  const tenantId = tenantOf(stack.ir.system.tenancy, headers, identity);
  const tenant = tenantId !== undefined ? { tenantId } : {};
  if (!identity) return tenant;
  // An API key acts as its own principal, so it owns the records it creates on private objects.
  const userId = identity.userId ?? (identity.apiKey !== undefined ? `apikey:${identity.apiKey}` : undefined);
  return { permissions: stack.accessFor(identity), ...(userId !== undefined && { userId }), ...tenant };
}
