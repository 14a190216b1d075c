import { dirname, join, resolve } from 'node:path';
import type { DestinationStream } from 'pino';
import { openDriver } from '../data/drivers/open-driver.js';
import type { DataDriver } from '../data/drivers/driver.js';
import { createHttpServer, type HttpServer } from '../http/server.js';
import { createKernel, KernelError, type Kernel, type ReloadReport } from '../kernel/index.js';
import { SqlStorageBackend } from '../data/storage-backend.js';
import type { ObjectDef, SystemConfigInput } from '../kernel/types.js';
import type { AuthService } from '../plugins/auth/auth-service.js';
import { servedDataPlugin } from './data-plugin.js';
import { databaseTarget } from './database-target.js';
import { prepareStack, type PreparedStack } from './prepare.js';
import { localModuleUrl } from './local-module.js';
import { watchLocalPlugins } from './plugin-watch.js';
import { registerStackPlugins } from './register-plugins.js';
import { syncSchema, type SchemaSyncResult } from './schema-sync.js';
import { LoopbackRequired, isLoopback } from './bind-policy.js';

export interface StartOptions {
  /** `objectstack.yaml` (or its folder). */
  readonly stack: string;
  readonly port?: number;
  readonly host?: string;
  /** A `postgres://` URL or a SQLite file; default: the stack's datasource, else `.objectstack/dev.db`. */
  readonly database?: string;
  /** Allow a non-loopback host without authentication configured. */
  readonly insecure?: boolean;
  /** Development mode: GraphiQL, and local plugins reloaded when a file in their folder changes. */
  readonly dev?: boolean;
  /** Called after each `dev` reload of a local plugin (the kernel also logs the outcome). */
  readonly onPluginReload?: (report: ReloadReport) => void;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where the kernel logs (tests capture them). */
  readonly logDestination?: DestinationStream;
  readonly bodyLimit?: number;
  /** Bound for in-flight requests at shutdown. */
  readonly shutdownTimeoutMs?: number;
}

export interface RunningStack {
  /** `http://host:port`. */
  readonly url: string;
  readonly kernel: Kernel;
  readonly server: HttpServer;
  readonly database: string;
  readonly schema: SchemaSyncResult;
  /** Built-ins the stack lists that this version ships no module for (not started). */
  readonly missingModules: readonly string[];
  readonly authenticated: boolean;
  readonly prepared: PreparedStack;
  /**
   * Serves the stack as it is now on disk (what `dev` calls after a change): rebuild, apply safe schema changes,
   * swap metadata, routes and the GraphQL schema. A change that could lose data is not applied and nothing is
   * swapped; the outcome names it with the command to run. Requests in flight finish on the previous stack.
   */
  reload(): Promise<ReloadOutcome>;
  /**
   * Re-reads a local plugin (a TypeScript entry is transpiled again) and swaps it in with `kernel.reloadPlugin`;
   * routes, listeners and services move to the new instance. A file that does not parse or import, or a new
   * instance failing in init/start, leaves the previous instance serving; the report says why.
   */
  reloadPlugin(id: string): Promise<ReloadReport>;
  /** Graceful stop: refuse new requests, finish in-flight ones (bounded), destroy plugins, close the database. */
  stop(): Promise<void>;
}

export type ReloadOutcome =
  | { readonly ok: true; readonly applied: readonly string[]; readonly prepared: PreparedStack }
  | { readonly ok: false; readonly refused: SchemaSyncResult };

/**
 * `objectstack serve` as a function: check and build the stack, bring the database up to it (safe changes only),
 * boot the kernel with the stack's plugins, and listen. Throws `StackProblems` (diagnostics), `LoopbackRequired`, or
 * the kernel's boot error; nothing is left running when it throws.
 */
