import type { StackIR } from '../../compiler/ir/types.js';
import type { Identity, RequestHeaders } from '../plugins/auth/identity.js';
import { badRequest } from './errors.js';

type Tenancy = StackIR['system']['tenancy'];

/** A tenant id: letters, digits, `_`, `-`, `.`, at most 64 characters (it is compared, never used as a name). */
const TENANT_ID = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * The tenant of a request when `system.tenancy` is enabled with the shared-schema strategy: read from the header,
 * the first label of the Host name, or a claim of the caller's JWT, as `resolution` says. A request without one
 * is refused (400), so a tenant-scoped object is never read across tenants. Undefined when tenancy is off.
 */
export function tenantOf(tenancy: Tenancy, headers: RequestHeaders, identity: Identity | undefined): string | undefined {
  if (!tenancy.enabled || tenancy.strategy !== 'shared_schema') return undefined;
  const { from, key } = tenancy.resolution;
  let value: unknown;
  if (from === 'header') value = single(headers[key.toLowerCase()]);
  else if (from === 'jwt_claim') value = identity?.claims[key];
  else if (from === 'subdomain') {
    const host = single(headers.host)?.split(':')[0] ?? '';
    const labels = host.split('.');
    value = labels.length > 2 ? labels[0] : undefined;
  }
  if (typeof value === 'string' && TENANT_ID.test(value)) return value;
  const where = from === 'header' ? `the ${key} header` : from === 'jwt_claim' ? `the ${key} claim of the bearer token` : `the ${from}`;
  throw badRequest(`This stack is multi-tenant: send the tenant id in ${where} (letters, digits, _ . -)`, [{ field: key, problem: 'missing or malformed tenant id' }]);
}

function single(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}
