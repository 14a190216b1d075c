import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * Where a value goes in SQL that is compiled once and run many times: Kysely compiles the placeholder as a
 * parameter, and each execution binds the value collected for it (see `query-cache.ts`).
 */
export class Placeholder {
  constructor(readonly index: number) {}
}

/** Hands out placeholders in the order the values were collected. */
export class Placeholders {
  private next = 0;
  take(): Placeholder {
    return new Placeholder(this.next++);
  }
}

/**
 * A condition whose SQL text depends only on `key` (the object's table being known): `values` are its parameters
 * in order, and `build` makes the Kysely expression only when that shape is compiled for the first time. So a
 * request pays for checking its filter, not for building and compiling the same query again.
 */
export interface Predicate {
  readonly key: string;
  readonly values: readonly unknown[];
  build(slots: Placeholders): RawBuilder<SqlBool>;
}

export function predicate(key: string, values: readonly unknown[], build: (slots: Placeholders) => RawBuilder<SqlBool>): Predicate {
  return { key, values, build };
}

/** A condition without values. */
export function constant(key: string, expression: RawBuilder<SqlBool>): Predicate {
  return { key, values: [], build: () => expression };
}

export const TRUE: Predicate = constant('true', sql<SqlBool>`1 = 1`);
export const FALSE: Predicate = constant('false', sql<SqlBool>`1 = 0`);

/** Parts joined with `and` / `or`, in parentheses; values in the parts' order. */
export function combine(parts: readonly Predicate[], joiner: 'and' | 'or'): Predicate {
  return {
    key: `(${parts.map((part) => part.key).join(` ${joiner} `)})`,
    values: parts.flatMap((part) => part.values),
    build: (slots) => sql<SqlBool>`(${sql.join(
      parts.map((part) => part.build(slots)),
      joiner === 'and' ? sql` and ` : sql` or `,
    )})`,
  };
}

/** `column in (…)` over `count` values: one shape per list length. */
export function valueList(slots: Placeholders, count: number): RawBuilder<unknown> {
  return sql.join(Array.from({ length: count }, () => slots.take()));
}
