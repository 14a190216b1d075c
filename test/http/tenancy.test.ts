import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from './support/databases.js';
import { salesStack } from './support/sales-stack.js';
import { serveProject, writeProject, type ServedForTest } from './support/served.js';

const [sqlite] = await databaseTargets('tenancy');

describe('a multi-tenant stack (shared schema, tenant from a header)', () => {
  let served: ServedForTest;
  const acme = { 'x-tenant-id': 'acme' };
  const globex = { 'x-tenant-id': 'globex' };
  beforeAll(async () => {
    const stack = salesStack({ system: { tenancy: { enabled: true } } });
    served = await serveProject(writeProject(stack), { database: await sqlite!.fresh('tenancy') });
  }, 60_000);
  afterAll(() => served?.close());

  it('keeps each tenant to its own records, on REST and GraphQL', async () => {
    const mine = await served.request('POST', '/api/v1/data/account', { name: 'Shared name' }, acme);
    expect(mine.status).toBe(201);
    expect((await served.request('POST', '/api/v1/data/account', { name: 'Globex only' }, globex)).status).toBe(201);
    const acmeList = await served.request('GET', '/api/v1/data/account', undefined, acme);
    expect(acmeList.body.data.map((a: { name: string }) => a.name)).toEqual(['Shared name']);
    const globexGql = await served.graphql('{ accounts { nodes { name } } }', undefined, globex);
    expect(globexGql.body.data.accounts.nodes).toEqual([{ name: 'Globex only' }]);
    expect((await served.request('GET', `/api/v1/data/account/${mine.body.id}`, undefined, globex)).status).toBe(404);
  });

  it('refuses a request without a valid tenant id', async () => {
    const missing = await served.request('GET', '/api/v1/data/account');
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('x-tenant-id');
    expect((await served.request('GET', '/api/v1/data/account', undefined, { 'x-tenant-id': "a' OR 1=1" })).status).toBe(400);
    expect((await served.request('GET', '/api/v1/health')).status).toBe(200);
  });
});
