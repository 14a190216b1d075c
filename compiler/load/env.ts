import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { PathSegment } from '../diagnostics/span.js';

export type Environment = Readonly<Record<string, string | undefined>>;

// ${env:NAME} or ${env:NAME:-default}; the default may be empty and runs to the first closing brace.
const REFERENCE = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

export interface Substituted {
  readonly data: unknown;
  readonly diagnostics: readonly PendingDiagnostic[];
  /** Paths of the values written with an environment reference (resolved or not). */
  readonly references: readonly (readonly PathSegment[])[];
}

/**
 * Replaces environment references in every string value. Returns new containers only where something changed, so
 * the loaded data is never mutated. A variable that is not set (and has no default) is an error at that value; the
 * value keeps its reference text so validation can go on.
 */
export function substituteEnv(data: unknown, file: string, env: Environment): Substituted {
  const diagnostics: PendingDiagnostic[] = [];
  const references: PathSegment[][] = [];

  const visit = (value: unknown, path: PathSegment[]): unknown => {
    if (typeof value === 'string') return value.includes('${env:') ? replace(value, path) : value;
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      value.forEach((item, index) => {
        const next = visit(item, [...path, index]);
        if (next !== item) (copy ??= [...value])[index] = next;
      });
      return copy ?? value;
    }
    if (value !== null && typeof value === 'object') {
      let copy: Record<string, unknown> | undefined;
      for (const [key, item] of Object.entries(value)) {
        const next = visit(item, [...path, key]);
        if (next !== item) (copy ??= { ...value })[key] = next;
      }
      return copy ?? value;
    }
    return value;
  };

  const replace = (text: string, path: PathSegment[]): string => {
    if (REFERENCE.test(text)) references.push(path);
    REFERENCE.lastIndex = 0;
    let missing = false;
    const result = text.replace(REFERENCE, (whole, name: string, fallback: string | undefined) => {
      const value = env[name];
      if (value !== undefined && value !== '') return value;
      if (fallback !== undefined) return fallback;
      missing = true;
      diagnostics.push({
        code: 'OS1102',
        message: `Environment variable ${name} is not set`,
        at: { file, path },
        hint: `set ${name} before running objectstack, or give a default: \${env:${name}:-value}`,
      });
      return whole;
    });
    return missing ? text : result;
  };

  return { data: visit(data, []), diagnostics, references };
}
