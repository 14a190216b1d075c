import type { PathSegment } from '../../diagnostics/span.js';
import { TsExpression, stringLiteral, type LiteralValue } from './ts-literal.js';

// The loader's syntax: ${env:NAME} or ${env:NAME:-default}.
const REFERENCE = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** The helper the bootstrap defines when it reads the environment. */
export const ENV_HELPER = [
  '/**',
  ' * Reads an environment variable the stack references with `${env:…}`; start fails when it is missing. The value',
  " * takes the type its place expects (e.g. a log level): the kernel validates it like the rest of the configuration.",
  ' */',
  'function env<Value extends string = string>(',
  '  name: string,',
  '  fallback?: string,',
  '): Value {',
  '  const value = process.env[name] ?? fallback;',
  '  if (value === undefined) {',
  '    throw new Error(',
  '      `Environment variable ${name} is not set (objectstack.yaml references it)`,',
  '    );',
  '  }',
  '  return value as Value;',
  '}',
];

/**
 * The expression that rebuilds a value written as `text` (`${env:A}`, `${env:A:-x}`, or references inside other
 * text) at run time, converted to the JSON type the value was validated as.
 */
export function environmentRead(text: string, type: 'string' | 'number' | 'boolean'): TsExpression {
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(REFERENCE)) {
    if (match.index > last) parts.push(stringLiteral(text.slice(last, match.index)));
    const [, name = '', fallback] = match;
    parts.push(fallback === undefined ? `env(${stringLiteral(name)})` : `env(${stringLiteral(name)}, ${stringLiteral(fallback)})`);
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(stringLiteral(text.slice(last)));
  const joined = parts.join(' + ');
  if (type === 'number') return new TsExpression(`Number(${joined})`);
  if (type === 'boolean') return new TsExpression(`${parts.length > 1 ? `(${joined})` : joined} === "true"`);
  return new TsExpression(joined);
}

/** The key of a YAML path in environment reference maps. */
export function pathKey(path: readonly PathSegment[]): string {
  return JSON.stringify(path);
}

/**
 * A copy of `value` (found at `path` in the stack file) where every value written with an environment reference is
 * replaced by its run-time read. `references` maps `pathKey(path)` to the text as written.
 */
export function withEnvironmentReads(
  value: LiteralValue,
  path: readonly PathSegment[],
  references: ReadonlyMap<string, string>,
): { value: LiteralValue; reads: number } {
  let reads = 0;
  const visit = (item: LiteralValue, at: readonly PathSegment[]): LiteralValue => {
    if (references.size === 0) return item;
    const text = references.get(pathKey(at));
    if (text !== undefined && (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')) {
      reads++;
      return environmentRead(text, typeof item === 'number' ? 'number' : typeof item === 'boolean' ? 'boolean' : 'string');
    }
    if (Array.isArray(item)) return (item as readonly LiteralValue[]).map((child, index) => visit(child, [...at, index]));
    if (item !== null && typeof item === 'object' && !(item instanceof TsExpression)) {
      return Object.fromEntries(Object.entries(item as Record<string, LiteralValue>).map(([key, child]) => [key, visit(child, [...at, key])]));
    }
    return item;
  };
  return { value: visit(value, path), reads };
}
