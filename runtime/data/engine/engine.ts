import { sql } from 'kysely';
import type { ObjectIR } from '../../../compiler/ir/types.js';
import { suggestion } from '../../../compiler/diagnostics/did-you-mean.js';
import type { DataDriver } from '../drivers/driver.js';
import type { QueryDb } from '../drivers/query-adapter.js';
import { ObjectAccess } from './access.js';
import { byIdPlans, readById, readsWholeRecord, type ByIdPlan } from './by-id.js';
import { DataError } from './errors.js';
import { compileFilter } from './filter.js';
import { listening, runAfter, runBefore, type EngineEvents } from './hooks.js';
import { buildObjectModel, columnOf, type ObjectModel } from './model.js';
import { checkSelection, countRows, idEquals, idIn, selectRows, shapeRecords, type ShapeOptions } from './reader.js';
import type { Predicate } from './predicate.js';
import { QueryCache } from './query-cache.js';
import { rowDecoder } from './row-decoder.js';
import { cascadeVictims, checkRestrictedReferences } from './references.js';
import type { EngineState } from './state.js';
import type { DataEngine, DataInput, DataRecord, Filter, FindOneOptions, FindQuery, FindResult, RecordId, RequestContext, SortKey } from './types.js';
import { unknownFieldDetail } from './unknown-field.js';
import { validateWrite } from './validate.js';
import { hasNul } from './value-check.js';
import { insertRow, mapWriteError, updateRow } from './writer.js';

export interface DataEngineOptions {
  /** The objects served (from the IR; the data plugin builds them from the kernel's object definitions). */
  readonly objects: readonly ObjectIR[];
  readonly driver: DataDriver;
  /** The kernel event bus: data lifecycle events and before-hooks. Without it, no events are emitted. */
  readonly events?: EngineEvents;
  /** Page size of a find without `limit` (default 50). */
  readonly defaultPageSize?: number;
  /** Largest `limit` accepted (default 200). */
  readonly maxPageSize?: number;
  /** Clock, for timestamps and formulas (tests pin it). */
  readonly now?: () => Date;
}

const TRUSTED: RequestContext = {};

export function createDataEngine(options: DataEngineOptions): DataEngine {
  return new SqlDataEngine(options);
}

class SqlDataEngine implements DataEngine {
  private readonly state: EngineState;
  private readonly events: EngineEvents | undefined;
  private readonly defaultPageSize: number;
  private readonly maxPageSize: number;
  private readonly byId: ReadonlyMap<string, ByIdPlan>;

  constructor(options: DataEngineOptions) {
    const models = new Map(options.objects.map((object) => [object.name, buildObjectModel(object)]));
    const decoders = new Map([...models.values()].map((model) => [model.name, rowDecoder(model, options.driver.adapter)]));
    this.state = { driver: options.driver, models, now: options.now ?? (() => new Date()), queries: new QueryCache(options.driver), decoders };
    this.byId = byIdPlans(this.state);
    this.events = options.events;
    this.maxPageSize = options.maxPageSize ?? 200;
    this.defaultPageSize = Math.min(options.defaultPageSize ?? 50, this.maxPageSize);
  }

  database(): DataDriver {
    return this.state.driver;
  }

  objects(): readonly string[] {
    return [...this.state.models.keys()].sort();
  }

  async close(): Promise<void> {
    await this.state.driver.close();
  }

