import { createHash } from 'node:crypto';

/** Keys that lead, in this order, so a snapshot reads top-down; every other key follows alphabetically. */
const LEADING_KEYS = ['version', 'hash', 'name', 'object', 'field', 'type', 'renamedFrom'];
const leadingRank = new Map(LEADING_KEYS.map((key, index) => [key, index]));

function compareKeys(a: string, b: string): number {
  const rankA = leadingRank.get(a) ?? LEADING_KEYS.length;
  const rankB = leadingRank.get(b) ?? LEADING_KEYS.length;
  return rankA - rankB || (a < b ? -1 : a > b ? 1 : 0);
}

/** A copy with every object's keys in one fixed order, whatever order they were built or parsed in. */
export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareKeys)) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) out[key] = canonicalize(item);
  }
  return out;
}

/** Deterministic bytes: canonical key order, two-space indentation, trailing newline. */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(canonicalize(value), null, 2)}\n`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
