import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KernelError } from '../../../runtime/index.js';
import { resolvePluginOrder } from '../../../runtime/kernel/order.js';

interface GraphNode {
  id: string;
  version: string;
  dependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
  providesServices: [];
  requiresServices: [];
}

/** A random DAG: plugin i may depend on any plugin j < i; then the registration order is shuffled. */
const dagArbitrary = fc
  .integer({ min: 1, max: 25 })
  .chain((size) =>
    fc.tuple(
      fc.array(fc.array(fc.boolean(), { minLength: size, maxLength: size }), { minLength: size, maxLength: size }),
      fc.shuffledSubarray([...Array(size).keys()], { minLength: size, maxLength: size }),
    ),
  )
  .map(([edges, order]) =>
    order.map((i): GraphNode => {
      const dependencies: Record<string, string> = {};
      for (let j = 0; j < i; j++) if (edges[i]![j]) dependencies[`com.p.n${j}`] = '^1.0.0';
      return { id: `com.p.n${i}`, version: '1.0.0', dependencies, optionalDependencies: {}, providesServices: [], requiresServices: [] };
    }),
  );

describe('plugin order (property)', () => {
  it('puts every plugin after all its dependencies, and is deterministic', () => {
    fc.assert(
      fc.property(dagArbitrary, (nodes) => {
        const order = resolvePluginOrder(nodes);
        expect([...order].sort()).toEqual(nodes.map((n) => n.id).sort());
        const position = new Map(order.map((id, index) => [id, index]));
        for (const node of nodes) {
          for (const dep of Object.keys(node.dependencies)) expect(position.get(dep)!).toBeLessThan(position.get(node.id)!);
        }
        expect(resolvePluginOrder(nodes)).toEqual(order);
      }),
    );
  });

  it('reports a cycle whenever a back edge closes one', () => {
    fc.assert(
      fc.property(dagArbitrary, (nodes) => {
        // Make n0 depend on a plugin that depends on n0, which closes a cycle of two.
        const withDeps = nodes.find((n) => Object.hasOwn(n.dependencies, 'com.p.n0'));
        fc.pre(withDeps !== undefined);
        const first = nodes.find((n) => n.id === 'com.p.n0')!;
        first.dependencies[withDeps!.id] = '*';
        const error = (() => {
          try {
            resolvePluginOrder(nodes);
            return undefined;
          } catch (e) {
            return e;
          }
        })();
        expect(error).toBeInstanceOf(KernelError);
        expect((error as KernelError).code).toBe('OS7001');
      }),
    );
  });
});