  async find(object: string, query: FindQuery = {}, ctx: RequestContext = TRUSTED): Promise<FindResult> {
    const model = this.model(object);
    const access = this.access(model, ctx);
    access.require('allowRead');
    const before = listening(this.events, 'data.beforeFind');
    const asked = before ? (await runBefore(before, 'data.beforeFind', { object, operation: 'find', query: { ...query }, ...user(ctx) })).query ?? query : query;
    const effective = checkQueryShape(model, asked as FindQuery);
    const limit = this.pageSize(model, effective.limit);
    const offset = checkOffset(model, effective.offset);
    const shape = this.shape(effective, access, ctx);
    checkSelection(model, shape);
    const sort = checkSort(model, effective.sort, access);
    const where = this.where(model, access, 'read', effective.filter);
    const db = this.state.driver.db;
    const rows = await selectRows(this.state, db, model, { where, sort, limit, offset });
    const records = await shapeRecords(this.state, db, model, rows, shape);
    const total = effective.count ? await countRows(this.state, db, model, where) : undefined;
    const result: FindResult = { records, limit, offset, ...(total !== undefined ? { total } : {}) };
    listening(this.events, 'data.afterFind')?.emit('data.afterFind', { object, operation: 'find', query: { ...effective }, result, ...user(ctx) });
    return result;
  }

  async findOne(object: string, id: RecordId, options: FindOneOptions = {}, ctx: RequestContext = TRUSTED): Promise<DataRecord> {
    const model = this.model(object);
    const access = this.access(model, ctx);
    access.require('allowRead');
    const plan = this.byId.get(object);
    // The common read (nothing to select, scope, hook or tell): the planned statement and decoder, nothing else.
    if (plan && typeof id === 'string' && !hasNul(id) && !this.findListened() && readsWholeRecord(model, access, options, ctx)) {
      const read = readById(this.state, plan, id);
      const record = read instanceof Promise ? await read : read;
      if (!record) throw notFound(model, id);
      return record;
    }
    const before = listening(this.events, 'data.beforeFind');
    // A beforeFind hook may narrow what can be read (a `filter`), for one record as for a list.
    const asked = before ? (await runBefore(before, 'data.beforeFind', { object, operation: 'find', id, query: { ...options }, ...user(ctx) })).query ?? options : options;
    const effective = checkQueryShape(model, asked as FindQuery);
    const shape = this.shape(effective, access, ctx);
    checkSelection(model, shape);
    const db = this.state.driver.db;
    const where = this.where(model, access, 'read', effective.filter, idEquals(model, id));
    // Awaited only when a promise: rows the driver read at once, shaped at once, cost no turn of the event loop.
    const found = selectRows(this.state, db, model, { where, byId: true });
    const rows = found instanceof Promise ? await found : found;
    const shaped = shapeRecords(this.state, db, model, rows, shape);
    const [record] = shaped instanceof Promise ? await shaped : shaped;
    if (!record) throw notFound(model, id);
    listening(this.events, 'data.afterFind')?.emit('data.afterFind', { object, operation: 'find', id, result: record, ...user(ctx) });
    return record;
  }

  async count(object: string, filter?: Filter, ctx: RequestContext = TRUSTED): Promise<number> {
    const model = this.model(object);
    const access = this.access(model, ctx);
    access.require('allowRead');
    return countRows(this.state, this.state.driver.db, model, this.where(model, access, 'read', filter));
  }

  async insert(object: string, data: DataInput, ctx: RequestContext = TRUSTED): Promise<DataRecord> {
    const [record] = await this.insertRecords(object, [data], ctx, false);
    if (!record) throw new Error('internal: insert returned no record');
    return record;
  }

  async insertMany(object: string, data: readonly DataInput[], ctx: RequestContext = TRUSTED): Promise<DataRecord[]> {
    if (!Array.isArray(data)) throw new DataError('bad_request', `A bulk insert on ${object} takes a list of records`);
    return this.insertRecords(object, data, ctx, true);
  }

