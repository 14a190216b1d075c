import type { Logger } from 'pino';
import type { EventBus } from './events.js';
import type { InFlightTracker } from './inflight.js';
import { deniedServices, permissionDenied, routePermissionDenied } from './permissions.js';
import type { RouteTable } from './routes.js';
import type { ServiceRegistry } from './services.js';
import { scopedStorage } from './storage.js';
import type {
  BeforeHook,
  EventListener,
  ObjectCatalog,
  PluginConfig,
  PluginContext,
  PluginEvents,
  PluginHttp,
  PluginRouteDefinition,
  PluginManifest,
  PluginStorage,
  ServiceName,
  ServiceResult,
  ServiceType,
  StorageBackend,
  SystemConfig,
  Unsubscribe,
} from './types.js';

/** The kernel parts every plugin context is built from. */
export interface ContextDeps {
  readonly bus: EventBus;
  readonly services: ServiceRegistry;
  readonly storage: StorageBackend;
  readonly rootLogger: Logger;
  readonly objects: ObjectCatalog;
  readonly system: SystemConfig;
  readonly inFlight: InFlightTracker;
  readonly routes: RouteTable;
}

/** The event bus seen by one owner: subscriptions are attributed to it (errors, reload clean-up). */
export class OwnedEvents implements PluginEvents {
  constructor(
    private readonly bus: EventBus,
    private readonly owner: string,
  ) {}

  on<Payload = unknown>(pattern: string, listener: EventListener<Payload>): Unsubscribe {
    return this.bus.subscribe(this.owner, pattern, listener as EventListener<unknown>);
  }

  off<Payload = unknown>(pattern: string, listener: EventListener<Payload>): void {
    this.bus.unsubscribe(this.owner, pattern, listener as EventListener<unknown>);
  }

  /** Registers a before-hook: a listener that may return a replacement payload (see `emitBefore`). */
  before<Payload>(pattern: string, hook: BeforeHook<Payload>): Unsubscribe {
    return this.bus.subscribe(this.owner, pattern, hook as BeforeHook<unknown>);
  }

  hasListeners(event: string): boolean {
    return this.bus.hasListeners(event);
  }

  emit(event: string, payload?: unknown): void {
    this.bus.emit(event, payload);
  }

  emitAndWait(event: string, payload?: unknown): Promise<void> {
    return this.bus.emitAndWait(event, payload);
  }

  emitBefore<Payload>(event: string, payload: Payload): Promise<Payload> {
    return this.bus.emitBefore(event, payload);
  }
}

/**
 * What one plugin sees of the kernel. A class rather than an object literal so every context has the same shape
 * (monomorphic `getService` call sites); the permission check is one Map miss on the precomputed denied set.
 */
export class KernelPluginContext<Config extends PluginConfig = PluginConfig> implements PluginContext<Config> {
  readonly pluginId: string;
  readonly logger: Logger;
  readonly events: OwnedEvents;
  readonly storage: PluginStorage;
  readonly objects: ObjectCatalog;
  readonly system: SystemConfig;
  readonly http: PluginHttp;
  private readonly denied: ReadonlyMap<string, string>;

  constructor(
    readonly manifest: PluginManifest,
    readonly config: Config,
    private readonly deps: ContextDeps,
  ) {
    this.pluginId = manifest.id;
    this.logger = deps.rootLogger.child({ plugin: manifest.id });
    this.events = new OwnedEvents(deps.bus, manifest.id);
    this.storage = scopedStorage(deps.storage, manifest.id);
    this.objects = deps.objects;
    this.system = deps.system;
    this.denied = deniedServices(manifest);
    // Checked when a route is mounted (init/start), not per request: the table only ever holds permitted routes.
    const mayRoute = manifest.permissions.includes('http.route');
    this.http = {
      route: (definition: PluginRouteDefinition) => {
        if (!mayRoute) throw routePermissionDenied(this.pluginId, `${definition.method} ${definition.url}`);
        deps.routes.add(this.pluginId, definition);
      },
    };
  }

  registerService<Name extends ServiceName>(name: Name, impl: ServiceType<Name & string>): void {
    this.deps.services.register(this.pluginId, name, impl);
  }

  getService<T = never, Name extends ServiceName = ServiceName>(name: Name): ServiceResult<T, Name & string> {
    const permission = this.denied.get(name);
    if (permission !== undefined) throw permissionDenied(this.pluginId, permission, name);
    return this.deps.services.get<ServiceResult<T, Name & string>>(name);
  }

  hasService(name: string): boolean {
    return this.deps.services.has(name);
  }

  trackInFlight<T>(work: Promise<T>): Promise<T> {
    return this.deps.inFlight.track(work);
  }
}
