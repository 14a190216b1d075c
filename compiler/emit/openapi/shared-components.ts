import type { JsonObject } from '../../ir/index.js';
import { DATA_ERROR_STATUS } from '../../../runtime/data/engine/types.js';
import { FIELD_TYPES } from '../../../schemas/index.js';
import { FILTER_OPERATOR_SETS, operandOf, structSchema, type JsonSchemaRefs } from '../field-mapping/index.js';
import { geoLocationShape, postalAddressShape, recordReferenceShape } from '../field-mapping/struct-shapes.js';
import { ref, type SharedSchemaName } from './schema-names.js';

/** Error codes the HTTP layer adds to the data engine's: no or bad credentials, a body over the size limit. */
const HTTP_ERROR_STATUS = { unauthorized: 401, payload_too_large: 413 } as const;

const ERROR_STATUS: Readonly<Record<string, number>> = { ...DATA_ERROR_STATUS, ...HTTP_ERROR_STATUS };

/** Reusable error responses by status; each names the error codes it carries. */
export const ERROR_RESPONSES = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  422: 'Unprocessable',
} as const;

export type ErrorStatus = keyof typeof ERROR_RESPONSES;

const ERROR_SUMMARIES: Readonly<Record<ErrorStatus, string>> = {
  400: 'The request is malformed: unknown field, bad operator, wrong value type, or a page size above the maximum.',
  401: 'No credentials, or credentials that are not valid (API key or bearer JWT).',
  403: 'The caller lacks the permission the message names.',
  404: 'No record with this id, or no object with this name.',
  409: 'A unique value already exists, or a restrict reference blocks the delete.',
  413: 'The request body is larger than the server accepts.',
  422: 'The values break the field definitions (required, length, range, options, format, readonly) or a hook rejected the write.',
};

export function errorResponses(): JsonObject {
  const responses: JsonObject = {};
  for (const [status, name] of Object.entries(ERROR_RESPONSES)) {
    const codes = Object.keys(ERROR_STATUS).filter((code) => String(ERROR_STATUS[code]) === status).sort();
    responses[name] = {
      description: `${ERROR_SUMMARIES[Number(status) as ErrorStatus]} Codes: ${codes.join(', ')}.`,
      content: { 'application/json': { schema: { $ref: ref('Error') } } },
    };
  }
  return responses;
}

function filterSchema(value: JsonObject, operators: readonly string[]): JsonObject {
  const properties: JsonObject = {};
  for (const operator of operators) {
    const operand = operandOf(operator);
    properties[operator] = operand === 'boolean' ? { type: 'boolean' } : operand === 'list' ? { type: 'array', items: value } : value;
  }
  return { type: 'object', properties, additionalProperties: false };
}

/** Filter conditions on one option (enum) field; inline in the object's filter schema. */
export function enumFilterSchema(values: readonly string[], list: boolean): JsonObject {
  return filterSchema({ type: 'string', enum: [...values] }, list ? FILTER_OPERATOR_SETS.list : FILTER_OPERATOR_SETS.equality);
}

const ID: JsonObject = { type: 'string' };

type FilterSchemaName = Extract<SharedSchemaName, `${string}Filter`>;

function sharedFilters(): Record<FilterSchemaName, JsonObject> {
  return {
    StringFilter: filterSchema({ type: 'string' }, FILTER_OPERATOR_SETS.text),
    NumberFilter: filterSchema({ type: 'number' }, FILTER_OPERATOR_SETS.ordered),
    IntegerFilter: filterSchema({ type: 'integer' }, FILTER_OPERATOR_SETS.ordered),
    BooleanFilter: filterSchema({ type: 'boolean' }, FILTER_OPERATOR_SETS.boolean),
    DateFilter: filterSchema({ type: 'string', format: 'date' }, FILTER_OPERATOR_SETS.ordered),
    DateTimeFilter: filterSchema({ type: 'string', format: 'date-time' }, FILTER_OPERATOR_SETS.ordered),
    TimeFilter: filterSchema({ type: 'string', format: 'time' }, FILTER_OPERATOR_SETS.ordered),
    IdFilter: filterSchema(ID, FILTER_OPERATOR_SETS.equality),
    StringListFilter: filterSchema({ type: 'string' }, FILTER_OPERATOR_SETS.list),
    IdListFilter: filterSchema(ID, FILTER_OPERATOR_SETS.list),
  };
}

