import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dependencyOrder } from '../../compiler/resolve/dependency-order.js';
import type { DependencyNode } from '../../compiler/resolve/dependency-order.js';

/** Random acyclic graphs: node i may only depend on nodes with a smaller index, so no cycle can form. */
const acyclicGraph = fc.integer({ min: 1, max: 25 }).chain((size) =>
  fc
    .tuple(...Array.from({ length: size }, (_, i) => fc.subarray(Array.from({ length: i }, (__, j) => j))))
    .map((deps) => deps.map((after, i) => ({ id: `p${String(i).padStart(2, '0')}`, after: after.map((j) => `p${String(j).padStart(2, '0')}`) }))),
);

describe('dependencyOrder', () => {
  it('places every node after its dependencies, whatever the input order', () => {
    fc.assert(
      fc.property(acyclicGraph, fc.integer(), (nodes, seed) => {
        const { order, cycles } = dependencyOrder(nodes);
        expect(cycles).toEqual([]);
        const position = new Map(order.map((id, index) => [id, index]));
        for (const node of nodes) for (const before of node.after) expect(position.get(before)!).toBeLessThan(position.get(node.id)!);
        const shuffled = [...nodes].sort((a, b) => ((hash(a.id, seed) - hash(b.id, seed)) | 0));
        expect(dependencyOrder(shuffled).order).toEqual(order);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a self-dependency and reports nodes stuck behind a cycle last without a cycle of their own', () => {
    const nodes: DependencyNode[] = [
      { id: 'a', after: ['a'] },
      { id: 'b', after: ['c'] },
      { id: 'c', after: ['b'] },
      { id: 'd', after: ['b'] },
      { id: 'e', after: [] },
    ];
    expect(dependencyOrder(nodes)).toEqual({ order: ['e', 'a', 'b', 'c', 'd'], cycles: [['a', 'a'], ['b', 'c', 'b']] });
  });

  it('reports the shortest loop through the smallest id of a tangled component', () => {
    const nodes: DependencyNode[] = [
      { id: 'a', after: ['d', 'b'] },
      { id: 'b', after: ['c'] },
      { id: 'c', after: ['d'] },
      { id: 'd', after: ['a'] },
    ];
    expect(dependencyOrder(nodes).cycles).toEqual([['a', 'd', 'a']]);
  });
});

function hash(text: string, seed: number): number {
  let value = seed;
  for (const char of text) value = Math.imul(value ^ char.charCodeAt(0), 16777619);
  return value;
}
