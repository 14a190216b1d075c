import type { JsonObject, ObjectIR } from '../../ir/index.js';
import { allows, isSortable, readableProperties } from '../field-mapping/index.js';
import { ref, type SchemaNames } from './schema-names.js';
import { ERROR_RESPONSES, type ErrorStatus } from './shared-components.js';

/** What every operation of one document shares: schema names, whether 401 can happen, each object's tag. */
export interface PathContext {
  readonly names: SchemaNames;
  readonly authenticated: boolean;
  readonly tag: (objectName: string) => string;
}

export const DATA_PREFIX = '/api/v1/data';

function jsonBody(schema: JsonObject): JsonObject {
  return { content: { 'application/json': { schema } } };
}

/** Success response plus the error responses by status (401 only when the stack configures authentication). */
export function responses(context: PathContext, success: Readonly<Record<string, JsonObject>>, errors: readonly ErrorStatus[]): JsonObject {
  const result: JsonObject = { ...success };
  for (const status of errors) {
    if (status === 401 && !context.authenticated) continue;
    result[String(status)] = { $ref: `#/components/responses/${ERROR_RESPONSES[status]}` };
  }
  return result;
}

const READ_ERRORS: readonly ErrorStatus[] = [400, 401, 403];
const WRITE_ERRORS: readonly ErrorStatus[] = [400, 401, 403, 409, 413, 422];

/**
 * Adds `/api/v1/data/<object>`, `…/bulk` and `…/{id}` to `paths`, with the operations `enable.apiMethods` allows;
 * empty paths left out. (Written into the document's map directly: at 1,000 objects temporaries cost GC time.)
 */
export function addObjectPaths(paths: JsonObject, object: ObjectIR, context: PathContext): void {
  const { names } = context;
  const record = { $ref: ref(names.record(object.name)) };
  const create = { $ref: ref(names.derived(object.name, 'create')) };
  const tags = [context.tag(object.name)];
  const parameter = (suffix: string) => ({ $ref: `#/components/parameters/${names.record(object.name)}${suffix}` });
  const selection = [parameter('Fields'), ...(expandableLookups(object).length > 0 ? [parameter('Expand')] : [])];
  const collection: JsonObject = {};
  if (allows(object, 'list')) {
    collection.get = {
      tags,
      operationId: `list_${object.name}`,
      summary: `List ${object.pluralLabel}`,
      parameters: [parameter('Filter'), parameter('Sort'), { $ref: '#/components/parameters/limit' }, { $ref: '#/components/parameters/offset' }, ...selection],
      responses: responses(context, { 200: { description: `A page of ${object.pluralLabel} with the total count.`, ...jsonBody({ $ref: ref(names.derived(object.name, 'page')) }) } }, READ_ERRORS),
    };
  }
  if (allows(object, 'create')) {
    collection.post = {
      tags,
      operationId: `create_${object.name}`,
      summary: `Create ${article(object.label)}`,
      requestBody: { required: true, ...jsonBody(create) },
      responses: responses(context, { 201: { description: 'The record as stored, with its id and system fields.', ...jsonBody(record) } }, WRITE_ERRORS),
    };
  }
  const bulk: JsonObject = {};
  if (allows(object, 'create') && allows(object, 'bulk')) {
    bulk.post = {
      tags,
      operationId: `bulk_create_${object.name}`,
      summary: `Create several ${object.pluralLabel} at once (all or nothing)`,
      requestBody: { required: true, ...jsonBody({ type: 'array', minItems: 1, items: create }) },
      responses: responses(
        context,
        { 201: { description: 'The records as stored, in request order.', ...jsonBody({ type: 'object', required: ['data'], properties: { data: { type: 'array', items: record } } }) } },
        WRITE_ERRORS,
      ),
    };
  }
  const item: JsonObject = {};
  if (allows(object, 'get')) {
    item.get = {
      tags,
      operationId: `get_${object.name}`,
      summary: `Read one ${object.label}`,
      parameters: selection,
      responses: responses(context, { 200: { description: `The ${object.label}.`, ...jsonBody(record) } }, [...READ_ERRORS, 404]),
    };
  }
  if (allows(object, 'update')) {
    item.patch = {
      tags,
      operationId: `update_${object.name}`,
      summary: `Change fields of ${article(object.label)}`,
      requestBody: { required: true, ...jsonBody({ $ref: ref(names.derived(object.name, 'update')) }) },
      responses: responses(context, { 200: { description: 'The record as stored after the change.', ...jsonBody(record) } }, [...WRITE_ERRORS, 404]),
    };
  }
  if (allows(object, 'delete')) {
    item.delete = {
      tags,
      operationId: `delete_${object.name}`,
      summary: `Delete ${article(object.label)}`,
      responses: responses(context, { 200: { description: 'The deleted record, as it was.', ...jsonBody(record) } }, [401, 403, 404, 409]),
    };
  }
  const base = `${DATA_PREFIX}/${object.name}`;
  if (Object.keys(collection).length > 0) paths[base] = collection;
  if (Object.keys(bulk).length > 0) paths[`${base}/bulk`] = bulk;
  if (Object.keys(item).length > 0) {
    paths[`${base}/{id}`] = { parameters: [{ name: 'id', in: 'path', required: true, description: 'Record id', schema: { type: 'string' } }], ...item };
  }
}

function article(label: string): string {
  return /^[aeiou]/i.test(label) ? `an ${label}` : `a ${label}`;
}

/**
 * Adds the list and read parameters of one object, as components (`<Record>Filter`, `<Record>Sort`, `<Record>Fields`,
 * `<Record>Expand`): each names the object's fields, and list and read share them.
 */
export function addObjectParameters(parameters: JsonObject, object: ObjectIR, names: SchemaNames): void {
  const readable = readableProperties(object);
  const record = names.record(object.name);
  const lookups = expandableLookups(object);
  parameters[`${record}Filter`] = {
    name: 'filter',
    in: 'query',
    description: 'Conditions as JSON; or as `filter[field][op]=value` parameters (see the API description).',
    content: { 'application/json': { schema: { $ref: ref(names.derived(object.name, 'filter')) } } },
  };
  parameters[`${record}Sort`] = csvParameter(
    'sort',
    'Sort keys, comma-separated, applied in order; a leading `-` sorts descending. Ties are broken by id.',
    readable.filter(isSortable).flatMap((p) => [p.name, `-${p.name}`]),
  );
  parameters[`${record}Fields`] = csvParameter('fields', 'Fields to return, comma-separated (id is always returned); all readable fields when omitted.', readable.map((p) => p.name));
  if (lookups.length > 0) {
    parameters[`${record}Expand`] = csvParameter('expand', 'Lookup fields to return as the referenced records instead of ids, comma-separated.', lookups);
  }
}

/** A comma-separated list of names (`?fields=name,stage`), each one of `values`. */
function csvParameter(name: string, description: string, values: readonly string[]): JsonObject {
  return { name, in: 'query', description, style: 'form', explode: false, schema: { type: 'array', items: { type: 'string', enum: [...values] } } };
}

/** Readable reference fields whose records `expand` can return in place of their ids. */
function expandableLookups(object: ObjectIR): string[] {
  return readableProperties(object)
    .filter((p) => {
      const item = p.shape.kind === 'list' ? p.shape.item : p.shape;
      return p.field !== null && item.kind === 'id' && item.reference !== null;
    })
    .map((p) => p.name);
}
