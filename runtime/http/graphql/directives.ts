import type { ConstDirectiveNode } from 'graphql';
import { graphqlJs } from './graphql-js.js';

const { Kind } = graphqlJs;

/** The arguments of `@objectstack(object:, field:, value:)` the generated SDL puts where resolvers need a name. */
export interface StackNames {
  readonly object?: string;
  readonly field?: string;
  readonly value?: string;
}

/** Reads `@objectstack` from a definition's AST node; `{}` when it has none. */
export function stackNames(node: { readonly directives?: readonly ConstDirectiveNode[] | undefined } | null | undefined): StackNames {
  const directive = node?.directives?.find((d) => d.name.value === 'objectstack');
  const names: Record<string, string> = {};
  for (const argument of directive?.arguments ?? []) {
    if (argument.value.kind === Kind.STRING) names[argument.name.value] = argument.value.value;
  }
  return names;
}