export async function startStack(options: StartOptions): Promise<RunningStack> {
  const entry = resolve(options.stack);
  const env = options.env ?? process.env;
  const prepared = prepareStack(entry, env);
  const { ir } = prepared;
  const projectDir = dirname(ir.origin.file);
  const host = options.host ?? '127.0.0.1';
  const authenticated = ir.pluginsById.has('com.objectstack.auth');
  if (!authenticated && !isLoopback(host) && !options.insecure) throw new LoopbackRequired(host);

  const database = databaseTarget(ir, options.database);
  const schema = await syncSchema(ir, database, projectDir);
  const driver: DataDriver = openDriver(database, projectDir);
  const kernel = createKernel({
    // Plugin storage (`ctx.storage`) lives in the served database, so it survives restarts.
    storage: new SqlStorageBackend(driver),
    system: ir.system as SystemConfigInput,
    objects: ir.objects.map((object) => object.def as ObjectDef),
    ...(options.logDestination && { logDestination: options.logDestination }),
    ...(options.shutdownTimeoutMs !== undefined && { shutdownTimeoutMs: options.shutdownTimeoutMs }),
  });
  const data = servedDataPlugin(ir.objects, driver);
  try {
    const missingModules = await registerStackPlugins(kernel, ir.plugins, data.module, join(projectDir, '.objectstack'));
    for (const id of missingModules) kernel.logger.warn(`plugin ${id} ships no module in this objectstack version; it is not started`);
    await kernel.start();
    const server = await createHttpServer({
      stack: ir,
      engine: data.engine(),
      kernel,
      ...(kernel.hasService('auth') && { auth: kernel.getService<AuthService>('auth') }),
      ...(prepared.graphqlSdl !== undefined && { graphqlSdl: prepared.graphqlSdl }),
      ...(prepared.openapi !== undefined && { openapi: prepared.openapi }),
      ...(options.dev !== undefined && { dev: options.dev }),
      ...(options.bodyLimit !== undefined && { bodyLimit: options.bodyLimit }),
    });
    const pluginCache = join(projectDir, '.objectstack', 'plugins');
    const reloadPlugin = async (id: string): Promise<ReloadReport> => {
      const plugin = ir.plugins.find((p) => p.id === id && p.source.kind === 'path' && p.source.moduleFile !== null);
      if (!plugin) return { ok: false, id, error: new KernelError('OS7012', `Reload of plugin '${id}' failed: it is not a local plugin of this stack`, id) };
      try {
        // Rewrites the transpiled copy the kernel imports; throws, leaving the last good copy, on a syntax error.
        await localModuleUrl(plugin.source.moduleFile!, id, pluginCache);
      } catch (thrown) {
        const error = new KernelError('OS7012', `Reload of plugin '${id}' failed: ${(thrown as Error).message}; the previous instance keeps running`, id);
        kernel.logger.error({ plugin: id, code: error.code }, error.message);
        return { ok: false, id, error };
      }
      return kernel.reloadPlugin(id);
    };
    const stopWatching = options.dev
      ? watchLocalPlugins(
          ir.plugins.flatMap((p) => (p.source.kind === 'path' && p.source.moduleFile ? [{ id: p.id, folder: dirname(p.source.moduleFile) }] : [])),
          async (id) => {
            // Awaited first: `onPluginReload?.(await …)` would skip the reload itself when no callback is given.
            const report = await reloadPlugin(id);
            options.onPluginReload?.(report);
          },
        )
      : () => undefined;
    let closing: Promise<void> | undefined;
    kernel.onStopAccepting(() => {
      stopWatching();
      // Not awaited: the listener stops at once, and the kernel's bounded in-flight wait does the waiting.
      closing = server.close();
    });
    const url = await server.listen({ port: options.port ?? 3000, host });
    // One reload at a time, in order: a burst of saves must not interleave schema changes.
    let reloading: Promise<unknown> = Promise.resolve();
    const reloadNow = async (): Promise<ReloadOutcome> => {
      const next = prepareStack(entry, env);
      const sync = await syncSchema(next.ir, database, projectDir);
      if (sync.refused.length > 0) return { ok: false, refused: sync };
      const engine = data.rebuild(next.ir.objects);
      server.swap({ stack: next.ir, engine, ...(next.graphqlSdl !== undefined && { graphqlSdl: next.graphqlSdl }), openapi: next.openapi });
      return { ok: true, applied: sync.applied, prepared: next };
    };
    return {
      url,
      kernel,
      server,
      database,
      schema,
      missingModules,
      authenticated,
      prepared,
      reload() {
        const outcome = reloading.then(reloadNow, reloadNow);
        reloading = outcome.catch(() => undefined);
        return outcome;
      },
      reloadPlugin,
      async stop() {
        await kernel.stop();
        await closing;
        await driver.close();
      },
    };
  } catch (error) {
    await kernel.stop().catch(() => undefined);
    await driver.close();
    throw error;
  }
}
