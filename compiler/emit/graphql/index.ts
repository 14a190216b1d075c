import type { StackIR } from '../../ir/index.js';
import { generatedHeader, type Artifact } from '../artifact.js';
import { exposedObjects, pluralize } from '../field-mapping/index.js';
import { GraphqlNames } from './graphql-type-names.js';
import { objectDefinitions } from './object-definitions.js';
import { mutationType, queryType } from './operations.js';
import { reverseLists } from './reverse-lists.js';
import { sharedDefinitions } from './shared-definitions.js';

export { GraphqlNames } from './graphql-type-names.js';

/** Where the SDL is written, relative to the output directory (the runtime serves it at `/api/v1/graphql`). */
export const GRAPHQL_SCHEMA_FILE = 'schema.graphql';

/**
 * `schema.graphql`: the GraphQL schema of the stack's exposed objects, for the runtime to serve. Shared definitions
 * first, then Query and Mutation, then each object's definitions in object order.
 */
export function emitGraphql(ir: StackIR, inputHash: string): Artifact[] {
  const names = new GraphqlNames(ir);
  const objects = exposedObjects(ir);
  const reverse = reverseLists(ir, pluralize);
  const mutation = mutationType(objects, names);
  const definitions = [
    ...sharedDefinitions(names),
    queryType(objects, names),
    ...(mutation === null ? [] : [mutation]),
    ...objects.flatMap((object) => objectDefinitions(object, names, reverse.get(object.name) ?? [])),
  ];
  return [{ path: GRAPHQL_SCHEMA_FILE, content: `${generatedHeader('hash', inputHash)}${definitions.join('\n\n')}\n` }];
}