  private async insertRecords(object: string, batch: readonly DataInput[], ctx: RequestContext, indexed: boolean): Promise<DataRecord[]> {
    const model = this.model(object);
    const access = this.access(model, ctx);
    access.require('allowCreate');
    const validated: Map<string, unknown>[] = [];
    let index = 0;
    try {
      for (; index < batch.length; index++) {
        const data = batch[index]!;
        const before = listening(this.events, 'data.beforeInsert');
        const given = before ? (await runBefore(before, 'data.beforeInsert', { object, operation: 'insert', data, ...user(ctx) })).data ?? data : data;
        validated.push(validateWrite(model, given, 'insert', this.writeEnv(access, ctx)));
      }
    } catch (error) {
      throw inBatch(indexed, index, error);
    }
    const ids: RecordId[] = [];
    // Several statements (a batch, autonumbers, join rows) need one transaction; a plain insert is one statement.
    const atomic = validated.length > 1 || model.autonumbers.length > 0 || model.joinFields.length > 0;
    await this.writing(atomic, async (db) => {
      let index = 0;
      try {
        for (; index < validated.length; index++) {
          try {
            ids.push(await insertRow(this.state, db, model, validated[index]!, ctx));
          } catch (error) {
            mapWriteError(this.state, model, error, 'insert');
          }
        }
      } catch (error) {
        throw inBatch(indexed, index, error);
      }
    });
    const records = await this.readByIds(model, ids);
    const after = listening(this.events, 'data.afterInsert');
    for (const [index, record] of after ? records.entries() : []) {
      await runAfter(after, 'data.afterInsert', { object, operation: 'insert', id: String(record['id']), data: Object.fromEntries(validated[index] ?? []), result: record, ...user(ctx) });
    }
    return this.visible(model, access, records);
  }

  async update(object: string, id: RecordId, data: DataInput, ctx: RequestContext = TRUSTED): Promise<DataRecord> {
    const model = this.model(object);
    const access = this.access(model, ctx);
    access.require('allowEdit');
    const previous = await this.readWritable(model, access, id);
    const before = listening(this.events, 'data.beforeUpdate');
    const given = before ? (await runBefore(before, 'data.beforeUpdate', { object, operation: 'update', id, data, previous, ...user(ctx) })).data ?? data : data;
    const values = validateWrite(model, given, 'update', this.writeEnv(access, ctx));
    const atomic = model.joinFields.some((property) => values.has(property.name));
    await this.writing(atomic, async (db) => {
      try {
        await updateRow(this.state, db, model, id, values, ctx);
      } catch (error) {
        mapWriteError(this.state, model, error, 'update');
      }
    });
    const [record] = await this.readByIds(model, [id]);
    if (!record) throw notFound(model, id);
    const after = listening(this.events, 'data.afterUpdate');
    if (after) await runAfter(after, 'data.afterUpdate', { object, operation: 'update', id, data: Object.fromEntries(values), previous, result: record, ...user(ctx) });
    return this.visible(model, access, [record])[0] ?? record;
  }

  async delete(object: string, id: RecordId, ctx: RequestContext = TRUSTED): Promise<DataRecord> {
    const model = this.model(object);
    const access = this.access(model, ctx);
    access.require('allowDelete');
    const previous = await this.readWritable(model, access, id);
    await runBefore(this.events, 'data.beforeDelete', { object, operation: 'delete', id, previous, ...user(ctx) });
    await checkRestrictedReferences(this.state, model, id);
    const cascaded = await this.cascadedRecords(model, id);
    try {
      await this.state.driver.db.deleteFrom(model.table).where(sql.ref('id'), '=', id).execute();
    } catch (error) {
      mapWriteError(this.state, model, error, 'delete');
    }
    await runAfter(this.events, 'data.afterDelete', { object, operation: 'delete', id, previous, ...user(ctx) });
    for (const { model: child, records } of cascaded) {
      for (const record of records) {
        await runAfter(this.events, 'data.afterDelete', { object: child.name, operation: 'delete', id: String(record['id']), previous: record, ...user(ctx) });
      }
    }
    return this.visible(model, access, [previous])[0] ?? previous;
  }

  // -------------------------------------------------------------------------------------------------------------

  /** The records a delete removes through cascade references, read before they go (for their after-events). */
  private async cascadedRecords(model: ObjectModel, id: RecordId): Promise<{ model: ObjectModel; records: DataRecord[] }[]> {
    if (!this.events) return [];
    const victims = await cascadeVictims(this.state, model, id);
    return Promise.all(victims.map(async (victim) => ({ model: victim.model, records: await this.readByIds(victim.model, victim.ids) })));
  }

