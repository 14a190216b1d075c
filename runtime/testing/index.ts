/**
 * `objectstack/testing`: test a plugin without a server. `createTestContext` boots a real in-memory kernel with
 * the given services and returns the plugin's real `PluginContext` plus event assertions.
 */
import { Writable } from 'node:stream';
import { PERMISSION_CATALOGUE } from '../../schemas/index.js';
import { createKernel, type Kernel } from '../kernel/kernel.js';
import type {
  ObjectDef,
  PluginConfig,
  PluginContext,
  PluginManifestInput,
  PluginModule,
  StorageBackend,
  SystemConfigInput,
} from '../kernel/types.js';
import { EventRecorder, type RecordedEvent } from './events.js';

export { EventRecorder, type RecordedEvent } from './events.js';

export interface TestContextOptions<Config extends PluginConfig> {
  /** Services available to the plugin, by name (registered by the host, so any implementation will do). */
  readonly services?: Readonly<Record<string, unknown>>;
  readonly config?: Config;
  /** Permissions of the plugin under test; default: every permission in the catalogue. Ignored with `manifest`. */
  readonly permissions?: readonly string[];
  /** The plugin's own manifest (e.g. its parsed plugin.yml); default: a test manifest. */
  readonly manifest?: PluginManifestInput;
  /** The plugin under test: its init/start run through the kernel, and destroy on `dispose()`. */
  readonly plugin?: PluginModule<Config>;
  readonly objects?: readonly ObjectDef[];
  /** The stack's `system` section as written (defaults applied). */
  readonly system?: SystemConfigInput;
  readonly storage?: StorageBackend;
}

export interface TestHelpers {
  readonly kernel: Kernel;
  /** Every event emitted on the bus since the context was created, in order. */
  readonly recorded: EventRecorder['events'];
  /** Parsed log entries written by the kernel and the plugin. */
  readonly logs: Record<string, unknown>[];
  emitted<Payload = unknown>(pattern: string): Payload[];
  expectEvent<Payload = unknown>(pattern: string, predicate?: (payload: Payload) => boolean): Payload;
  expectNoEvent(pattern: string): void;
  waitForEvent(pattern: string, timeoutMs?: number): Promise<RecordedEvent>;
  clearEvents(): void;
  /** Stops the kernel (destroying the plugin under test). */
  dispose(): Promise<void>;
}

export type TestContext<Config extends PluginConfig = PluginConfig> = PluginContext<Config> & TestHelpers;

const TEST_PLUGIN_ID = 'com.objectstack.test-plugin';

export async function createTestContext<Config extends PluginConfig = PluginConfig>(
  options: TestContextOptions<Config> = {},
): Promise<TestContext<Config>> {
  const logs: Record<string, unknown>[] = [];
  const kernel = createKernel({
    system: options.system ?? { logging: { level: 'debug' } },
    objects: options.objects ?? [],
    requiredServices: [],
    ...(options.storage ? { storage: options.storage } : {}),
    logDestination: captureLogs(logs),
  });
  const recorder = new EventRecorder();
  kernel.events.on('*', (payload, event) => recorder.record(event, payload));
  for (const [name, impl] of Object.entries(options.services ?? {})) kernel.registerService(name, impl);

  let captured: PluginContext<Config> | undefined;
  const plugin = options.plugin;
  const module: PluginModule<Config> = {
    init: async (ctx) => {
      captured = ctx;
      await plugin?.init(ctx);
    },
    start: (ctx) => plugin?.start?.(ctx),
    destroy: (ctx) => plugin?.destroy?.(ctx),
    ...(plugin?.healthCheck ? { healthCheck: (ctx: PluginContext<Config>) => plugin.healthCheck!(ctx) } : {}),
  };
  const manifest = options.manifest ?? {
    id: TEST_PLUGIN_ID,
    name: 'Plugin under test',
    version: '0.0.0',
    permissions: [...(options.permissions ?? Object.keys(PERMISSION_CATALOGUE))],
  };
  kernel.register<Config>({ manifest, module, ...(options.config ? { config: options.config } : {}) });
  const report = await kernel.start();
  const failure = report.failed[0];
  if (failure) {
    await kernel.stop();
    throw failure.error;
  }
  const helpers: TestHelpers = {
    kernel,
    recorded: recorder.events,
    logs,
    emitted: (pattern) => recorder.emitted(pattern),
    expectEvent: (pattern, predicate) => recorder.expectEvent(pattern, predicate),
    expectNoEvent: (pattern) => recorder.expectNoEvent(pattern),
    waitForEvent: (pattern, timeoutMs) => recorder.waitForEvent(pattern, timeoutMs),
    clearEvents: () => recorder.clear(),
    dispose: () => kernel.stop(),
  };
  return Object.assign(captured!, helpers);
}

/** A log destination for `createKernel({ logDestination })` that parses every line into `into`. */
export function captureLogs(into: Record<string, unknown>[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) into.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
}
