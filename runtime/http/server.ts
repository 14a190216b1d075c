import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import mercurius from 'mercurius';
import type { StackIR } from '../../compiler/ir/types.js';
import type { DataEngine, RequestContext } from '../data/engine/types.js';
import type { Kernel } from '../kernel/kernel.js';
import type { AuthService } from '../plugins/auth/auth-service.js';
import { errorAnswer, HttpError } from './errors.js';
import { executableSchema, type GraphqlContext } from './graphql/executable-schema.js';
import { RequestLoaders } from './graphql/loaders.js';
import type { LiveState } from './live-state.js';
import { registerMetaRoutes } from './meta.js';
import { registerOpenapiRoute } from './openapi.js';
import { registerDocsRoute } from './docs-page.js';
import { registerPluginRoutes, type RouteSource } from './plugin-routes.js';
import { registerMetricsRoute, registerProbeRoutes, type ProbeSource } from './probes.js';
import { recordRequestMetrics } from './request-metrics.js';
import { requestContextOf } from './request-context.js';
import { registerRestRoutes } from './rest/routes.js';
import { ServedStack } from './served-stack.js';

export const GRAPHQL_PATH = '/api/v1/graphql';
/** Served at the GraphQL path from registration until the stack's schema is built (never answered: requests wait). */
const PLACEHOLDER_SDL = 'type Query { _starting: Boolean }';

/** Default request body limit: 1 MiB; larger bodies get 413. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Routes anyone may call: probes for load balancers, the API description. */
const PUBLIC_ROUTES = new Set(['/api/v1/health', '/api/v1/ready', '/api/v1/openapi.json', '/api/v1/docs']);

/** What the kernel gives the HTTP layer: probes, services, plugin routes, and in-flight tracking for graceful shutdown. */
export type HostKernel = ProbeSource & RouteSource & Pick<Kernel, 'beginWork'>;

/** The generated artifacts served as they are: a `dev` swap replaces all three together. */
export interface ServedArtifacts {
  readonly stack: StackIR;
  /** `schema.graphql`; without it there is no GraphQL endpoint. */
  readonly graphqlSdl?: string;
  /** `openapi.json`, parsed. */
  readonly openapi?: unknown;
}

/** A swap may bring a new engine (one built for the new objects) along with the artifacts. */
export interface SwapInput extends ServedArtifacts {
  readonly engine?: DataEngine;
}

export interface HttpServerOptions extends ServedArtifacts {
  readonly engine: DataEngine;
  readonly kernel: HostKernel;
  /** When given, every data, metadata, GraphQL and metrics request must authenticate (anonymous → 401). */
  readonly auth?: AuthService;
  /** Development mode: GraphiQL at /graphiql, an API docs page at /api/v1/docs. */
  readonly dev?: boolean;
  readonly bodyLimit?: number;
  readonly logger?: FastifyServerOptions['logger'];
}

export interface HttpServer {
  readonly app: FastifyInstance;
  /** Starts listening; resolves with the address (e.g. `http://127.0.0.1:3000`). */
  listen(options: { readonly port: number; readonly host: string }): Promise<string>;
  /**
   * Serves a new build: requests already running finish with the stack they started with, new ones get the new
   * stack, routes and GraphQL schema. The GraphQL schema is built before anything is replaced, so an SDL that does
   * not build leaves the server as it was (and `swap` throws).
   */
  swap(next: SwapInput): void;
  /** Resolves once the GraphQL schema built after `listen` is being served (at once when there is none). */
  graphqlReady(): Promise<void>;
  /** The stack new requests are served with (its objects' REST schemas included). */
  served(): ServedStack;
  /** Stops accepting (readiness turns 503 at once) and resolves when in-flight requests have finished. */
  close(): Promise<void>;
}

/**
 * The Fastify server of a stack: REST under /api/v1/data, metadata, GraphQL, OpenAPI, probes and metrics, one
 * error shape `{ code, message, details }` for every failure.
 */
