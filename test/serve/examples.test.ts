import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveProject } from '../http/support/served.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES = ['stacks/crm', 'stacks/todo', 'stacks/field-zoo', 'stacks/hello-plugin'];

/** A copy of an example project (its YAML, object files and local plugins), so serving never writes into the repo. */
function copyOf(folder: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'objectstack-example-'));
  cpSync(join(ROOT, folder), dir, { recursive: true, filter: (source) => !/generated|\.objectstack/.test(source) });
  return dir;
}

describe('every example stack serves and answers', () => {
  for (const folder of EXAMPLES) {
    it(`${folder}: health, metadata, an empty list per object and its GraphQL schema`, async () => {
      const served = await serveProject(copyOf(folder));
      try {
        expect((await served.request('GET', '/api/v1/health')).status).toBe(200);
        expect((await served.request('GET', '/api/v1/ready')).body).toEqual({ ready: true });
        const objects = (await served.request('GET', '/api/v1/meta/objects')).body.data as { name: string }[];
        expect(objects.length).toBeGreaterThan(0);
        for (const { name } of objects) {
          const list = await served.request('GET', `/api/v1/data/${name}`);
          expect(list.status, `${name}: ${JSON.stringify(list.body)}`).toBe(200);
          expect(list.body).toEqual({ data: [], total: 0, limit: expect.any(Number), offset: 0 });
        }
        const typename = await served.graphql('{ __schema { queryType { name } } }');
        expect(typename.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
        const openapi = await served.request('GET', '/api/v1/openapi.json');
        expect(openapi.body.openapi).toMatch(/^3\.1/);
      } finally {
        await served.close();
      }
    }, 60_000);
  }
});
