import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from './support/databases.js';
import { salesStack } from './support/sales-stack.js';
import { serveProject, writeProject, type ServedForTest } from './support/served.js';

const targets = await databaseTargets('graphql');

for (const target of targets) {
  describe(`GraphQL on ${target.dialect}`, () => {
    let served: ServedForTest;
    beforeAll(async () => {
      served = await serveProject(writeProject(salesStack()), { database: await target.fresh('graphql') });
    }, 60_000);
    afterAll(() => served?.close());

    const data = async (query: string, variables?: Record<string, unknown>) => {
      const answer = await served.graphql(query, variables);
      expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
      return answer.body.data;
    };

    it('creates, reads, updates and deletes through mutations and queries', async () => {
      const created = await data('mutation($input: CreateAccountInput!) { createAccount(input: $input) { id name tier revenue active } }', {
        input: { name: 'Globex', tier: 'gold', revenue: 50 },
      });
      const id = created.createAccount.id as string;
      expect(created.createAccount).toEqual({ id, name: 'Globex', tier: 'gold', revenue: 50, active: true });
      expect((await data(`{ account(id: "${id}") { name } }`)).account).toEqual({ name: 'Globex' });
      const updated = await data(`mutation { updateAccount(id: "${id}", input: { tier: silver }) { tier } }`);
      expect(updated.updateAccount).toEqual({ tier: 'silver' });
      const rest = await served.request('GET', `/api/v1/data/account/${id}`);
      expect(rest.body.tier).toBe('silver');
      expect((await data(`mutation { deleteAccount(id: "${id}") { name } }`)).deleteAccount).toEqual({ name: 'Globex' });
      expect((await data(`{ account(id: "${id}") { name } }`)).account).toBeNull();
    });

    it('filters, sorts, pages and resolves lookups', async () => {
      const ids: string[] = [];
      for (const [name, revenue] of [['Q1', 10], ['Q2', 20], ['Q3', 30]] as const) {
        ids.push((await data(`mutation { createAccount(input: { name: "${name}", revenue: ${revenue} }) { id } }`)).createAccount.id);
      }
      for (const [index, person] of ['Pat', 'Quinn', 'Ray'].entries()) {
        await data(`mutation { createContact(input: { full_name: "${person}", account: "${ids[index]}" }) { id } }`);
      }
      const page = await data(`{
        accounts(filter: { name: { startsWith: "Q" }, or: [{ revenue: { gte: 30 } }, { revenue: { lt: 15 } }] }, sort: [{ field: revenue, direction: DESC }]) {
          totalCount nodes { name revenue }
        }
      }`);
      expect(page.accounts).toEqual({ totalCount: 2, nodes: [{ name: 'Q3', revenue: 30 }, { name: 'Q1', revenue: 10 }] });
      const contacts = await data('{ contacts(sort: [{ field: full_name }], limit: 2, offset: 1) { totalCount nodes { full_name account { name } } } }');
      expect(contacts.contacts).toEqual({ totalCount: 3, nodes: [{ full_name: 'Quinn', account: { name: 'Q2' } }, { full_name: 'Ray', account: { name: 'Q3' } }] });
      const byLookup = await data(`{ contacts(filter: { account: { eq: "${ids[0]}" } }) { nodes { full_name } } }`);
      expect(byLookup.contacts.nodes).toEqual([{ full_name: 'Pat' }]);
    });

    it('reports engine errors with the REST code, status and details; no GraphiQL or docs page outside dev', async () => {
      const gql = await served.graphql('mutation { createAccount(input: { name: "Neg", revenue: -1 }) { id } }');
      const rest = await served.request('POST', '/api/v1/data/account', { name: 'Neg', revenue: -1 });
      expect(gql.body.errors![0]).toMatchObject({
        message: rest.body.message,
        extensions: { code: rest.body.code, status: rest.status, details: rest.body.details },
      });
      expect(gql.body.data).toBeNull();
      expect((await served.request('GET', '/graphiql')).status).toBe(404);
      expect((await served.request('GET', '/api/v1/docs')).status).toBe(404);
      const syntax = await served.graphql('{ accounts { nodes { nope } } }');
      expect(syntax.status).toBe(400);
      expect(syntax.body.errors![0].message).toContain('nope');
    });
  });
}
