/** The HTTP runtime: a stack served over REST, GraphQL and OpenAPI on Fastify. */
export { createHttpServer, DEFAULT_BODY_LIMIT, GRAPHQL_PATH } from './server.js';
export type { HostKernel, HttpServer, HttpServerOptions, ServedArtifacts, SwapInput } from './server.js';
export { errorAnswer, HttpError, type ErrorBody } from './errors.js';
export { ServedStack } from './served-stack.js';
export type { ObjectMetadata, FieldMetadata } from './meta.js';
