import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataEngine } from '../../runtime/data/engine/types.js';
import { databaseTargets } from './support/databases.js';
import { salesStack } from './support/sales-stack.js';
import { serveProject, writeProject, type ServedForTest } from './support/served.js';

const [sqlite] = await databaseTargets('batching');

/** The real engine, counting the finds the GraphQL layer asks for (instrumentation, not a stand-in). */
function counted(engine: DataEngine): { engine: DataEngine; finds: string[] } {
  const finds: string[] = [];
  const proxy = new Proxy(engine, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property !== 'find' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return (object: string, ...rest: unknown[]) => {
        finds.push(object);
        return (value as (...args: unknown[]) => unknown).call(target, object, ...rest);
      };
    },
  });
  return { engine: proxy, finds };
}

describe('GraphQL lookups and reverse lists are batched per level, never one query per record', () => {
  let served: ServedForTest;
  let finds: string[];
  beforeAll(async () => {
    served = await serveProject(writeProject(salesStack()), { database: await sqlite!.fresh('batching') });
    const engine = served.kernel.getService<DataEngine>('data');
    for (let a = 0; a < 5; a++) {
      const account = await engine.insert('account', { name: `Account ${a}` });
      for (let c = 0; c < 4; c++) await engine.insert('contact', { full_name: `C${a}-${c}`, account: account.id });
    }
    const instrumented = counted(engine);
    finds = instrumented.finds;
    const { prepared } = served;
    served.server.swap({ stack: prepared.ir, engine: instrumented.engine, graphqlSdl: prepared.graphqlSdl!, openapi: prepared.openapi });
  }, 60_000);
  afterAll(() => served?.close());

  it('20 contacts with their accounts: one find for the page, one for all accounts', async () => {
    finds.length = 0;
    const answer = await served.graphql('{ contacts(limit: 20) { totalCount nodes { full_name account { name } } } }');
    expect(answer.body.data.contacts.nodes).toHaveLength(20);
    expect(answer.body.data.contacts.nodes.every((c: { account: { name: string } }) => c.account.name.startsWith('Account'))).toBe(true);
    expect(finds).toEqual(['contact', 'account']);
  });
});
