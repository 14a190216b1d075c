import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../http/support/databases.js';
import { salesStack } from '../http/support/sales-stack.js';
import { serveProject, writeProject, type ServedForTest } from '../http/support/served.js';

const targets = await databaseTargets('dev');

for (const target of targets) {
  describe(`dev reload on ${target.dialect}`, () => {
    let served: ServedForTest;
    beforeAll(async () => {
      served = await serveProject(writeProject(salesStack()), { database: await target.fresh('dev'), dev: true });
    }, 60_000);
    afterAll(() => served?.close());

    const withWebsite = () => {
      const stack = salesStack();
      const account = (stack.objects as Record<string, { fields: Record<string, unknown> }>).account!;
      account.fields.website = { type: 'url', label: 'Website' };
      return stack;
    };

    it('swaps the schema while a client keeps sending requests, with zero failed requests', async () => {
      let running = true;
      const failures: string[] = [];
      let sent = 0;
      const client = async (worker: number) => {
        for (let i = 0; running; i++) {
          const answers = await Promise.all([
            served.request('POST', '/api/v1/data/account', { name: `w${worker}-${i}` }),
            served.request('GET', '/api/v1/data/account?limit=5&sort=-created_at'),
            served.graphql('{ accounts(limit: 3) { totalCount nodes { name } } }'),
          ]);
          sent += answers.length;
          for (const answer of answers) {
            if (answer.status >= 400 || (answer.body as { errors?: unknown }).errors) failures.push(`${answer.status} ${JSON.stringify(answer.body)}`);
          }
        }
      };
      const clients = [client(1), client(2)];
      const sentBy = async (count: number) => {
        while (sent < count) await new Promise((resolve) => setTimeout(resolve, 10));
      };
      await sentBy(6);
      writeFileSync(join(served.dir, 'objectstack.yaml'), stringify(withWebsite()));
      const reloading = served.reload();
      const sentDuringReload = sent;
      const outcome = await reloading;
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expect(outcome.applied.join('\n')).toContain('website');
      // Requests keep flowing on the new stack before the client stops.
      await sentBy(sent + 12);
      running = false;
      await Promise.all(clients);
      expect(failures).toEqual([]);
      expect(sentDuringReload).toBeGreaterThanOrEqual(6);

      const created = await served.request('POST', '/api/v1/data/account', { name: 'With site', website: 'https://example.com' });
      expect(created.status).toBe(201);
      const gql = await served.graphql('{ accounts(filter: { name: { eq: "With site" } }) { nodes { website } } }');
      expect(gql.body.data.accounts.nodes).toEqual([{ website: 'https://example.com' }]);
      const meta = await served.request('GET', '/api/v1/meta/objects/account');
      expect(Object.keys(meta.body.fields)).toContain('website');
    }, 60_000);

    it('offers GraphiQL and an API docs page in dev', async () => {
      const page = await fetch(`${served.url}/graphiql`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('graphiql');
      const docs = await fetch(`${served.url}/api/v1/docs`);
      expect(docs.headers.get('content-type')).toContain('text/html');
      const html = await docs.text();
      expect(html).toContain('<code>/api/v1/data/account/{id}</code>');
      expect(html).toMatch(/<td class="m post">POST<\/td><td><code>\/api\/v1\/data\/contact<\/code><\/td><td>Create a Contact<\/td>/);
    });

    it('refuses a destructive change and keeps serving the previous stack', async () => {
      writeFileSync(join(served.dir, 'objectstack.yaml'), stringify(salesStack()));
      const outcome = await served.reload();
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.refused.refused.map((op) => op.classification)).toContain('destructive');
        expect(outcome.refused.command).toContain('objectstack migrate');
      }
      const still = await served.request('GET', '/api/v1/data/account?fields=website&filter[name]=With site');
      expect(still.body.data).toEqual([expect.objectContaining({ website: 'https://example.com' })]);
    }, 60_000);
  });
}
