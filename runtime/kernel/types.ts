/**
 * The plugin API: the contract between the kernel, the built-in plugins, local plugin modules and the generated
 * `bootstrap.ts`. Everything a plugin sees goes through `PluginContext`; everything the host (bootstrap, HTTP layer,
 * CLI) sees goes through `Kernel` (kernel.ts). Spec shapes (manifest, system config, objects) come from the Zod
 * schemas in `schemas/`, never redefined here.
 */
import type { DestinationStream, Logger } from 'pino';
import type { ObjectDef, PluginManifest, PluginManifestInput, SystemConfig, SystemConfigInput } from '../../schemas/index.js';

export type { Logger } from 'pino';
/** `PluginManifestInput` is a manifest as written; the kernel parses it with `PluginManifestSchema` at registration. */
export type { ObjectDef, PluginManifest, PluginManifestInput, SystemConfig, SystemConfigInput } from '../../schemas/index.js';

/** Plugin configuration: an object of settings; each plugin narrows it with its own type parameter. */
export type PluginConfig = object;

/**
 * Service types by name, for typed `getService('cache')`. Empty here on purpose: the generated bootstrap and
 * plugin packages add their services by declaration merging, e.g.
 * `declare module 'objectstack/runtime' { interface ServiceMap { cache: CacheService } }`.
 */
export interface ServiceMap {}

/** A service name: a known one (typed through `ServiceMap`) or any other string. */
export type ServiceName = keyof ServiceMap | (string & {});
export type ServiceType<Name extends string> = Name extends keyof ServiceMap ? ServiceMap[Name] : unknown;
/**
 * What `getService` returns: the explicit type argument when given (`getService<Cache>('cache')`), otherwise the
 * `ServiceMap` type of the name (`unknown` for an unmapped name).
 */
export type ServiceResult<T, Name extends string> = [T] extends [never] ? ServiceType<Name> : T;

export type MaybePromise<T> = T | Promise<T>;

/** What a plugin module exports (as its default export, or as named `init`/`start`/`destroy` exports). */
export interface PluginModule<Config extends PluginConfig = PluginConfig> {
  /** Register services and listeners. Runs for every plugin, in dependency order, before any `start`. */
  init(ctx: PluginContext<Config>): MaybePromise<void>;
  /** Begin work (open connections, schedule jobs). Runs in dependency order after every `init`. */
  start?(ctx: PluginContext<Config>): MaybePromise<void>;
  /** Release everything `init`/`start` acquired. Runs in reverse dependency order on shutdown and before a reload. */
  destroy?(ctx: PluginContext<Config>): MaybePromise<void>;
  /** Optional liveness probe; the kernel bounds it with `KernelOptions.healthCheckTimeoutMs`. */
  healthCheck?(ctx: PluginContext<Config>): MaybePromise<HealthStatus | HealthCheckResult>;
}

/** A namespace object as returned by `import()`: either `{ default: PluginModule }` or the hooks as named exports. */
export type PluginModuleNamespace<Config extends PluginConfig = PluginConfig> =
  | { readonly default: PluginModule<Config> }
  | PluginModule<Config>;

/**
 * One plugin handed to `kernel.register()`. The module is given inline (`module`) or as an ES module URL (`url`);
 * only a URL-loaded plugin can be reloaded, because reloading means importing the file again.
 */
export type PluginRegistration<Config extends PluginConfig = PluginConfig> = {
  readonly manifest: PluginManifestInput;
  readonly config?: Config;
} & (
  | { readonly module: PluginModule<Config>; readonly url?: undefined }
  | { readonly url: string | URL; readonly module?: undefined }
);

export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy' | 'failed';

export interface HealthCheckResult {
  readonly status: HealthStatus;
  readonly message?: string;
}

export interface PluginHealth {
  readonly id: string;
  readonly status: HealthStatus;
  /** Time the health check took; 0 when the plugin has no `healthCheck`. */
  readonly latencyMs: number;
  readonly message?: string;
}

export interface ServiceHealth {
  readonly name: string;
  readonly pluginId: string;
  readonly status: HealthStatus;
  readonly latencyMs: number;
}

/** What `/api/v1/health` serves. */
export interface KernelHealth {
  readonly status: HealthStatus;
  readonly state: KernelState;
  readonly uptimeMs: number;
  readonly plugins: readonly PluginHealth[];
  readonly services: readonly ServiceHealth[];
}

export type KernelState = 'created' | 'booting' | 'running' | 'degraded' | 'stopping' | 'stopped';

export type PluginState = 'registered' | 'initialized' | 'started' | 'failed' | 'destroyed';

export type LifecyclePhase = 'init' | 'start' | 'destroy';

/** A plugin that failed during boot, as reported by `kernel.start()` and `kernel.health()`. */
export interface PluginFailure {
  readonly id: string;
  readonly phase: LifecyclePhase;
  readonly error: Error;
}