const HEALTH_STATUS = { type: 'string', enum: ['healthy', 'degraded', 'unhealthy', 'failed'] };

/** The shared component schemas, in `SHARED_SCHEMAS` order. */
export function sharedSchemas(refs: JsonSchemaRefs): Record<SharedSchemaName, JsonObject> {
  return {
    Error: {
      type: 'object',
      description: 'Every error response: a stable code, a message saying what happened and how to fix it, and per-field details.',
      required: ['code', 'message', 'details'],
      properties: {
        code: { type: 'string', enum: Object.keys(ERROR_STATUS).sort() },
        message: { type: 'string' },
        details: { type: 'array', items: { $ref: ref('ErrorDetail') } },
      },
    },
    ErrorDetail: {
      type: 'object',
      required: ['problem'],
      properties: {
        field: { type: 'string', description: 'The field the problem is about; absent when it concerns the whole request.' },
        problem: { type: 'string' },
        index: { type: 'integer', minimum: 0, description: 'Position of the record in a bulk create.' },
      },
    },
    Health: {
      type: 'object',
      required: ['status', 'state', 'uptimeMs', 'plugins', 'services'],
      properties: {
        status: HEALTH_STATUS,
        state: { type: 'string', enum: ['created', 'booting', 'running', 'degraded', 'stopping', 'stopped'] },
        uptimeMs: { type: 'number' },
        plugins: {
          type: 'array',
          items: { type: 'object', required: ['id', 'status', 'latencyMs'], properties: { id: { type: 'string' }, status: HEALTH_STATUS, latencyMs: { type: 'number' }, message: { type: 'string' } } },
        },
        services: {
          type: 'array',
          items: { type: 'object', required: ['name', 'pluginId', 'status', 'latencyMs'], properties: { name: { type: 'string' }, pluginId: { type: 'string' }, status: HEALTH_STATUS, latencyMs: { type: 'number' } } },
        },
      },
    },
    ObjectMetadata: {
      type: 'object',
      description: 'What a UI needs to render an object: labels and, per field, type, label, flags, reference and options.',
      required: ['name', 'label', 'pluralLabel', 'fields'],
      properties: {
        name: { type: 'string' },
        label: { type: 'string' },
        pluralLabel: { type: 'string' },
        nameField: { type: ['string', 'null'] },
        fields: { type: 'object', additionalProperties: { $ref: ref('FieldMetadata') } },
      },
    },
    FieldMetadata: {
      type: 'object',
      required: ['type', 'label', 'required', 'readonly'],
      properties: {
        type: { type: 'string', enum: [...FIELD_TYPES] },
        label: { type: 'string' },
        required: { type: 'boolean' },
        readonly: { type: 'boolean' },
        multiple: { type: 'boolean' },
        reference: { type: 'string' },
        options: {
          type: 'array',
          items: { type: 'object', required: ['value', 'label'], properties: { value: { type: 'string' }, label: { type: 'string' }, color: { type: 'string' } } },
        },
      },
    },
    GraphqlRequest: {
      type: 'object',
      required: ['query'],
      properties: {
        query: { type: 'string' },
        variables: { type: ['object', 'null'], additionalProperties: true },
        operationName: { type: ['string', 'null'] },
      },
    },
    GraphqlResponse: {
      type: 'object',
      properties: {
        data: { type: ['object', 'null'], additionalProperties: true },
        errors: { type: 'array', items: { type: 'object', required: ['message'], properties: { message: { type: 'string' } }, additionalProperties: true } },
      },
    },
    ...sharedFilters(),
    GeoLocation: structSchema(geoLocationShape, refs, 'read'),
    PostalAddress: structSchema(postalAddressShape, refs, 'read'),
    RecordReference: structSchema(recordReferenceShape, refs, 'read'),
  };
}