export async function createHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, return503OnClosing: true });
  let live: LiveState = { stack: new ServedStack(options.stack), engine: options.engine, auth: options.auth };
  let openapi = options.openapi;
  let accepting = false;
  let closed: Promise<void> | undefined;
  const { kernel } = options;

  // Only JSON bodies: anything else is 415 rather than a string handed to the engine.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((error, request, reply) => {
    const answer = errorAnswer(error);
    if (answer.unexpected) request.log.error({ err: error }, 'request failed');
    return reply.code(answer.status).send(answer.body);
  });
  app.setNotFoundHandler((request, reply) => {
    const answer = errorAnswer(new HttpError(404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}: the API is under /api/v1`));
    return reply.code(404).send(answer.body);
  });

  app.decorateRequest('served', null as unknown as ServedStack);
  app.decorateRequest('engine', null as unknown as DataEngine);
  app.decorateRequest('dataContext', null as unknown as RequestContext);
  // Callback-style hooks: they run on every request, and an async hook costs a promise each time.
  app.addHook('onRequest', (request, reply, next) => {
    const done = kernel.beginWork();
    reply.raw.once('close', done);
    request.served = live.stack;
    request.engine = live.engine;
    const route = request.routeOptions.url;
    const isPublic = route === undefined ? false : PUBLIC_ROUTES.has(route) || !route.startsWith('/api/');
    if (isPublic) {
      request.dataContext = {};
      return next();
    }
    try {
      request.dataContext = requestContextOf(request.headers, live.stack, live.auth);
    } catch (error) {
      // Answered here rather than thrown: encapsulated routes (GraphQL) have error handlers of their own.
      const answer = errorAnswer(error);
      return reply.code(answer.status).send(answer.body);
    }
    next();
  });
  recordRequestMetrics(app, kernel);
  // A request that finishes during shutdown closes its connection: a keep-alive socket left idle would hold the
  // server open until its keep-alive timeout.
  app.addHook('onSend', (_request, reply, payload, next) => {
    if (!accepting) reply.header('connection', 'close');
    next(null, payload);
  });

  registerProbeRoutes(app, kernel, () => accepting && graphqlPending === undefined);
  registerMetricsRoute(app, kernel);
  registerOpenapiRoute(app, () => openapi);
  if (options.dev === true) registerDocsRoute(app, () => openapi);
  registerMetaRoutes(app);
  registerRestRoutes(app);
  registerPluginRoutes(app, kernel);

  // graphql-js takes about a second to build the schema of a 200-object stack: it is built right after the server
  // starts listening, and GraphQL requests (and readiness) wait for it, so REST and the probes answer meanwhile.
  const hasGraphql = options.graphqlSdl !== undefined;
  let graphqlPending: Promise<void> | undefined;
  let schemaGeneration = 0;
  if (hasGraphql) {
    await app.register(mercurius, {
      schema: PLACEHOLDER_SDL,
      path: GRAPHQL_PATH,
      graphiql: options.dev === true,
      jit: 1,
      context: (request): GraphqlContext => ({
        ctx: request.dataContext,
        engine: request.engine,
        loaders: new RequestLoaders(request.engine, request.dataContext),
      }),
    });
    // Callback style, as above: this runs on every request, and an async hook would cost each one a promise.
    app.addHook('onRequest', (request, _reply, next) => {
      if (graphqlPending && request.routeOptions.url === GRAPHQL_PATH) graphqlPending.then(() => next(), next);
      else next();
    });
  }
  await app.ready();

  return {
    app,
    async listen({ port, host }) {
      const address = await app.listen({ port, host });
      accepting = true;
      if (hasGraphql) {
        const generation = schemaGeneration;
        graphqlPending = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
          // A dev swap that came first has already put a newer schema in place.
          if (generation === schemaGeneration) app.graphql.replaceSchema(executableSchema(options.graphqlSdl!));
          graphqlPending = undefined;
        });
      }
      return address;
    },
    graphqlReady() {
      return graphqlPending ?? Promise.resolve();
    },
    served() {
      return live.stack;
    },
    swap(next) {
      const schema = next.graphqlSdl !== undefined && hasGraphql ? executableSchema(next.graphqlSdl) : undefined;
      schemaGeneration++;
      live = { ...live, stack: new ServedStack(next.stack), ...(next.engine && { engine: next.engine }) };
      openapi = next.openapi;
      if (schema) app.graphql.replaceSchema(schema);
    },
    close() {
      accepting = false;
      closed ??= app.close();
      return closed;
    },
  };
}
