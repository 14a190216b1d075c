/** A node of the plugin graph: its id and the ids it must come after (only ids present in the graph). */
export interface DependencyNode {
  readonly id: string;
  readonly after: readonly string[];
}

export interface DependencyOrder {
  /** Every id, each after the ids it depends on; ties broken by id. Ids stuck behind a cycle come last, by id. */
  readonly order: readonly string[];
  /** Each cycle once, as a closed path starting at its smallest id: [a, b, c, a]. */
  readonly cycles: readonly (readonly string[])[];
}

/**
 * Kahn's algorithm with the ready set kept sorted, so the order depends only on the graph, never on the order of
 * the stack's `plugins` list. Linear in edges plus a sorted insert per node (plugin counts are small).
 */
export function dependencyOrder(nodes: readonly DependencyNode[]): DependencyOrder {
  const waitingOn = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const node of nodes) {
    waitingOn.set(node.id, node.after.length);
    for (const before of node.after) {
      const list = dependents.get(before);
      if (list) list.push(node.id);
      else dependents.set(before, [node.id]);
    }
  }

  const ready = nodes.filter((node) => node.after.length === 0).map((node) => node.id).sort(compareIds);
  const order: string[] = [];
  // `ready` is kept in descending order so the smallest id pops from the end in O(1).
  ready.reverse();
  for (let id = ready.pop(); id !== undefined; id = ready.pop()) {
    order.push(id);
    for (const dependent of dependents.get(id) ?? []) {
      const left = (waitingOn.get(dependent) ?? 0) - 1;
      waitingOn.set(dependent, left);
      if (left === 0) insertDescending(ready, dependent);
    }
  }

  if (order.length === nodes.length) return { order, cycles: [] };
  const placed = new Set(order);
  const stuck = nodes.filter((node) => !placed.has(node.id));
  return { order: [...order, ...stuck.map((node) => node.id).sort(compareIds)], cycles: findCycles(stuck) };
}

function insertDescending(list: string[], id: string): void {
  let at = list.length;
  while (at > 0 && compareIds(list[at - 1]!, id) < 0) at--;
  list.splice(at, 0, id);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One cycle per strongly connected component (Tarjan), as the shortest path from the component's smallest id back
 * to itself. Nodes that only wait behind a cycle belong to no cycle and are not reported.
 */
function findCycles(stuck: readonly DependencyNode[]): string[][] {
  const afterOf = new Map(stuck.map((node) => [node.id, node.after.filter((id) => id !== node.id)] as const));
  const selfLoops = stuck.filter((node) => node.after.includes(node.id)).map((node) => [node.id, node.id]);
  const cycles: string[][] = [...selfLoops];
  for (const component of stronglyConnected(afterOf)) {
    if (component.length < 2) continue;
    const members = new Set(component);
    const start = [...component].sort(compareIds)[0]!;
    cycles.push(shortestLoop(start, members, afterOf));
  }
  return cycles.sort((a, b) => compareIds(a[0]!, b[0]!));
}

function shortestLoop(start: string, members: ReadonlySet<string>, afterOf: ReadonlyMap<string, readonly string[]>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    for (const next of [...(afterOf.get(id) ?? [])].sort(compareIds)) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at: string | undefined = id; at !== undefined && at !== start; at = cameFrom.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, id);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

function stronglyConnected(afterOf: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  const visit = (id: string): void => {
    index.set(id, counter);
    low.set(id, counter);
    counter++;
    stack.push(id);
    onStack.add(id);
    for (const next of afterOf.get(id) ?? []) {
      if (!afterOf.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(id, Math.min(low.get(id)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(id, Math.min(low.get(id)!, index.get(next)!));
      }
    }
    if (low.get(id) === index.get(id)) {
      const component: string[] = [];
      for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
        onStack.delete(member);
        component.push(member);
        if (member === id) break;
      }
      components.push(component);
    }
  };

  for (const id of [...afterOf.keys()].sort(compareIds)) if (!index.has(id)) visit(id);
  return components;
}
