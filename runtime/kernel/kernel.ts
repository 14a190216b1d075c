import type { Logger } from 'pino';
import { SERVICE_TIERS } from '../../schemas/index.js';
import { KernelPluginContext, OwnedEvents, type ContextDeps } from './context.js';
import { KernelError, toError } from './errors.js';
import { EventBus } from './events.js';
import { runHealthCheck, worstStatus } from './health.js';
import { InFlightTracker } from './inflight.js';
import { importPluginModule } from './loader.js';
import { createRootLogger } from './logger.js';
import { parseManifest, parseSystem, resolvePluginConfig } from './manifest.js';
import { StaticObjectCatalog } from './objects.js';
import { resolvePluginOrder } from './order.js';
import { RouteTable } from './routes.js';
import { runPhase, type PluginRecord } from './plugin-record.js';
import { ServiceRegistry } from './services.js';
import { MemoryStorageBackend } from './storage.js';
import type {
  BootReport,
  KernelHealth,
  KernelOptions,
  KernelState,
  LifecyclePhase,
  MaybePromise,
  PluginConfig,
  PluginErrorEvent,
  PluginFailure,
  PluginHealth,
  PluginModule,
  PluginRegistration,
  PluginState,
  ReloadReport,
  ServiceName,
  ServiceResult,
  ServiceType,
  SystemConfig,
} from './types.js';

/** Owner name of listeners and services registered by the host (bootstrap, HTTP layer) rather than a plugin. */
export const KERNEL_OWNER = 'kernel';

/**
 * Runs plugins: registration (manifests validated), boot (order re-checked, all `init`s then all `start`s, failures
 * isolated), services, events, health, reload and graceful shutdown. Signal handling is separate and opt-in
 * (`installSignalHandlers`), so tests create kernels without touching the process.
 */
export class Kernel {
  readonly system: SystemConfig;
  readonly logger: Logger;
  /** The host's view of the event bus (owner `kernel`); the data engine calls `emitBefore`/`emit` on it. */
  readonly events: OwnedEvents;
  private readonly bus: EventBus;
  private readonly services = new ServiceRegistry();
  private readonly inFlight = new InFlightTracker();
  private readonly routeTable = new RouteTable();
  private readonly records = new Map<string, PluginRecord>();
  private readonly errorCounts = new Map<string, number>();
  private readonly stopAcceptingHooks: (() => MaybePromise<void>)[] = [];
  private readonly requiredServices: ReadonlySet<string>;
  private readonly healthCheckTimeoutMs: number;
  private readonly shutdownTimeoutMs: number;
  private readonly deps: ContextDeps;
  private order: string[] = [];
  private currentState: KernelState = 'created';
  private startedAt = 0;
  private booting: Promise<unknown> | undefined;
  private stopping: Promise<void> | undefined;

  constructor(options: KernelOptions = {}) {
    this.system = parseSystem(options.system);
    this.logger = createRootLogger(this.system.logging, options.logDestination);
    this.bus = new EventBus((owner, event, error) => this.listenerFailed(owner, event, error));
    this.events = new OwnedEvents(this.bus, KERNEL_OWNER);
    this.requiredServices = new Set(options.requiredServices ?? SERVICE_TIERS.required);
    this.healthCheckTimeoutMs = options.healthCheckTimeoutMs ?? 1000;
    this.shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;
    this.deps = {
      bus: this.bus,
      services: this.services,
      storage: options.storage ?? new MemoryStorageBackend(),
      rootLogger: this.logger,
      objects: new StaticObjectCatalog(options.objects ?? []),
      system: this.system,
      inFlight: this.inFlight,
      routes: this.routeTable,
    };
  }

  get state(): KernelState {
    return this.currentState;
  }

  /** True once booted and until shutdown begins: what `/api/v1/ready` answers. */
  get ready(): boolean {
    return this.currentState === 'running' || this.currentState === 'degraded';
  }

  /** Routes plugins have mounted (`ctx.http.route`): the HTTP layer serves them under `PLUGIN_ROUTE_PREFIX`. */
  get routes(): Pick<RouteTable, 'match' | 'list'> {
    return this.routeTable;
  }

  /** Plugin ids in boot order (empty before `start`). */
  get pluginOrder(): readonly string[] {
    return this.order;
  }

