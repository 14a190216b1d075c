import type { JsonObject, StackIR } from '../../ir/index.js';
import { GENERATED_JSON_KEY, generatedJsonMarker, type Artifact } from '../artifact.js';
import { exposedObjects, NameTable, type JsonSchemaRefs } from '../field-mapping/index.js';
import { addObjectSchemas } from './object-components.js';
import { addObjectParameters, addObjectPaths, type PathContext } from './object-paths.js';
import { ref, SchemaNames } from './schema-names.js';
import { errorResponses, sharedSchemas } from './shared-components.js';
import { GRAPHQL_TAG, METADATA_TAG, SYSTEM_TAG, systemPaths } from './system-paths.js';

/** Where the document is written, relative to the output directory (the runtime serves it at `/api/v1/openapi.json`). */
export const OPENAPI_FILE = 'openapi.json';

const AUTH_PLUGIN = 'com.objectstack.auth';

/** What every operation shares and a schema cannot say, stated once. */
const API_NOTES = [
  'Records live under `/api/v1/data/{object}`.',
  'Filters: a JSON `filter` parameter (`{"stage":{"in":["won","lost"]},"or":[{"amount":{"gt":100}}]}`), or `filter[field][op]=value` parameters (`in`/`nin` values comma-separated) combined with `and`.',
  'Operators: eq, ne, gt, gte, lt, lte, in, nin, contains (substring, or list membership on list fields), startsWith, isNull.',
  'Errors are `{code, message, details: [{field, problem}]}` with the status of their code.',
].join('\n\n');

/**
 * `openapi.json`: an OpenAPI 3.1 description of the runtime's REST API for this stack. The generated-file header
 * is the first key, `x-generated` (JSON has no comments; OpenAPI allows `x-` keys at the root). Keys are inserted
 * in a fixed order and printed with 2-space indentation and a final newline, so the bytes are deterministic.
 */
export function emitOpenApi(ir: StackIR, inputHash: string): Artifact[] {
  const names = new SchemaNames(ir);
  const objects = exposedObjects(ir);
  const refs: JsonSchemaRefs = {
    struct: (shape) => ('shared' in shape.name ? ref(shape.name.shared) : null),
    record: (objectName) => {
      const name = names.recordOrNull(objectName);
      return name === null ? null : ref(name);
    },
  };
  const auth = ir.pluginsById.get(AUTH_PLUGIN);
  const tagNames = new NameTable([SYSTEM_TAG, METADATA_TAG, GRAPHQL_TAG]);
  const tags = new Map(objects.map((object) => [object.name, tagNames.claim(object.name)]));
  const context: PathContext = { names, authenticated: auth !== undefined, tag: (name) => tags.get(name) ?? name };

  const paths: JsonObject = systemPaths(context);
  for (const object of objects) addObjectPaths(paths, object, context);
  const schemas: JsonObject = { ...sharedSchemas(refs) };
  for (const object of objects) addObjectSchemas(schemas, object, names, refs);
  const parameters: JsonObject = {
    limit: { name: 'limit', in: 'query', description: "Page size; defaults to the server's page size, at most its maximum (else 400 page_too_large).", schema: { type: 'integer', minimum: 1 } },
    offset: { name: 'offset', in: 'query', description: 'Records to skip before the page starts.', schema: { type: 'integer', minimum: 0, default: 0 } },
  };
  for (const object of objects) addObjectParameters(parameters, object, names);
  const apiKeyHeader = auth?.config.apiKeyHeader;

  const document: JsonObject = {
    [GENERATED_JSON_KEY]: { ...generatedJsonMarker(inputHash) },
    openapi: '3.1.0',
    info: {
      title: ir.manifest.name,
      version: ir.manifest.version,
      description: `${ir.manifest.description === undefined ? '' : `${ir.manifest.description}\n\n`}${API_NOTES}`,
    },
    // With the auth plugin every operation needs an API key or a bearer JWT, except the health probes.
    ...(auth === undefined ? {} : { security: [{ apiKey: [] }, { bearerAuth: [] }] }),
    tags: [
      { name: SYSTEM_TAG, description: 'Health, readiness, metrics and this document' },
      { name: METADATA_TAG, description: 'Object metadata for UI clients' },
      { name: GRAPHQL_TAG, description: 'The GraphQL endpoint' },
      ...objects.map((object) => ({ name: context.tag(object.name), description: `${object.pluralLabel} (${object.name})` })),
    ],
    paths,
    components: {
      schemas,
      parameters,
      responses: errorResponses(),
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: typeof apiKeyHeader === 'string' ? apiKeyHeader : 'x-api-key', description: 'An API key configured in the stack.' },
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A signed JWT (HS256 or RS256).' },
      },
    },
  };
  return [{ path: OPENAPI_FILE, content: `${JSON.stringify(document, null, 2)}\n` }];
}
