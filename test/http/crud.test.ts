import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from './support/databases.js';
import { salesStack } from './support/sales-stack.js';
import { serveProject, writeProject, type ServedForTest } from './support/served.js';

const targets = await databaseTargets('crud');

for (const target of targets) {
  describe(`REST CRUD on ${target.dialect}`, () => {
    let served: ServedForTest;
    beforeAll(async () => {
      served = await serveProject(writeProject(salesStack()), { database: await target.fresh('crud') });
    }, 60_000);
    afterAll(() => served?.close());

    const create = async (object: string, body: Record<string, unknown>) => {
      const answer = await served.request('POST', `/api/v1/data/${object}`, body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      return answer.body as Record<string, unknown> & { id: string };
    };

    it('creates, reads, updates and deletes one record', async () => {
      const acme = await create('account', { name: 'Acme', revenue: 1200 });
      expect(acme).toMatchObject({ name: 'Acme', revenue: 1200, tier: 'bronze', active: true });
      expect(typeof acme.id).toBe('string');
      expect(acme.created_at).toEqual(expect.any(String));

      const read = await served.request('GET', `/api/v1/data/account/${acme.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(acme);

      const patched = await served.request('PATCH', `/api/v1/data/account/${acme.id}`, { tier: 'gold' });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ id: acme.id, name: 'Acme', tier: 'gold' });

      const deleted = await served.request('DELETE', `/api/v1/data/account/${acme.id}`);
      expect(deleted.status).toBe(200);
      expect(deleted.body).toMatchObject({ id: acme.id, tier: 'gold' });

      const gone = await served.request('GET', `/api/v1/data/account/${acme.id}`);
      expect(gone.status).toBe(404);
      expect(gone.body.code).toBe('not_found');
    });

    it('creates in bulk, all or nothing', async () => {
      const bulk = await served.request('POST', '/api/v1/data/account/bulk', [{ name: 'Bulk A' }, { name: 'Bulk B', tier: 'silver' }]);
      expect(bulk.status).toBe(201);
      expect(bulk.body.data.map((r: { name: string }) => r.name)).toEqual(['Bulk A', 'Bulk B']);

      const failing = await served.request('POST', '/api/v1/data/account/bulk', [{ name: 'Bulk C' }, { name: 'Bulk D', tier: 'platinum' }]);
      expect(failing.status).toBe(422);
      expect(failing.body.details).toEqual([expect.objectContaining({ index: 1, field: 'tier' })]);
      const none = await served.request('GET', '/api/v1/data/account?filter[name]=Bulk C');
      expect(none.body.total).toBe(0);
    });

    it('filters, sorts, pages, selects fields and expands lookups', async () => {
      const names = ['Filter 1', 'Filter 2', 'Filter 3', 'Filter 4'];
      const accounts = [];
      for (const [index, name] of names.entries()) accounts.push(await create('account', { name, revenue: (index + 1) * 100, tier: index % 2 ? 'gold' : 'silver' }));
      await create('contact', { full_name: 'Ann', account: accounts[0]!.id });
      await create('contact', { full_name: 'Bob', account: accounts[1]!.id });

      const gold = await served.request('GET', '/api/v1/data/account?filter[name][startsWith]=Filter&filter[tier]=gold&sort=-revenue');
      expect(gold.status).toBe(200);
      expect(gold.body.data.map((r: { name: string }) => r.name)).toEqual(['Filter 4', 'Filter 2']);
      expect(gold.body.total).toBe(2);

      const json = encodeURIComponent(JSON.stringify({ name: { startsWith: 'Filter' }, or: [{ revenue: { gte: 400 } }, { revenue: { lt: 150 } }] }));
      const either = await served.request('GET', `/api/v1/data/account?filter=${json}&sort=name`);
      expect(either.body.data.map((r: { name: string }) => r.name)).toEqual(['Filter 1', 'Filter 4']);

      const inList = await served.request('GET', '/api/v1/data/account?filter[name][in]=Filter 2,Filter 3&sort=name');
      expect(inList.body.data.map((r: { name: string }) => r.name)).toEqual(['Filter 2', 'Filter 3']);

      const page = await served.request('GET', '/api/v1/data/account?filter[name][startsWith]=Filter&sort=revenue&limit=2&offset=1&fields=name');
      expect(page.body).toMatchObject({ total: 4, limit: 2, offset: 1 });
      expect(page.body.data).toEqual([{ id: accounts[1]!.id, name: 'Filter 2' }, { id: accounts[2]!.id, name: 'Filter 3' }]);

      const expanded = await served.request('GET', '/api/v1/data/contact?sort=full_name&expand=account');
      expect(expanded.body.data.map((c: { account: { name: string } }) => c.account.name)).toEqual(['Filter 1', 'Filter 2']);

      const one = await served.request('GET', `/api/v1/data/contact/${expanded.body.data[0].id}?expand=account&fields=full_name,account`);
      expect(one.body).toMatchObject({ full_name: 'Ann', account: { id: accounts[0]!.id, name: 'Filter 1' } });

      const empty = await served.request('GET', '/api/v1/data/account?filter[revenue][isNull]=true&filter[name][startsWith]=Filter');
      expect(empty.body.total).toBe(0);
    });

    it('reports validation errors with their field and status', async () => {
      const missing = await served.request('POST', '/api/v1/data/account', { tier: 'gold' });
      expect(missing.status).toBe(422);
      expect(missing.body).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ field: 'name' })] });

      const range = await served.request('POST', '/api/v1/data/account', { name: 'Negative', revenue: -5 });
      expect(range.status).toBe(422);
      expect(range.body.details).toEqual([expect.objectContaining({ field: 'revenue' })]);

      await create('account', { name: 'Unique Co' });
      const duplicate = await served.request('POST', '/api/v1/data/account', { name: 'Unique Co' });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('conflict');

      const unknown = await served.request('POST', '/api/v1/data/account', { name: 'X', nmae: 'typo' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'nmae' })]);

      const readonly = await served.request('POST', '/api/v1/data/account', { name: 'Y', created_at: '2020-01-01T00:00:00.000Z' });
      expect(readonly.status).toBe(422);
      expect(readonly.body.code).toBe('readonly_field');

      const unknownObject = await served.request('GET', '/api/v1/data/acount');
      expect(unknownObject.status).toBe(404);
      expect(unknownObject.body.message).toContain('did you mean "account"?');

      const badSort = await served.request('GET', '/api/v1/data/account?sort=revenu');
      expect(badSort.status).toBe(400);

      const tooLarge = await served.request('GET', '/api/v1/data/account?limit=100000');
      expect(tooLarge.status).toBe(400);
      expect(tooLarge.body.code).toBe('page_too_large');
    });

    it('serves object metadata', async () => {
      const list = await served.request('GET', '/api/v1/meta/objects');
      expect(list.body.data.map((o: { name: string }) => o.name)).toEqual(['account', 'contact']);
      const account = await served.request('GET', '/api/v1/meta/objects/account');
      expect(account.body).toMatchObject({
        name: 'account',
        label: 'Account',
        nameField: 'name',
        fields: { name: { type: 'text', required: true, readonly: false }, tier: { type: 'select', options: [{ value: 'bronze', label: 'bronze' }, { value: 'silver', label: 'silver' }, { value: 'gold', label: 'gold' }] } },
      });
      const unknown = await served.request('GET', '/api/v1/meta/objects/acount');
      expect(unknown.status).toBe(404);
    });
  });
}
