import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signHs256 } from '../../runtime/plugins/auth/jwt.js';
import { AUTH_ENV, authStack, bearer, CI_KEY, JWT_SECRET } from './support/auth-stack.js';
import { databaseTargets } from './support/databases.js';
import { serveProject, writeProject, type ServedForTest } from './support/served.js';

const [sqlite] = await databaseTargets('auth');

describe('authentication and permissions, identical on REST and GraphQL', () => {
  let served: ServedForTest;
  const sales = bearer({ sub: 'user-sam', role: 'sales' });
  const reader = bearer({ sub: 'user-rita', role: 'reader' });
  beforeAll(async () => {
    served = await serveProject(writeProject(authStack()), { database: await sqlite!.fresh('auth'), env: AUTH_ENV });
  }, 60_000);
  afterAll(() => served?.close());

  it('refuses anonymous and bad credentials with 401, but leaves the probes open', async () => {
    expect((await served.request('GET', '/api/v1/data/account')).status).toBe(401);
    expect((await served.request('GET', '/api/v1/meta/objects')).status).toBe(401);
    expect((await served.graphql('{ accounts { totalCount } }')).status).toBe(401);
    const wrongKey = await served.request('GET', '/api/v1/data/account', undefined, { 'x-api-key': 'nope' });
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.body).toEqual({ code: 'unauthorized', message: 'Unknown API key in the x-api-key header', details: [] });
    const forged = { authorization: `Bearer ${signHs256({ sub: 'x', role: 'sales' }, 'another-secret')}` };
    expect((await served.request('GET', '/api/v1/data/account', undefined, forged)).status).toBe(401);
    const expired = { authorization: `Bearer ${signHs256({ sub: 'x', role: 'sales', exp: 1 }, JWT_SECRET)}` };
    expect((await served.request('GET', '/api/v1/data/account', undefined, expired)).body.message).toBe('Bearer token has expired');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"role":"sales"}').toString('base64url')}.`;
    expect((await served.request('GET', '/api/v1/data/account', undefined, { authorization: `Bearer ${none}` })).status).toBe(401);
    expect((await served.request('GET', '/api/v1/health')).status).toBe(200);
    expect((await served.request('GET', '/api/v1/ready')).status).toBe(200);
  });

  it('answers 403 naming the missing permission, on both transports', async () => {
    const rest = await served.request('POST', '/api/v1/data/account', { name: 'Denied' }, reader);
    expect(rest.status).toBe(403);
    expect(rest.body.message).toContain('allowCreate');
    const gql = await served.graphql('mutation { createAccount(input: { name: "Denied" }) { id } }', undefined, reader);
    expect(gql.body.errors![0].message).toBe(rest.body.message);
    expect(gql.body.errors![0].extensions).toMatchObject({ code: 'forbidden', status: 403 });
    const noSets = bearer({ sub: 'user-x', role: 'guest' });
    expect((await served.request('GET', '/api/v1/data/account', undefined, noSets)).status).toBe(403);
  });

  it('omits unreadable fields on REST and refuses them on GraphQL', async () => {
    const created = await served.request('POST', '/api/v1/data/account', { name: 'Secretive', revenue: 999 }, { 'x-api-key': CI_KEY });
    expect(created.status).toBe(201);
    const asReader = await served.request('GET', `/api/v1/data/account/${created.body.id}`, undefined, reader);
    expect(asReader.status).toBe(200);
    expect(asReader.body.name).toBe('Secretive');
    expect(asReader.body).not.toHaveProperty('revenue');
    const asSales = await served.request('GET', `/api/v1/data/account/${created.body.id}`, undefined, sales);
    expect(asSales.body.revenue).toBe(999);
    const gql = await served.graphql(`{ account(id: "${created.body.id}") { name revenue } }`, undefined, reader);
    expect(gql.body.data.account).toEqual({ name: 'Secretive', revenue: null });
    const meta = await served.request('GET', '/api/v1/meta/objects/account', undefined, reader);
    expect(Object.keys(meta.body.fields)).not.toContain('revenue');
  });

  it('limits private objects to their owners', async () => {
    const sam = await served.request('POST', '/api/v1/data/contact', { full_name: 'Sam lead' }, sales);
    expect(sam.status).toBe(201);
    expect(sam.body.owner_id).toBe('user-sam');
    const other = bearer({ sub: 'user-sue', role: 'sales' });
    await served.request('POST', '/api/v1/data/contact', { full_name: 'Sue lead' }, other);
    const samsView = await served.request('GET', '/api/v1/data/contact', undefined, sales);
    expect(samsView.body.data.map((c: { full_name: string }) => c.full_name)).toEqual(['Sam lead']);
    const gqlView = await served.graphql('{ contacts { totalCount nodes { full_name } } }', undefined, other);
    expect(gqlView.body.data.contacts).toEqual({ totalCount: 1, nodes: [{ full_name: 'Sue lead' }] });
    const notYours = await served.request('DELETE', `/api/v1/data/contact/${sam.body.id}`, undefined, other);
    expect(notYours.status).toBe(404);
  });
});