export interface BootReport {
  readonly state: 'running' | 'degraded';
  readonly order: readonly string[];
  readonly failed: readonly PluginFailure[];
  readonly durationMs: number;
}

export type ReloadReport =
  | { readonly ok: true; readonly id: string; readonly generation: number }
  | { readonly ok: false; readonly id: string; readonly error: Error };

// ---------------------------------------------------------------------------------------------------------------
// Events

/** `emit` does not wait for listeners; an async listener still sees its events one at a time, in emit order. */
export type EventListener<Payload = unknown> = (payload: Payload, event: string) => MaybePromise<void>;

/** A before-hook may return a replacement payload, or throw `OperationRejectedError` (see `reject`) to cancel. */
export type BeforeHook<Payload = unknown> = (payload: Payload, event: string) => MaybePromise<Payload | void>;

export type Unsubscribe = () => void;

/**
 * Event bus as seen by one plugin. Patterns: an exact name (`data.afterInsert`), `*` for one dot-separated segment
 * (`data.*.x`), or a trailing `*` for everything after it (`data.*`, `*`).
 */
export interface PluginEvents {
  on<Payload = unknown>(pattern: string, listener: EventListener<Payload>): Unsubscribe;
  off<Payload = unknown>(pattern: string, listener: EventListener<Payload>): void;
  /** Subscribes a before-hook (e.g. on `data.beforeInsert`), run by `emitBefore`; remove it with the returned function. */
  before<Payload = unknown>(pattern: string, hook: BeforeHook<Payload>): Unsubscribe;
  /**
   * Whether any listener or before-hook (of any plugin) matches `event` now: an emitter whose payload is costly to
   * build skips it when nobody listens. Answered from the same cache as `emit`.
   */
  hasListeners(event: string): boolean;
  /** Fire-and-forget: listener errors are isolated (logged, counted, `plugin.error` emitted). */
  emit(event: string, payload?: unknown): void;
  /** Like `emit`, resolving once every matching listener has handled the event. Never rejects. */
  emitAndWait(event: string, payload?: unknown): Promise<void>;
  /**
   * Runs matching listeners one after another, each seeing the previous one's payload; resolves with the final
   * payload. Rejects with `OperationRejectedError` when a hook rejects (or throws: before-hooks fail closed).
   */
  emitBefore<Payload>(event: string, payload: Payload): Promise<Payload>;
}

export type DataOperation = 'insert' | 'update' | 'delete' | 'find';

export const DATA_EVENTS = [
  'data.beforeInsert',
  'data.afterInsert',
  'data.beforeUpdate',
  'data.afterUpdate',
  'data.beforeDelete',
  'data.afterDelete',
  'data.beforeFind',
  'data.afterFind',
] as const;
export type DataEventName = (typeof DATA_EVENTS)[number];

/** Payload of every `data.*` event; the data engine fills the parts its operation has. */
export interface DataEventPayload {
  readonly object: string;
  readonly operation: DataOperation;
  /** Record id for update/delete/single find. */
  readonly id?: string | number;
  /** Values being written (insert/update); a before-hook may return a payload with changed data. */
  readonly data?: Readonly<Record<string, unknown>>;
  /** Query for find (filters, sort, limit), engine-defined. */
  readonly query?: Readonly<Record<string, unknown>>;
  /** Result of the operation, on `after*` events. */
  readonly result?: unknown;
  /** Record state before an update/delete, when the engine has it. */
  readonly previous?: Readonly<Record<string, unknown>>;
  /** Who performed the operation, when known. */
  readonly userId?: string;
}

export const LIFECYCLE_EVENTS = [
  'kernel.boot',
  'kernel.ready',
  'kernel.shutdown',
  'plugin.init',
  'plugin.start',
  'plugin.destroy',
  'plugin.error',
] as const;
export type LifecycleEventName = (typeof LIFECYCLE_EVENTS)[number];

/** Payload of `plugin.init` / `plugin.start` / `plugin.destroy`. */
export interface PluginLifecycleEvent {
  readonly pluginId: string;
  readonly durationMs: number;
}

