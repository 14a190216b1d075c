import { FrozenMap } from './frozen-map.js';
import type { Frozen } from './types.js';

/**
 * Freezes a value and everything reachable from it: plain objects, arrays, and the values of `FrozenMap`s (which
 * are read-only by construction). An already frozen object is taken as done, so shared subtrees are visited once
 * and cycles terminate. Iterative, so deep values cannot overflow the stack.
 */
export function deepFreeze<T>(value: T): Frozen<T> {
  const pending: object[] = [];
  push(pending, value);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next instanceof FrozenMap) {
      for (const item of next.values()) push(pending, item);
      continue;
    }
    Object.freeze(next);
    for (const key of Object.keys(next)) push(pending, (next as Record<string, unknown>)[key]);
  }
  return value as Frozen<T>;
}

function push(pending: object[], value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  if (value instanceof FrozenMap || !Object.isFrozen(value)) pending.push(value);
}