  /** Runs writes in one transaction when there are several statements to keep together, else directly. */
  private async writing(atomic: boolean, work: (db: QueryDb) => Promise<void>): Promise<void> {
    const { db } = this.state.driver;
    if (atomic) await db.transaction().execute(work);
    else await work(db);
  }

  /** Whether a beforeFind hook or an afterFind listener is subscribed (either needs the generic read). */
  private findListened(): boolean {
    return listening(this.events, 'data.beforeFind') !== undefined || listening(this.events, 'data.afterFind') !== undefined;
  }

  private model(name: string): ObjectModel {
    const model = this.state.models.get(name);
    if (model) return model;
    const hint = suggestion(name, this.state.models.keys());
    throw new DataError('not_found', `No object named "${name}"${hint ? `; ${hint}` : ''}`, [{ problem: `unknown object "${name}"` }]);
  }

  private access(model: ObjectModel, ctx: RequestContext): ObjectAccess {
    return new ObjectAccess(model, ctx);
  }

  private writeEnv(access: ObjectAccess, ctx: RequestContext) {
    return { userId: ctx.userId, now: this.state.now(), canEdit: (property: Parameters<ObjectAccess['canEdit']>[0]) => access.canEdit(property) };
  }

  /** The conditions of a query: `first` (a lookup by id), the caller's filter, then the row scope of the request. */
  private where(model: ObjectModel, access: ObjectAccess, mode: 'read' | 'write', filter: Filter | undefined, first?: Predicate): Predicate[] {
    const where: Predicate[] = first ? [first] : [];
    if (filter !== undefined) {
      const env = { adapter: this.state.driver.adapter, canRead: (property: Parameters<ObjectAccess['canRead']>[0]) => access.canRead(property) };
      where.push(compileFilter(model, filter, env));
    }
    const scope = access.rowScope(mode);
    if (scope) where.push(scope);
    return where;
  }

  /** What to return of each record read: the fields and expansions asked for, as this request may see them. */
  private shape(query: FindOneOptions, access: ObjectAccess, ctx: RequestContext): ShapeOptions {
    return { fields: query.fields, expand: query.expand, access, accessOf: (target) => this.access(target, ctx) };
  }

  private pageSize(model: ObjectModel, limit: number | undefined): number {
    if (limit === undefined) return this.defaultPageSize;
    if (!Number.isInteger(limit) || limit < 0) throw new DataError('bad_request', `limit must be a whole number ≥ 0 (got ${String(limit)})`, [{ problem: 'invalid limit' }]);
    if (limit > this.maxPageSize) {
      throw new DataError('page_too_large', `limit ${limit} on ${model.name} is above the maximum page size ${this.maxPageSize}; page with offset`, [
        { problem: `limit must be at most ${this.maxPageSize}` },
      ]);
    }
    return limit;
  }

  /** Every field of stored records, as the trusted engine sees them (events and return values start from these). */
  private async readByIds(model: ObjectModel, ids: readonly RecordId[]): Promise<DataRecord[]> {
    if (ids.length === 0) return [];
    const access = this.access(model, TRUSTED);
    const rows = await selectRows(this.state, this.state.driver.db, model, { where: [idIn(model, ids)], byId: true });
    const records = await shapeRecords(this.state, this.state.driver.db, model, rows, { access, accessOf: (target) => this.access(target, TRUSTED) });
    // One id (an insert, an update, a delete): the one record found is the answer.
    if (ids.length === 1) return records;
    const byId = new Map(records.map((record) => [String(record['id']), record]));
    return ids.map((id) => byId.get(id)).filter((record): record is DataRecord => record !== undefined);
  }

  /** The record as it is before an update or delete; 404 when it does not exist or this request may not change it. */
  private async readWritable(model: ObjectModel, access: ObjectAccess, id: RecordId): Promise<DataRecord> {
    if (typeof id !== 'string' || id.length === 0 || hasNul(id)) throw notFound(model, String(id));
    const rows = await selectRows(this.state, this.state.driver.db, model, { where: this.where(model, access, 'write', undefined, idEquals(model, id)), byId: true });
    if (rows.length === 0) throw notFound(model, id);
    const [record] = await this.readByIds(model, [id]);
    if (!record) throw notFound(model, id);
    return record;
  }

