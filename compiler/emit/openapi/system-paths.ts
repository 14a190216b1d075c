import type { JsonObject } from '../../ir/index.js';
import { responses, type PathContext } from './object-paths.js';
import { ref } from './schema-names.js';

export const SYSTEM_TAG = 'system';
export const METADATA_TAG = 'metadata';
export const GRAPHQL_TAG = 'graphql';

function json(description: string, schema: JsonObject): JsonObject {
  return { description, content: { 'application/json': { schema } } };
}

/** Health, readiness, metrics, object metadata, GraphQL and this document itself. */
export function systemPaths(context: PathContext): JsonObject {
  const health = { $ref: ref('Health') };
  const ready = { type: 'object', required: ['ready'], properties: { ready: { type: 'boolean' } } };
  // Probes must work without credentials: load balancers and orchestrators call them.
  const publicProbe = (operationId: string, summary: string, ok: string, failed: string, schema: JsonObject): JsonObject => ({
    get: { tags: [SYSTEM_TAG], operationId, summary, security: [], responses: { 200: json(ok, schema), 503: json(failed, schema) } },
  });
  return {
    '/api/v1/health': publicProbe('health', 'Overall health with each plugin and service', 'Healthy or degraded.', 'Unhealthy: the status names the failing plugins and services.', health),
    '/api/v1/ready': publicProbe('ready', 'Whether the server accepts traffic', 'Ready.', 'Not ready yet, or shutting down.', ready),
    '/api/v1/metrics': {
      get: {
        tags: [SYSTEM_TAG],
        operationId: 'metrics',
        summary: 'Prometheus metrics',
        responses: responses(context, { 200: { description: 'Metrics in the Prometheus text exposition format.', content: { 'text/plain': { schema: { type: 'string' } } } } }, [401, 403]),
      },
    },
    '/api/v1/meta/objects': {
      get: {
        tags: [METADATA_TAG],
        operationId: 'list_object_metadata',
        summary: 'Metadata of every object the API exposes',
        responses: responses(
          context,
          { 200: json('Objects sorted by name.', { type: 'object', required: ['data'], properties: { data: { type: 'array', items: { $ref: ref('ObjectMetadata') } } } }) },
          [401, 403],
        ),
      },
    },
    '/api/v1/meta/objects/{name}': {
      parameters: [{ name: 'name', in: 'path', required: true, description: 'Object name', schema: { type: 'string' } }],
      get: {
        tags: [METADATA_TAG],
        operationId: 'get_object_metadata',
        summary: 'Metadata of one object',
        responses: responses(context, { 200: json('The object metadata.', { $ref: ref('ObjectMetadata') }) }, [401, 403, 404]),
      },
    },
    '/api/v1/graphql': {
      post: {
        tags: [GRAPHQL_TAG],
        operationId: 'graphql',
        summary: 'GraphQL endpoint serving schema.graphql',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: ref('GraphqlRequest') } } } },
        responses: responses(context, { 200: json('The GraphQL result; field errors are in `errors`.', { $ref: ref('GraphqlResponse') }) }, [400, 401]),
      },
    },
    '/api/v1/openapi.json': {
      get: {
        tags: [SYSTEM_TAG],
        operationId: 'openapi',
        summary: 'This OpenAPI document',
        security: [],
        responses: { 200: json('The OpenAPI 3.1 document.', { type: 'object' }) },
      },
    },
  };
}
