import { graphqlJs } from './graphql-js.js';
import { errorAnswer } from '../errors.js';

const { GraphQLError } = graphqlJs;
type GraphQLError = InstanceType<typeof GraphQLError>;

/**
 * A resolver failure as a GraphQL error carrying the same `code`, `status` and `details` a REST client gets, so
 * both transports report a validation failure or a missing permission identically.
 */
export function toGraphqlError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const answer = errorAnswer(error);
  const { code, message, details } = answer.body;
  return new GraphQLError(message, {
    extensions: { code, status: answer.status, details },
    ...(answer.unexpected && error instanceof Error && { originalError: error }),
  });
}

/** A record field the caller may not read: the engine left it out. */
export function unreadableField(object: string, field: string): GraphQLError {
  return new GraphQLError(`Permission denied: field ${object}.${field} is not readable`, {
    extensions: { code: 'forbidden', status: 403, details: [{ field, problem: 'not readable with your permission sets' }] },
  });
}
