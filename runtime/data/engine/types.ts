/**
 * The data engine's public interface: what the `data` service is, for plugins, the REST and GraphQL layers and tests.
 *
 * Every identifier the engine puts in SQL comes from the object definitions (the IR), never from a request: a query
 * names fields, the engine checks them against the object and maps them to columns. Values are always parameters.
 */
import type { PermissionSet } from '../../../schemas/index.js';
import type { DataDriver } from '../drivers/driver.js';

// ---------------------------------------------------------------------------------------------------------------
// Values and records

/** A value as the engine accepts and returns it: JSON-shaped (dates are ISO strings, JSON-ish fields are values). */
export type DataValue = string | number | boolean | null | readonly DataValue[] | { readonly [key: string]: DataValue };

/** A record as returned: field name → value, with the system fields (`id`, `created_at`, …) included. */
export type DataRecord = Record<string, DataValue>;

/** Values of an insert or update, keyed by field name. */
export type DataInput = Readonly<Record<string, unknown>>;

/** Record ids are text (see `runtime/data/engine/id.ts` for the format). */
export type RecordId = string;

// ---------------------------------------------------------------------------------------------------------------
// Query AST

/** A value a condition compares with. */
export type ScalarValue = string | number | boolean | null;

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains' | 'startsWith';
export type ListOperator = 'in' | 'nin';
export type FilterOperator = ComparisonOperator | ListOperator | 'isNull';

export const FILTER_OPERATORS: readonly FilterOperator[] = [
  'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'contains', 'startsWith', 'isNull',
];

/**
 * One test on one field. `contains` on a JSON-ish field (multiselect, tags, …) means "the list holds the value";
 * on text it is a case-sensitive substring test. `isNull: false` means "has a value".
 */
export type Condition =
  | { readonly field: string; readonly op: ComparisonOperator; readonly value: ScalarValue }
  | { readonly field: string; readonly op: ListOperator; readonly value: readonly ScalarValue[] }
  | { readonly field: string; readonly op: 'isNull'; readonly value: boolean };

/** A filter tree: conditions combined with `and` / `or` (an empty `and` matches everything, an empty `or` nothing). */
export type Filter = Condition | { readonly and: readonly Filter[] } | { readonly or: readonly Filter[] };

export interface SortKey {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

export interface FindQuery {
  readonly filter?: Filter;
  /** Applied in order; `id` ascending is always added last so pages are stable. */
  readonly sort?: readonly SortKey[];
  /** Page size; defaults to the engine's `defaultPageSize`; above `maxPageSize` → `DataError` `page_too_large`. */
  readonly limit?: number;
  readonly offset?: number;
  /** Fields to return (`id` is always returned); all readable fields when omitted. */
  readonly fields?: readonly string[];
  /**
   * Lookup fields whose referenced records are returned in place of their ids (multiple lookups: a list of records).
   * One query per expanded field per page, never one per record.
   */
  readonly expand?: readonly string[];
  /** Also count every matching record (`FindResult.total`); costs one extra query. */
  readonly count?: boolean;
}

export interface FindResult {
  readonly records: DataRecord[];
  /** Present when the query asked for `count`. */
  readonly total?: number;
  readonly limit: number;
  readonly offset: number;
}

export interface FindOneOptions {
  readonly fields?: readonly string[];
  readonly expand?: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Request context and permissions

/** The object and field access of a principal: the permission sets assigned to it, merged by the HTTP layer. */
export type AccessRules = Pick<PermissionSet, 'objects' | 'fields'>;

/**
 * Who performs an operation. The HTTP layer passes the authenticated principal. Without `permissions` the caller is
 * trusted (plugins, migrations, tests): every object and field is accessible. With `permissions`, the engine
 * enforces object rights (403), field readability (unreadable fields are omitted, and cannot be filtered or sorted
 * on), field editability (403), and owner-based row access on objects whose `sharingModel` is `private`.
 */
export interface RequestContext {
  readonly userId?: string;
  readonly permissions?: AccessRules;
  /** Tenant of the caller, written to and filtered on the tenant column of tenant-scoped objects. */
  readonly tenantId?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// The engine

export interface DataEngine {
  /** Records matching the query, one page. */
  find(object: string, query?: FindQuery, ctx?: RequestContext): Promise<FindResult>;
  /** One record by id, or `DataError` `not_found`. */
  findOne(object: string, id: RecordId, options?: FindOneOptions, ctx?: RequestContext): Promise<DataRecord>;
  count(object: string, filter?: Filter, ctx?: RequestContext): Promise<number>;
  /** Validates, applies defaults, assigns id/autonumbers/system fields, writes, and returns the stored record. */
  insert(object: string, data: DataInput, ctx?: RequestContext): Promise<DataRecord>;
  /** All or nothing: one transaction; a `DataError` names the failing record's index in `details[].index`. */
  insertMany(object: string, data: readonly DataInput[], ctx?: RequestContext): Promise<DataRecord[]>;
  /** Partial update of the given fields; returns the stored record. */
  update(object: string, id: RecordId, data: DataInput, ctx?: RequestContext): Promise<DataRecord>;
  /** Deletes the record (honouring `deleteBehavior` of fields pointing to it); returns the deleted record. */
  delete(object: string, id: RecordId, ctx?: RequestContext): Promise<DataRecord>;
  /**
   * The open database, for platform plugins that keep their own tables beside the objects (audit log, plugin
   * storage). Object records must go through the engine: the driver bypasses validation, events and permissions.
   */
  database(): DataDriver;
  /** Names of the objects this engine serves (sorted). */
  objects(): readonly string[];
  /** Closes the database connection(s). */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// Errors

/**
 * Why an operation failed, each with one HTTP status:
 * - `bad_request` 400: the query or body is malformed (unknown field, bad operator, wrong value type in a filter);
 * - `validation_failed` 422: the values break the field definitions (required, length, range, options, format);
 * - `readonly_field` 422: a write names a readonly, computed or system field;
 * - `rejected` 422: a before-hook rejected the operation (its message is kept);
 * - `forbidden` 403: the permissions do not allow the operation or field;
 * - `not_found` 404: no record with this id (or no object with this name);
 * - `conflict` 409: a unique value already exists, or a `restrict` reference blocks a delete;
 * - `page_too_large` 400: `limit` above the maximum page size.
 */
export type DataErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'readonly_field'
  | 'rejected'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'page_too_large';

export const DATA_ERROR_STATUS: Readonly<Record<DataErrorCode, number>> = {
  bad_request: 400,
  validation_failed: 422,
  readonly_field: 422,
  rejected: 422,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  page_too_large: 400,
};

/** One problem with one field (or with the request as a whole when `field` is absent). */
export interface DataErrorDetail {
  readonly field?: string;
  readonly problem: string;
  /** Position of the record in an `insertMany` batch. */
  readonly index?: number;
}