  /** Drops the fields this request may not read from records the engine returns to it. */
  private visible(model: ObjectModel, access: ObjectAccess, records: DataRecord[]): DataRecord[] {
    // The request may read what the trusted engine reads (it can never read more): nothing to drop.
    if (access.readableNames().size === this.access(model, TRUSTED).readableNames().size) return records;
    return records.map((record) => {
      const shown: DataRecord = {};
      for (const [name, value] of Object.entries(record)) {
        const property = model.byName.get(name);
        if (property && access.canRead(property)) shown[name] = value;
      }
      return shown;
    });
  }
}

function user(ctx: RequestContext): { userId?: string } {
  return ctx.userId !== undefined ? { userId: ctx.userId } : {};
}


function notFound(model: ObjectModel, id: string): DataError {
  return new DataError('not_found', `No ${model.name} record with id "${id}"`, [{ field: 'id', problem: 'no such record' }]);
}

/**
 * The parts of a query that arrive from HTTP as parsed JSON: lists where lists belong, so that a string is never
 * iterated character by character.
 */
function checkQueryShape<Query extends FindQuery | FindOneOptions>(model: ObjectModel, query: Query): Query {
  if (typeof query !== 'object' || query === null) throw new DataError('bad_request', `A query on ${model.name} must be an object`);
  checkNameList(model, 'fields', query.fields);
  checkNameList(model, 'expand', query.expand);
  const sort = (query as FindQuery).sort;
  if (sort !== undefined && (!Array.isArray(sort) || !sort.every((key) => typeof key === 'object' && key !== null && typeof key.field === 'string'))) {
    throw new DataError('bad_request', `sort on ${model.name} must be a list of { field, direction }`, [{ problem: 'sort must be a list of { field, direction }' }]);
  }
  return query;
}

function checkNameList(model: ObjectModel, name: 'fields' | 'expand', value: unknown): void {
  if (value !== undefined && (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))) {
    throw new DataError('bad_request', `${name} on ${model.name} must be a list of field names`, [{ problem: `${name} must be a list of field names` }]);
  }
}

function checkOffset(model: ObjectModel, offset: number | undefined): number {
  if (offset === undefined) return 0;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new DataError('bad_request', `offset on ${model.name} must be a whole number ≥ 0 (got ${String(offset)})`, [{ problem: 'invalid offset' }]);
  }
  return offset;
}

function checkSort(model: ObjectModel, sort: readonly SortKey[] | undefined, access: ObjectAccess): readonly SortKey[] {
  for (const key of sort ?? []) {
    const property = model.byName.get(key.field);
    if (!property) throw new DataError('bad_request', `Unknown sort field "${key.field}" on ${model.name}`, [unknownFieldDetail(model, key.field, 'Sort field')]);
    if (key.direction !== 'asc' && key.direction !== 'desc') {
      throw new DataError('bad_request', `Sort direction of ${key.field} must be asc or desc`, [{ field: key.field, problem: 'direction must be asc or desc' }]);
    }
    if (!property.sortable || !access.canRead(property)) {
      throw new DataError('bad_request', `${model.name} cannot be sorted by ${key.field}`, [{ field: key.field, problem: 'is not sortable' }]);
    }
    columnOf(property);
  }
  return sort ?? [];
}

/** The error of one record's step of a batch, naming the record's position when the insert is a bulk one. */
function inBatch(indexed: boolean, index: number, error: unknown): unknown {
  if (!indexed || !(error instanceof DataError)) return error;
  const details = error.details.length > 0 ? error.details.map((detail) => ({ ...detail, index })) : [{ problem: error.message, index }];
  return new DataError(error.code, `Record ${index + 1} of the batch: ${error.message}`, details, { cause: error });
}
