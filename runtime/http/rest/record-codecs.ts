import { Ajv, type ValidateFunction } from 'ajv';
import type { FastifyReply } from 'fastify';
import type { PropertyAccess } from '../../../compiler/emit/field-mapping/index.js';
import type { JsonObject } from '../../../compiler/ir/types.js';
import { DataError } from '../../data/engine/errors.js';
import type { DataInput } from '../../data/engine/types.js';
import { unknownFieldDetail } from '../../data/engine/unknown-field.js';
import { recordBodySchema, recordResponseSchema } from './record-schema.js';

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * Body validation without Fastify's defaults: no type coercion, no defaults filled, no properties removed — a
 * value the client sent is either accepted as it is or refused, never silently changed.
 */
const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false, removeAdditional: false });

export type ResponseKind = 'record' | 'page' | 'list';

/**
 * One object's request and response schemas, compiled on first use (a 200-object stack must still start fast) and
 * dropped with the `ServedStack` they belong to, so a `dev` reload serves schemas of the new definitions.
 */
export class RecordCodecs {
  private readonly properties: readonly PropertyAccess[];
  private readonly byName: { readonly name: string; readonly byName: ReadonlyMap<string, PropertyAccess> };
  private bodyValidator: ValidateFunction | undefined;
  private readonly responses = new Map<ResponseKind, JsonObject>();
  /** The response schemas Fastify has been asked to compile a serializer for (what tests check). */
  readonly compiled = new Set<ResponseKind>();

  constructor(
    private readonly objectName: string,
    properties: ReadonlyMap<string, PropertyAccess>,
  ) {
    this.properties = [...properties.values()];
    this.byName = { name: objectName, byName: properties };
  }

  /** The JSON Schema of a response: one record, a page `{ data, total, limit, offset }` or a bulk `{ data }`. */
  responseSchema(kind: ResponseKind): JsonObject {
    let schema = this.responses.get(kind);
    if (!schema) {
      const record = this.responses.get('record') ?? recordResponseSchema(this.properties);
      this.responses.set('record', record);
      const list = { type: 'array', items: record };
      schema =
        kind === 'record'
          ? record
          : kind === 'list'
            ? { type: 'object', properties: { data: list } }
            : { type: 'object', properties: { data: list, total: { type: 'number' }, limit: { type: 'number' }, offset: { type: 'number' } } };
      this.responses.set(kind, schema);
    }
    return schema;
  }

  /**
   * Sets the reply's serializer to the one Fastify compiles (fast-json-stringify, cached by schema) for this kind of
   * response. Called once the answer is known, so an error raised earlier is never written with a record schema.
   * Fastify sets the JSON content type only for its default serializer, so it is set here.
   */
  serialize(reply: FastifyReply, kind: ResponseKind): FastifyReply {
    this.compiled.add(kind);
    return reply.type(JSON_CONTENT_TYPE).serializer(reply.compileSerializationSchema(this.responseSchema(kind)));
  }

  /**
   * Checks a create/update body against the object's schema. Unknown fields are answered here, 400 with the
   * engine's message and did-you-mean (`index` names the record of a bulk body); a body that breaks the schema
   * otherwise goes on to the engine, whose validation (after before-hooks, shared with GraphQL) words the answer.
   */
  checkBody(body: DataInput, mode: 'insert' | 'update', index?: number): void {
    this.bodyValidator ??= ajv.compile(recordBodySchema(this.properties));
    if (this.bodyValidator(body)) return;
    const unknown = Object.keys(body).filter((name) => !this.byName.byName.has(name));
    if (unknown.length === 0) return;
    const details = unknown.map((name) => ({ ...unknownFieldDetail(this.byName, name, 'Field'), ...(index !== undefined && { index }) }));
    const message = `Unknown field(s) in the ${mode} on ${this.objectName}`;
    throw new DataError('bad_request', index !== undefined ? `Record ${index + 1} of the batch: ${message}` : message, details);
  }
}
