import type { GraphQLEnumType, GraphQLField, GraphQLFieldResolver, GraphQLInputObjectType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { graphqlJs } from './graphql-js.js';
import { isDataError } from '../../data/engine/errors.js';
import type { DataEngine, DataRecord, FindQuery, RequestContext } from '../../data/engine/types.js';
import { stackNames } from './directives.js';
import { toGraphqlError, unreadableField } from './errors.js';
import { toFilter, toSort, toStored } from './input-mapping.js';
import type { RequestLoaders } from './loaders.js';

const { buildSchema, getNamedType, isEnumType, isListType, isNonNullType, isObjectType } = graphqlJs;

/** What every resolver gets: the caller, the engine and this request's batch loaders. */
export interface GraphqlContext {
  readonly ctx: RequestContext;
  readonly engine: DataEngine;
  readonly loaders: RequestLoaders;
}

type Resolver = GraphQLFieldResolver<unknown, GraphqlContext, Record<string, unknown>>;
type RecordResolver = GraphQLFieldResolver<DataRecord, GraphqlContext, Record<string, unknown>>;

/** The object a generated type stands for (`type Issue @objectstack(object: "issue")`), or undefined. */
function objectOf(type: unknown): string | undefined {
  const named = getNamedType(type as GraphQLObjectType);
  return isObjectType(named) ? stackNames(named.astNode).object : undefined;
}

function guarded(resolve: Resolver): Resolver {
  return async (source, args, context, info) => {
    try {
      return await resolve(source, args, context, info);
    } catch (error) {
      throw toGraphqlError(error);
    }
  };
}

/**
 * The generated `schema.graphql` made executable: every Query, Mutation and record field resolves through the data
 * engine (so validation, hooks, events and permissions are the REST ones), lookups and reverse lists through
 * per-request batch loaders. Names are mapped with the SDL's `@objectstack` markers, never guessed.
 */
export function executableSchema(sdl: string): GraphQLSchema {
  const schema = buildSchema(sdl);
  const query = schema.getQueryType();
  if (query) for (const field of Object.values(query.getFields())) wireQuery(field);
  const mutation = schema.getMutationType();
  if (mutation) for (const field of Object.values(mutation.getFields())) wireMutation(field);
  for (const type of Object.values(schema.getTypeMap())) {
    const object = isObjectType(type) ? stackNames(type.astNode).object : undefined;
    if (object !== undefined) for (const field of Object.values((type as GraphQLObjectType).getFields())) wireRecordField(object, field);
  }
  return schema;
}

function wireQuery(field: GraphQLField<unknown, GraphqlContext>): void {
  const single = objectOf(field.type);
  if (single !== undefined) {
    field.resolve = guarded(async (_source, args, { engine, ctx }) => {
      try {
        return await engine.findOne(single, String(args.id), {}, ctx);
      } catch (error) {
        if (isDataError(error) && error.code === 'not_found') return null;
        throw error;
      }
    });
    return;
  }
  const connection = getNamedType(field.type) as GraphQLObjectType;
  const nodes = isObjectType(connection) ? connection.getFields().nodes : undefined;
  const object = nodes ? objectOf(nodes.type) : undefined;
  if (object === undefined) return;
  const filterType = field.args.find((arg) => arg.name === 'filter');
  const sortType = field.args.find((arg) => arg.name === 'sort');
  field.resolve = guarded(async (_source, args, { engine, ctx }) => {
    let findQuery: { -readonly [K in keyof FindQuery]: FindQuery[K] } = { count: true };
    if (args.filter && filterType) findQuery.filter = toFilter(args.filter as Record<string, unknown>, getNamedType(filterType.type) as GraphQLInputObjectType);
    if (Array.isArray(args.sort) && sortType) findQuery.sort = toSort(args.sort, getNamedType(sortType.type) as GraphQLInputObjectType);
    if (typeof args.limit === 'number') findQuery.limit = args.limit;
    if (typeof args.offset === 'number') findQuery.offset = args.offset;
    const page = await engine.find(object, findQuery, ctx);
    return { nodes: page.records, totalCount: page.total ?? page.records.length };
  });
}

function wireMutation(field: GraphQLField<unknown, GraphqlContext>): void {
  const object = objectOf(field.type);
  if (object === undefined) return;
  const inputArg = field.args.find((arg) => arg.name === 'input');
  const input = (args: Record<string, unknown>) => (inputArg ? (toStored(args.input, inputArg.type) as Record<string, unknown>) : {});
  if (field.name.startsWith('create')) {
    field.resolve = guarded((_source, args, { engine, ctx }) => engine.insert(object, input(args), ctx));
  } else if (field.name.startsWith('update')) {
    field.resolve = guarded((_source, args, { engine, ctx }) => engine.update(object, String(args.id), input(args), ctx));
  } else if (field.name.startsWith('delete')) {
    field.resolve = guarded((_source, args, { engine, ctx }) => engine.delete(object, String(args.id), ctx));
  }
}

function wireRecordField(object: string, field: GraphQLField<DataRecord, GraphqlContext>): void {
  const names = stackNames(field.astNode);
  if (names.object !== undefined && names.field !== undefined) {
    const child = names.object;
    const via = names.field;
    field.resolve = guarded((record, _args, { loaders }) => loaders.childrenOf(child, via).load(String((record as DataRecord).id))) as RecordResolver;
    return;
  }
  const key = names.field ?? field.name;
  const nonNull = isNonNullType(field.type);
  const referenced = objectOf(field.type);
  const named = getNamedType(field.type);
  const plain: RecordResolver = (record) => {
    if (!(key in record)) {
      if (nonNull) throw unreadableField(object, key);
      return null;
    }
    return record[key];
  };
  if (referenced !== undefined) {
    const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
    field.resolve = guarded(async (record, args, context, info) => {
      const value = plain(record as DataRecord, args, context, info) as unknown;
      if (value === null || value === undefined) return list ? [] : null;
      // An expanded value is already a record; otherwise it is an id (or ids) to load.
      if (typeof value === 'object' && !Array.isArray(value)) return value;
      const loader = context.loaders.record(referenced);
      if (!Array.isArray(value)) return loader.load(String(value));
      const loaded = await Promise.all(value.map((id) => (typeof id === 'object' ? id : loader.load(String(id)))));
      return loaded.filter((item) => item !== null);
    }) as RecordResolver;
  } else if (isEnumType(named)) {
    const names = graphqlEnumNames(named);
    field.resolve = ((record, args, context, info) => {
      const value = plain(record, args, context, info);
      if (Array.isArray(value)) return value.map((item) => names.get(String(item)) ?? item);
      return value === null || value === undefined ? value : (names.get(String(value)) ?? value);
    }) as RecordResolver;
  } else {
    field.resolve = plain;
  }
}

/** Stored option value → GraphQL enum value name. */
function graphqlEnumNames(type: GraphQLEnumType): Map<string, string> {
  return new Map(type.getValues().map((value) => [stackNames(value.astNode).value ?? value.name, value.name]));
}
