import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_ENV, authStack, bearer, CI_KEY } from './support/auth-stack.js';
import { databaseTargets } from './support/databases.js';
import { serveProject, writeProject, type ServedForTest } from './support/served.js';

const [sqlite] = await databaseTargets('audit');

/** The auth stack plus the audit plugin and an `auditor` who may see every account but not its revenue. */
function auditedStack(): Record<string, unknown> {
  const stack = authStack();
  const permissions = stack.permissions as Record<string, unknown>;
  return {
    ...stack,
    plugins: [...(stack.plugins as unknown[]), { id: 'com.objectstack.audit' }],
    permissions: {
      ...permissions,
      auditor: {
        objects: { account: { allowRead: true, viewAllRecords: true } },
        fields: { 'account.revenue': { readable: false, editable: false } },
        assignedTo: { jwtClaims: { role: 'auditor' } },
      },
    },
  };
}

describe('the audit log over HTTP', () => {
  let served: ServedForTest;
  const auditor = bearer({ sub: 'user-ada', role: 'auditor' });
  const reader = bearer({ sub: 'user-rita', role: 'reader' });
  beforeAll(async () => {
    served = await serveProject(writeProject(auditedStack()), { database: await sqlite!.fresh('audit'), env: AUTH_ENV });
  }, 60_000);
  afterAll(() => served?.close());

  it('answers the history of an object to a caller with viewAllRecords, without the fields it may not read', async () => {
    const created = await served.request('POST', '/api/v1/data/account', { name: 'Audited', revenue: 42 }, { 'x-api-key': CI_KEY });
    expect(created.status).toBe(201);
    const history = await served.request('GET', '/api/v1/plugins/audit/entries?object=account', undefined, auditor);
    expect(history.status, JSON.stringify(history.body)).toBe(200);
    const entry = history.body.data.find((e: { recordId: string }) => e.recordId === created.body.id);
    expect(entry).toMatchObject({ object: 'account', operation: 'insert', changes: { name: { before: null, after: 'Audited' } } });
    expect(entry.changes).not.toHaveProperty('revenue');
  });

  it('refuses anonymous callers, callers without viewAllRecords, and a query naming no object', async () => {
    expect((await served.request('GET', '/api/v1/plugins/audit/entries?object=account')).status).toBe(401);
    const denied = await served.request('GET', '/api/v1/plugins/audit/entries?object=account', undefined, reader);
    expect(denied.status).toBe(403);
    expect(denied.body.message).toContain('viewAllRecords');
    const unnamed = await served.request('GET', '/api/v1/plugins/audit/entries', undefined, auditor);
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.details).toEqual([{ field: 'object', problem: 'required when the server authenticates callers' }]);
    expect((await served.request('GET', '/api/v1/plugins/audit/entries?object=account&limit=x', undefined, auditor)).status).toBe(400);
  });
});
