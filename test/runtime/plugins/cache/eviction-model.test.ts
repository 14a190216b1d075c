import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../../runtime/plugins/cache/memory-store.js';

type Op = { kind: 'set' | 'get' | 'delete'; key: string };

const ops = fc.array(
  fc.record({
    kind: fc.constantFrom<Op['kind']>('set', 'get', 'delete'),
    key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  }),
  { maxLength: 200 },
);

/** The obvious, slow reference: an array ordered from next victim to last. */
function referenceOrder(strategy: 'lru' | 'fifo', maxSize: number, sequence: Op[]): string[] {
  let order: string[] = [];
  for (const { kind, key } of sequence) {
    const present = order.includes(key);
    if (kind === 'delete') order = order.filter((k) => k !== key);
    else if (kind === 'get' && present && strategy === 'lru') order = [...order.filter((k) => k !== key), key];
    else if (kind === 'set') {
      if (present) {
        if (strategy === 'lru') order = [...order.filter((k) => k !== key), key];
      } else {
        if (order.length >= maxSize) order = order.slice(1);
        order.push(key);
      }
    }
  }
  return order;
}

describe('memory tier eviction against a reference model', () => {
  for (const strategy of ['lru', 'fifo'] as const) {
    it(`${strategy}: holds exactly the keys the model holds after any sequence of operations`, async () => {
      await fc.assert(
        fc.asyncProperty(ops, fc.integer({ min: 1, max: 4 }), async (sequence, maxSize) => {
          const store = new MemoryStore({ name: 'm', maxSize, ttlSeconds: 0, strategy });
          for (const { kind, key } of sequence) {
            if (kind === 'set') await store.set(key, key);
            else if (kind === 'get') await store.get(key);
            else await store.delete(key);
          }
          const expected = referenceOrder(strategy, maxSize, sequence);
          const held = [];
          for (const key of ['a', 'b', 'c', 'd', 'e', 'f']) if (await store.has(key)) held.push(key);
          expect(held).toEqual([...expected].sort());
          expect(await store.size()).toBe(expected.length);
        }),
      );
    });
  }
});