/** Payload of `plugin.error`: a failed lifecycle hook or an isolated listener error. */
export interface PluginErrorEvent {
  readonly pluginId: string;
  readonly error: Error;
  /** The lifecycle phase, or `listener` with the event that was being handled. */
  readonly phase: LifecyclePhase | 'listener' | 'healthCheck';
  readonly event?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Storage, objects, context

/** Key-value storage isolated per plugin; values must be structured-cloneable. */
export interface PluginStorage {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** Keys (sorted), optionally only those starting with `prefix`. */
  list(prefix?: string): Promise<string[]>;
}

/**
 * Where plugin storage lives. The kernel scopes every call by plugin id (`namespace`), so a backend never mixes two
 * plugins' keys. `createKernel` defaults to memory; `objectstack serve` keeps it in the served database
 * (`SqlStorageBackend`, table `_plugin_storage`).
 */
export interface StorageBackend {
  get(namespace: string, key: string): Promise<unknown>;
  set(namespace: string, key: string, value: unknown): Promise<void>;
  delete(namespace: string, key: string): Promise<boolean>;
  list(namespace: string, prefix?: string): Promise<string[]>;
}

/** Read-only object metadata, as declared in the stack. */
export interface ObjectCatalog {
  get(name: string): ObjectDef | undefined;
  list(): readonly ObjectDef[];
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP routes

export type PluginRouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a plugin route handler sees of the request: plain data, so the kernel and plugins stay free of Fastify. */
export interface PluginRouteRequest {
  readonly method: PluginRouteMethod;
  /** The full path as requested, without the query string. */
  readonly path: string;
  /** Values of the route's `:name` segments. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The parsed JSON body (undefined without one). */
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /**
   * Who is asking, as the HTTP layer authenticated them: the data engine's request context (`userId`, `tenantId`,
   * and `permissions`, the merged permission sets; absent when the stack has no authentication). Pass it to the data
   * engine so a plugin route enforces the same rules as REST and GraphQL.
   */
  readonly caller: PluginRouteCaller;
}

/** The data engine's `RequestContext`, kept structural so the kernel does not depend on the engine. */
export interface PluginRouteCaller {
  readonly userId?: string;
  readonly tenantId?: string;
  readonly permissions?: unknown;
}

/**
 * A route a plugin mounts. `url` is relative to the plugin's prefix, `/api/v1/plugins/<short name>` (the last
 * segment of the plugin id: `com.acme.hello` → `/api/v1/plugins/hello`); `:name` segments match one path segment.
 */
export interface PluginRouteDefinition {
  readonly method: PluginRouteMethod;
  readonly url: string;
  /** Status of a successful answer. Default 200. */
  readonly status?: number;
  /** Returns the JSON body. A throw becomes the standard error answer (`{ code, message, details }`). */
  handler(request: PluginRouteRequest): MaybePromise<unknown>;
}

/** A mounted route as the HTTP layer sees it. */
export interface MountedPluginRoute extends PluginRouteDefinition {
  readonly pluginId: string;
  /** The full path pattern, e.g. `/api/v1/plugins/hello/counts/:object`. */
  readonly path: string;
}

/** The HTTP capability of a plugin context (needs the `http.route` permission). */
export interface PluginHttp {
  /** Records a route; the HTTP layer serves it at once. Withdrawn automatically on destroy and reload. */
  route(definition: PluginRouteDefinition): void;
}

export interface PluginContext<Config extends PluginConfig = PluginConfig> {
  readonly pluginId: string;
  readonly manifest: PluginManifest;
  /** This plugin's configuration from the stack (typed by the generated bootstrap). */
  readonly config: Config;
  /** The stack's `system` section, defaults applied. */
  readonly system: SystemConfig;
  /** pino child logger bound to `{ plugin: pluginId }`. */
  readonly logger: Logger;
  readonly events: PluginEvents;
  readonly storage: PluginStorage;
  readonly objects: ObjectCatalog;
  /** Mount HTTP routes (OS7007 without the `http.route` permission). */
  readonly http: PluginHttp;
  /** Provide a service; it is withdrawn automatically when the plugin is destroyed or reloaded. */
  registerService<Name extends ServiceName>(name: Name, impl: ServiceType<Name & string>): void;
  /** Throws `KernelError` OS7006 when missing, OS7007 when the manifest lacks the service's permission. */
  getService<T = never, Name extends ServiceName = ServiceName>(name: Name): ServiceResult<T, Name & string>;
  hasService(name: string): boolean;
  /** Registers work the shutdown must wait for (bounded); resolves/rejects like `work`. */
  trackInFlight<T>(work: Promise<T>): Promise<T>;
}

export interface KernelOptions {
  /** The stack's `system` section as written; parsed with `SystemSchema` so defaults apply. */
  readonly system?: SystemConfigInput;
  readonly objects?: readonly ObjectDef[];
  /** Services whose provider failing aborts boot. Default: `SERVICE_TIERS.required` (`data`). */
  readonly requiredServices?: readonly string[];
  /** Upper bound for one plugin's `healthCheck()`. Default 1000 ms. */
  readonly healthCheckTimeoutMs?: number;
  /** Upper bound for waiting on in-flight work at shutdown. Default 10 000 ms. */
  readonly shutdownTimeoutMs?: number;
  /** Where plugin storage lives. Default: a fresh in-memory backend. */
  readonly storage?: StorageBackend;
  /** Log destination (tests capture logs here). Default: stdout. */
  readonly logDestination?: DestinationStream;
}
