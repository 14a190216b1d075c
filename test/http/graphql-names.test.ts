import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from './support/databases.js';
import { serveProject, writeProject, type ServedForTest } from './support/served.js';

const [sqlite] = await databaseTargets('gqlnames');

describe('GraphQL enum values that are not GraphQL names map to the stored option values', () => {
  let served: ServedForTest;
  beforeAll(async () => {
    const stack = {
      manifest: { id: 'com.test.enum', name: 'Enum', version: '1.0.0' },
      plugins: [{ id: 'com.objectstack.data' }],
      objects: {
        task: {
          fields: {
            title: { type: 'text', required: true },
            phase: { type: 'select', options: ['in-progress', '2024', 'done'] },
            tags: { type: 'multiselect', options: ['a-b', 'c'] },
          },
        },
      },
    };
    served = await serveProject(writeProject(stack), { database: await sqlite!.fresh('names') });
  }, 60_000);
  afterAll(() => served?.close());

  it('writes, filters and reads through the @objectstack value markers', async () => {
    const created = await served.graphql('mutation { createTask(input: { title: "T", phase: in_progress, tags: [a_b, c] }) { id phase tags } }');
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data.createTask).toMatchObject({ phase: 'in_progress', tags: ['a_b', 'c'] });
    const rest = await served.request('GET', `/api/v1/data/task/${created.body.data.createTask.id}`);
    expect(rest.body).toMatchObject({ phase: 'in-progress', tags: ['a-b', 'c'] });
    await served.request('POST', '/api/v1/data/task', { title: 'U', phase: '2024' });
    const filtered = await served.graphql('{ tasks(filter: { phase: { in: [_2024] } }) { nodes { title phase } } }');
    expect(filtered.body.data.tasks.nodes).toEqual([{ title: 'U', phase: '_2024' }]);
    const tagged = await served.graphql('{ tasks(filter: { tags: { contains: a_b } }) { totalCount } }');
    expect(tagged.body.data.tasks.totalCount).toBe(1);
  });
});