  register<Config extends PluginConfig>(registration: PluginRegistration<Config>): this {
    this.expectState('register a plugin', 'created');
    const manifest = parseManifest(registration.manifest);
    if (this.records.has(manifest.id)) {
      throw new KernelError('OS7005', `Plugin '${manifest.id}' is registered twice; register each plugin once`, manifest.id);
    }
    const config = resolvePluginConfig(manifest, registration.config);
    for (const service of manifest.providesServices) this.services.declareProvider(service, manifest.id);
    this.records.set(manifest.id, {
      manifest,
      config,
      registration: registration as PluginRegistration,
      module: registration.module as PluginModule | undefined,
      context: new KernelPluginContext(manifest, config, this.deps),
      state: 'registered',
      failure: undefined,
      generation: 0,
    });
    return this;
  }

  /**
   * Boots every registered plugin. Resolves with a report (`degraded` when an optional plugin failed); rejects with
   * a `KernelError` when the plugin graph is invalid or a required service's provider failed (OS7008).
   */
  start(): Promise<BootReport> {
    this.expectState('start', 'created');
    this.currentState = 'booting';
    const boot = this.boot();
    this.booting = boot.catch(() => undefined);
    return boot;
  }

  /** Graceful shutdown; idempotent (a second call returns the same promise). */
  stop(): Promise<void> {
    // Not ready from the first moment, so /api/v1/ready answers 503 while the shutdown is under way.
    if (!this.stopping && this.ready) this.currentState = 'stopping';
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  registerService<Name extends ServiceName>(name: Name, impl: ServiceType<Name & string>): void {
    this.services.register(KERNEL_OWNER, name, impl);
  }

  /** Host-side lookup (no permission check: the host is trusted). */
  getService<T = never, Name extends ServiceName = ServiceName>(name: Name): ServiceResult<T, Name & string> {
    return this.services.get<ServiceResult<T, Name & string>>(name);
  }

  hasService(name: string): boolean {
    return this.services.has(name);
  }

  /** Hooks run first at shutdown to stop accepting new work (the HTTP layer closes its listener here). */
  onStopAccepting(hook: () => MaybePromise<void>): void {
    this.stopAcceptingHooks.push(hook);
  }

  /** Marks one unit of in-flight work (e.g. an HTTP request); call the returned function when it ends. */
  beginWork(): () => void {
    return this.inFlight.begin();
  }

  trackInFlight<T>(work: Promise<T>): Promise<T> {
    return this.inFlight.track(work);
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  pluginState(id: string): { state: PluginState; failure?: PluginFailure; generation: number } {
    const record = this.record(id);
    return { state: record.state, generation: record.generation, ...(record.failure ? { failure: record.failure } : {}) };
  }

  /** Errors attributed to a plugin: failed hooks and isolated listener failures. */
  errorCount(id: string): number {
    return this.errorCounts.get(id) ?? 0;
  }

  async health(): Promise<KernelHealth> {
    const plugins = await Promise.all([...this.records.values()].map((record) => this.pluginHealth(record)));
    const byId = new Map(plugins.map((plugin) => [plugin.id, plugin]));
    const services = this.services.list().map(({ name, owner }) => {
      const plugin = byId.get(owner);
      return { name, pluginId: owner, status: plugin?.status ?? 'healthy', latencyMs: plugin?.latencyMs ?? 0 };
    });
    const requiredDown = plugins.some(
      (plugin) => plugin.status !== 'healthy' && this.providesRequired(this.record(plugin.id)) !== undefined,
    );
    const status = !this.ready || requiredDown ? 'unhealthy' : worstStatus(plugins.map((p) => (p.status === 'failed' ? 'degraded' : p.status)));
    return { status, state: this.currentState, uptimeMs: this.startedAt ? Date.now() - this.startedAt : 0, plugins, services };
  }

  /**
   * Replaces a URL-registered plugin with a freshly imported copy of its module. The new module is imported before
   * the old instance is touched, so a file that does not load leaves the old one running as it was; if the new
   * one fails in init/start, the previous module is initialised and started again.
   */
  async reloadPlugin(id: string): Promise<ReloadReport> {
    const record = this.record(id);
    this.expectState('reload a plugin', 'running', 'degraded');
    const url = record.registration.url;
    if (url === undefined) {
      return this.reloadFailed(id, `plugin '${id}' was registered with an inline module; only plugins registered by url can be reloaded`);
    }
    const generation = record.generation + 1;
    let next: PluginModule;
    try {
      next = await importPluginModule(id, url, generation);
    } catch (thrown) {
      return this.reloadFailed(id, toError(thrown).message);
    }
    const previous = record.module;
    if (record.state === 'started' || record.state === 'initialized') await this.destroyPlugin(record);
    record.module = next;
    record.generation = generation;
    const failure = await this.initAndStart(record);
    if (!failure) {
      this.logger.info({ plugin: id, generation }, `Reloaded plugin '${id}'`);
      return { ok: true, id, generation };
    }
    if (previous) {
      record.module = previous;
      const restoreFailure = await this.initAndStart(record);
      if (restoreFailure) this.logger.error({ plugin: id }, `Previous instance of '${id}' failed to restart: ${restoreFailure.message}`);
    }
    return this.reloadFailed(id, `${failure.message}; the previous instance was restored`);
  }

  private async boot(): Promise<BootReport> {
    const started = performance.now();
    this.startedAt = Date.now();
    try {
      this.order = resolvePluginOrder([...this.records.values()].map((record) => record.manifest));
    } catch (error) {
      this.currentState = 'stopped';
      throw error;
    }
    this.bus.emit('kernel.boot', { plugins: this.order });
    for (const id of this.order) await this.bootPhase(this.record(id), 'init');
    for (const id of this.order) await this.bootPhase(this.record(id), 'start');
    const failed = this.order.flatMap((id) => this.record(id).failure ?? []);
    this.currentState = failed.length > 0 ? 'degraded' : 'running';
    const durationMs = performance.now() - started;
    if (failed.length > 0) {
      const causes = failed.map((f) => `'${f.id}' failed in ${f.phase}: ${f.error.message}`).join('; ');
      this.logger.warn({ failed: failed.map((f) => f.id) }, `Running degraded: ${causes}`);
    }
    this.bus.emit('kernel.ready', { state: this.currentState, durationMs });
    return { state: this.currentState as 'running' | 'degraded', order: this.order, failed, durationMs };
  }

  /** One plugin's init or start at boot; a failure of a required service's provider aborts the whole boot. */
  private async bootPhase(record: PluginRecord, phase: 'init' | 'start'): Promise<void> {
    const expected: PluginState = phase === 'init' ? 'registered' : 'initialized';
    if (record.state !== expected) return;
    const failedDependency = Object.keys(record.manifest.dependencies).find((dep) => this.records.get(dep)?.state === 'failed');
    const error = failedDependency
      ? new Error(`its dependency '${failedDependency}' failed`)
      : await this.runLifecycle(record, phase);
    if (!error) return;
    const lostServices = await this.fail(record, phase, error);
    const required = this.providesRequired(record, lostServices);
    if (required === undefined) return;
    await this.destroyAll();
    this.currentState = 'stopped';
    throw new KernelError(
      'OS7008',
      `Boot aborted: plugin '${record.manifest.id}' provides the required service '${required}' and failed in ${phase}: ${error.message}`,
      record.manifest.id,
      { cause: error },
    );
  }

  /** Runs init or start; returns the error instead of throwing. */
  private async runLifecycle(record: PluginRecord, phase: 'init' | 'start'): Promise<Error | undefined> {
    try {
      if (phase === 'init') {
        record.module ??= await importPluginModule(record.manifest.id, record.registration.url!, record.generation);
        record.context = new KernelPluginContext(record.manifest, record.config, this.deps);
      }
      const durationMs = await runPhase(record.module!, record.context, phase);
      record.state = phase === 'init' ? 'initialized' : 'started';
      this.bus.emit(`plugin.${phase}`, { pluginId: record.manifest.id, durationMs });
      return undefined;
    } catch (thrown) {
      return toError(thrown);
    }
  }

  /** init + start outside boot (reload); on failure the half-started instance is cleaned up. */
  private async initAndStart(record: PluginRecord): Promise<Error | undefined> {
    record.state = 'registered';
    record.failure = undefined;
    for (const phase of ['init', 'start'] as const) {
      const error = await this.runLifecycle(record, phase);
      if (!error) continue;
      await this.fail(record, phase, error);
      return error;
    }
    return undefined;
  }

  /** Marks a plugin failed and withdraws what it registered; returns the names of the withdrawn services. */
  private async fail(record: PluginRecord, phase: LifecyclePhase, error: Error): Promise<string[]> {
    const id = record.manifest.id;
    if (phase === 'start' && record.module?.destroy) {
      // init acquired resources; give the plugin a chance to release them, but never let that mask the cause.
      try {
        await record.module.destroy(record.context);
      } catch (thrown) {
        this.logger.warn({ plugin: id, err: toError(thrown) }, 'destroy after a failed start threw');
      }
    }
    record.state = 'failed';
    record.failure = { id, phase, error };
    const lost = this.services.removeOwner(id).map(([name]) => name);
    this.bus.removeOwner(id);
    this.routeTable.removeOwner(id);
    this.reportError({ pluginId: id, error, phase });
    return lost;
  }

  private providesRequired(record: PluginRecord, extra: readonly string[] = []): string | undefined {
    return [...record.manifest.providesServices, ...extra].find((service) => this.requiredServices.has(service));
  }

  private async shutdown(): Promise<void> {
    await this.booting;
    if (this.currentState === 'created' || this.currentState === 'stopped') {
      this.currentState = 'stopped';
      return;
    }
    this.currentState = 'stopping';
    await bounded(this.bus.emitAndWait('kernel.shutdown', { inFlight: this.inFlight.size }), this.shutdownTimeoutMs);
    for (const hook of this.stopAcceptingHooks) {
      try {
        await hook();
      } catch (thrown) {
        this.logger.error({ err: toError(thrown) }, 'A stop-accepting hook failed during shutdown');
      }
    }
    if (!(await this.inFlight.drain(this.shutdownTimeoutMs))) {
      this.logger.warn(
        { code: 'OS7015', inFlight: this.inFlight.size },
        `Shutdown waited ${this.shutdownTimeoutMs} ms; ${this.inFlight.size} in-flight operation(s) still running, destroying plugins anyway`,
      );
    }
    await this.destroyAll();
    this.currentState = 'stopped';
  }

  private async destroyAll(): Promise<void> {
    for (const id of [...this.order].reverse()) {
      const record = this.record(id);
      if (record.state === 'initialized' || record.state === 'started') await this.destroyPlugin(record);
    }
  }

  private async destroyPlugin(record: PluginRecord): Promise<void> {
    const id = record.manifest.id;
    try {
      const durationMs = await runPhase(record.module!, record.context, 'destroy');
      this.bus.emit('plugin.destroy', { pluginId: id, durationMs });
    } catch (thrown) {
      this.reportError({ pluginId: id, error: toError(thrown), phase: 'destroy' });
    } finally {
      this.services.removeOwner(id);
      this.bus.removeOwner(id);
      this.routeTable.removeOwner(id);
      record.state = 'destroyed';
    }
  }

  private async pluginHealth(record: PluginRecord): Promise<PluginHealth> {
    const id = record.manifest.id;
    if (record.state === 'failed') return { id, status: 'failed', latencyMs: 0, message: record.failure?.error.message ?? 'failed' };
    if (record.state !== 'started') return { id, status: 'unhealthy', latencyMs: 0, message: `not running (${record.state})` };
    const check = record.module?.healthCheck;
    if (!check) return { id, status: 'healthy', latencyMs: 0 };
    return runHealthCheck(id, () => check.call(record.module, record.context), this.healthCheckTimeoutMs);
  }

  private reloadFailed(id: string, reason: string): ReloadReport {
    const error = new KernelError('OS7012', `Reload of plugin '${id}' failed: ${reason}`, id);
    this.logger.error({ plugin: id, code: error.code }, error.message);
    return { ok: false, id, error };
  }

  private listenerFailed(owner: string, event: string, error: Error): void {
    this.reportError({ pluginId: owner, error, phase: 'listener', event });
  }

  /** Logs with the plugin's logger, counts, and emits `plugin.error` (except for failures handling `plugin.error`). */
  private reportError(report: PluginErrorEvent): void {
    this.errorCounts.set(report.pluginId, (this.errorCounts.get(report.pluginId) ?? 0) + 1);
    const logger = this.records.get(report.pluginId)?.context.logger ?? this.logger;
    const where = report.phase === 'listener' ? `listener for '${report.event}'` : report.phase;
    logger.error({ err: report.error, phase: report.phase, event: report.event }, `Plugin '${report.pluginId}' failed in ${where}: ${report.error.message}`);
    if (report.event !== 'plugin.error') this.bus.emit('plugin.error', report);
  }

  private record(id: string): PluginRecord {
    const record = this.records.get(id);
    if (!record) throw new KernelError('OS7014', `No plugin '${id}' is registered; registered plugins: ${[...this.records.keys()].join(', ') || 'none'}`);
    return record;
  }

  private expectState(action: string, ...allowed: KernelState[]): void {
    if (allowed.includes(this.currentState)) return;
    throw new KernelError('OS7017', `Cannot ${action} while the kernel is ${this.currentState}; allowed when ${allowed.join(' or ')}`);
  }
}

export function createKernel(options?: KernelOptions): Kernel {
  return new Kernel(options);
}

function bounded(work: Promise<unknown>, timeoutMs: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
