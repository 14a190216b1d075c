import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from './support/databases.js';
import { salesStack } from './support/sales-stack.js';
import { serveProject, writeProject, type ServedForTest } from './support/served.js';

const targets = await databaseTargets('bad_input');

const INJECTIONS = [
  "'; DROP TABLE account; --",
  '" OR 1=1 --',
  'x) UNION SELECT * FROM sqlite_master --',
  '$1; DELETE FROM contact',
  '\u0000nul',
  '%27%20OR%201%3D1',
];

for (const target of targets) {
  describe(`bad input on ${target.dialect}: never a 5xx, the database unchanged`, () => {
    let served: ServedForTest;
    let snapshot: unknown;
    const everything = async () => [
      (await served.request('GET', '/api/v1/data/account?sort=name&limit=200')).body.data,
      (await served.request('GET', '/api/v1/data/contact?sort=full_name&limit=200')).body.data,
    ];

    beforeAll(async () => {
      served = await serveProject(writeProject(salesStack()), { database: await target.fresh('bad'), bodyLimit: 64 * 1024 });
      const acme = await served.request('POST', '/api/v1/data/account', { name: 'Acme', revenue: 10 });
      await served.request('POST', '/api/v1/data/contact', { full_name: 'Ann', account: acme.body.id });
      snapshot = await everything();
    }, 60_000);
    afterAll(() => served?.close());

    const expectClientError = async (method: string, path: string, body?: unknown, headers?: Record<string, string>, status?: number) => {
      const answer = await served.request(method, path, body, headers);
      expect(answer.status, `${method} ${path} → ${JSON.stringify(answer.body)}`).toBeGreaterThanOrEqual(400);
      expect(answer.status, `${method} ${path} → ${JSON.stringify(answer.body)}`).toBeLessThan(500);
      if (status !== undefined) expect(answer.status).toBe(status);
      expect(answer.body).toEqual({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
      return answer;
    };

    it('rejects wrong types, unknown fields and wrong body shapes', async () => {
      await expectClientError('POST', '/api/v1/data/account', { name: 42 }, undefined, 422);
      await expectClientError('POST', '/api/v1/data/account', { name: 'T', revenue: 'lots' }, undefined, 422);
      await expectClientError('POST', '/api/v1/data/account', { name: 'T', active: 'yes' }, undefined, 422);
      await expectClientError('POST', '/api/v1/data/account', { name: 'T', tier: ['gold'] }, undefined, 422);
      await expectClientError('POST', '/api/v1/data/account', { name: 'T', revenue: { $gt: 0 } }, undefined, 422);
      await expectClientError('POST', '/api/v1/data/account', { name: 'T', bogus: 1 }, undefined, 400);
      await expectClientError('POST', '/api/v1/data/account', [{ name: 'T' }], undefined, 400);
      await expectClientError('POST', '/api/v1/data/account', 'null', undefined, 400);
      await expectClientError('POST', '/api/v1/data/account/bulk', { name: 'T' }, undefined, 400);
      await expectClientError('POST', '/api/v1/data/account/bulk', [], undefined, 400);
      await expectClientError('PATCH', '/api/v1/data/account/not-an-id', { name: 'T' }, undefined);
      await expectClientError('POST', '/api/v1/data/contact', { full_name: 'T', account: 'no-such-account' }, undefined);
    });

    it('rejects malformed JSON, other content types and oversize bodies', async () => {
      await expectClientError('POST', '/api/v1/data/account', '{"name": "T",', undefined, 400);
      await expectClientError('POST', '/api/v1/data/account', '{"__proto__": {"x": 1}, "name": "T"}', undefined, 400);
      await expectClientError('POST', '/api/v1/data/account', 'name=T', { 'content-type': 'application/x-www-form-urlencoded' }, 415);
      await expectClientError('POST', '/api/v1/data/account', 'T', { 'content-type': 'text/plain' }, 415);
      const big = await expectClientError('POST', '/api/v1/data/account', { name: 'x'.repeat(100 * 1024) }, undefined, 413);
      expect(big.body.code).toBe('payload_too_large');
    });

    it('rejects bad filters, sorts and paging', async () => {
      const paths = [
        '/api/v1/data/account?filter[nope]=1',
        '/api/v1/data/account?filter[name][like]=x',
        '/api/v1/data/account?filter[revenue][gt]=abc',
        '/api/v1/data/account?filter[active]=maybe',
        '/api/v1/data/account?filter[name][isNull]=perhaps',
        '/api/v1/data/account?filter={"name":',
        '/api/v1/data/account?filter=[1,2]',
        '/api/v1/data/account?filter={"name":{"in":"x"}}',
        '/api/v1/data/account?filter={"and":{"name":"x"}}',
        '/api/v1/data/account?sort=nope',
        '/api/v1/data/account?sort=name;drop',
        '/api/v1/data/account?limit=-1',
        '/api/v1/data/account?limit=abc',
        '/api/v1/data/account?offset=1e3',
        '/api/v1/data/account?limit=1&limit=2',
        '/api/v1/data/account?fields=name,secret_column',
        '/api/v1/data/account?expand=name',
        '/api/v1/data/account?unknown=1',
        '/api/v1/data/nope',
        '/api/v1/data/account/some-id?sort=name',
        '/api/v1/nothing-here',
      ];
      for (const path of paths) await expectClientError('GET', path);
    });

    it('treats injection strings as plain values in writes, filters and sort', async () => {
      for (const value of INJECTIONS) {
        const encoded = encodeURIComponent(value);
        const filtered = await served.request('GET', `/api/v1/data/account?filter[name]=${encoded}`);
        // A NUL character cannot be stored in PostgreSQL text, so the engine refuses it on every dialect.
        if (value.includes('\u0000')) expect(filtered.status).toBe(400);
        else expect(filtered.body.total, `${JSON.stringify(value)} → ${JSON.stringify(filtered.body)}`).toBe(0);
        await expectClientError('GET', `/api/v1/data/account?sort=${encoded}`);
        await expectClientError('GET', `/api/v1/data/account?filter[${encoded}]=1`);
        await expectClientError('GET', `/api/v1/data/${encoded}`);
        const json = encodeURIComponent(JSON.stringify({ name: { in: [value, 'x'] } }));
        expect((await served.request('GET', `/api/v1/data/account?filter=${json}`)).status).toBeLessThan(500);
      }
      // Stored verbatim, then removed: the values are data, never SQL.
      for (const value of INJECTIONS.filter((v) => !v.includes('\u0000'))) {
        const created = await served.request('POST', '/api/v1/data/contact', { full_name: value });
        expect(created.status).toBe(201);
        expect(created.body.full_name).toBe(value);
        const found = await served.request('GET', `/api/v1/data/contact?filter[full_name]=${encodeURIComponent(value)}`);
        expect(found.body.data.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
        expect((await served.request('DELETE', `/api/v1/data/contact/${created.body.id}`)).status).toBe(200);
      }
    });

    it('leaves the database as it was', async () => {
      expect(await everything()).toEqual(snapshot);
    });
  });
}
