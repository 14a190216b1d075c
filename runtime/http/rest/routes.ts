import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DataInput } from '../../data/engine/types.js';
import { badRequest } from '../errors.js';
import type { ServedObject } from '../served-stack.js';
import { parseListQuery, parseSelection, type QueryString } from './list-query.js';
import type { ResponseKind } from './record-codecs.js';

export const DATA_PREFIX = '/api/v1/data';

interface ObjectParams {
  object: string;
}
interface RecordParams extends ObjectParams {
  id: string;
}

/**
 * REST over the data engine: list, read, create, bulk create, update, delete. Every rule (validation, hooks,
 * permissions, row access) is the engine's; this layer only translates HTTP to engine calls and back, so GraphQL
 * behaves identically.
 */
export function registerRestRoutes(app: FastifyInstance): void {
  app.get<{ Params: ObjectParams; Querystring: QueryString }>(`${DATA_PREFIX}/:object`, async (request, reply) => {
    const object = request.served.operation(request.params.object, 'list');
    const query = parseListQuery(object, request.query);
    const page = await request.engine.find(object.ir.name, query, request.dataContext);
    return serialized(reply, object, 'page', query.expand).send({ data: page.records, total: page.total ?? page.records.length, limit: page.limit, offset: page.offset });
  });

  app.get<{ Params: RecordParams; Querystring: QueryString }>(`${DATA_PREFIX}/:object/:id`, async (request, reply) => {
    const object = request.served.operation(request.params.object, 'get');
    const selection = parseSelection(request.query);
    const record = await request.engine.findOne(object.ir.name, request.params.id, selection, request.dataContext);
    return serialized(reply, object, 'record', selection.expand).send(record);
  });

  app.post<{ Params: ObjectParams }>(`${DATA_PREFIX}/:object`, async (request, reply) => {
    const object = request.served.operation(request.params.object, 'create');
    const record = await request.engine.insert(object.ir.name, recordBody(request, object, 'insert'), request.dataContext);
    return serialized(reply.code(201), object, 'record').send(record);
  });

  app.post<{ Params: ObjectParams }>(`${DATA_PREFIX}/:object/bulk`, async (request, reply) => {
    const object = request.served.operation(request.params.object, 'create');
    request.served.operation(request.params.object, 'bulk');
    const records = await request.engine.insertMany(object.ir.name, recordList(request, object), request.dataContext);
    return serialized(reply.code(201), object, 'list').send({ data: records });
  });

  app.patch<{ Params: RecordParams }>(`${DATA_PREFIX}/:object/:id`, async (request, reply) => {
    const object = request.served.operation(request.params.object, 'update');
    const record = await request.engine.update(object.ir.name, request.params.id, recordBody(request, object, 'update'), request.dataContext);
    return serialized(reply, object, 'record').send(record);
  });

  app.delete<{ Params: RecordParams }>(`${DATA_PREFIX}/:object/:id`, async (request, reply) => {
    const object = request.served.operation(request.params.object, 'delete');
    const record = await request.engine.delete(object.ir.name, request.params.id, request.dataContext);
    return serialized(reply, object, 'record').send(record);
  });
}

/**
 * The reply with the object's compiled serializer. Expanded lookups hold records of other objects where the
 * schema has ids, so those answers keep Fastify's default JSON serialisation.
 */
function serialized(reply: FastifyReply, object: ServedObject, kind: ResponseKind, expand?: readonly string[]): FastifyReply {
  return expand !== undefined && expand.length > 0 ? reply : object.codecs.serialize(reply, kind);
}

function isRecord(value: unknown): value is DataInput {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function recordBody(request: FastifyRequest, object: ServedObject, mode: 'insert' | 'update'): DataInput {
  if (isRecord(request.body)) {
    object.codecs.checkBody(request.body, mode);
    return request.body;
  }
  throw badRequest('The body must be a JSON object of field values, e.g. {"name": "Acme"}', [{ problem: `got ${describe(request.body)}` }]);
}

function recordList(request: FastifyRequest, object: ServedObject): DataInput[] {
  const body = request.body;
  if (!Array.isArray(body) || body.length === 0) {
    throw badRequest('The body of a bulk create must be a non-empty JSON array of records', [{ problem: `got ${describe(body)}` }]);
  }
  const records = body.map((item: unknown, index) => {
    if (isRecord(item)) return item;
    throw badRequest(`Record ${index} of the bulk body is not a JSON object`, [{ index, problem: `got ${describe(item)}` }]);
  });
  for (const [index, record] of records.entries()) object.codecs.checkBody(record, 'insert', index);
  return records;
}

function describe(value: unknown): string {
  if (value === undefined) return 'no body';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
