import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from './support/databases.js';
import { salesStack } from './support/sales-stack.js';
import { serveProject, writeProject, type ServedForTest } from './support/served.js';

const [sqlite] = await databaseTargets('hooks');

describe('plugin before-hooks change or reject writes, on REST and GraphQL alike', () => {
  let served: ServedForTest;
  beforeAll(async () => {
    const stack = salesStack({ plugins: [{ id: 'com.objectstack.data' }, { path: './plugins/guard' }] });
    const dir = writeProject(stack, { 'plugins/guard': join(import.meta.dirname, 'fixtures', 'guard') });
    served = await serveProject(dir, { database: await sqlite!.fresh('hooks') });
  }, 60_000);
  afterAll(() => served?.close());

  it('stores what the hook returns', async () => {
    const rest = await served.request('POST', '/api/v1/data/account', { name: '  initech ' });
    expect(rest.status).toBe(201);
    expect(rest.body.name).toBe('INITECH');
    const gql = await served.graphql('mutation { createAccount(input: { name: " hooli" }) { name } }');
    expect(gql.body.data).toEqual({ createAccount: { name: 'HOOLI' } });
  });

  it('refuses what the hook rejects, with its message, and stores nothing', async () => {
    const rest = await served.request('POST', '/api/v1/data/account', { name: 'Big', revenue: 2_000_000 });
    expect(rest.status).toBe(422);
    expect(rest.body.code).toBe('rejected');
    expect(rest.body.message).toContain('revenue above one million needs approval');
    const gql = await served.graphql('mutation { createAccount(input: { name: "Big", revenue: 5000000 }) { id } }');
    expect(gql.body.errors![0]).toMatchObject({ message: rest.body.message, extensions: { code: 'rejected', status: 422 } });
    const stored = await served.request('GET', '/api/v1/data/account?filter[name]=BIG');
    expect(stored.body.total).toBe(0);
  });
});
