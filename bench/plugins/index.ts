/**
 * Built-in plugin benchmark: cold load + boot of each implemented built-in (memory backends), memory cache
 * operations, and queue throughput on the memory driver and (when reachable) Redis and NATS. `run()` prints a table
 * and returns the figures; run alone with `node dist/bench/plugins/index.js`.
 */
import { pathToFileURL } from 'node:url';
import { createKernel } from '../../runtime/kernel/kernel.js';
import {
  BUILTIN_PLUGINS,
  builtinModuleUrl,
  readBuiltinManifest,
  type BuiltinPluginId,
} from '../../runtime/plugins/builtins.js';
import { MemoryStore } from '../../runtime/plugins/cache/memory-store.js';
import { TieredCache } from '../../runtime/plugins/cache/tiered-cache.js';
import type { QueueDriverOptions } from '../../runtime/plugins/queue/driver-options.js';
import { MemoryQueueDriver } from '../../runtime/plugins/queue/memory-driver.js';
import type { QueueService, QueueSettings } from '../../runtime/plugins/queue/queue-service.js';

export interface PluginBenchRow {
  readonly name: string;
  readonly value: string;
  readonly target: string;
  readonly ok: boolean;
}

const silent = { write() {} };
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

const settings: QueueSettings = {
  concurrency: 16,
  retry: { maxAttempts: 1, backoff: { type: 'fixed', delayMs: 0, multiplier: 1, maxDelayMs: 0, jitter: 0 } },
  deadLetter: { enabled: false, queue: 'bench.dead' },
};
const driverOptions: QueueDriverOptions = { settingsFor: () => settings };

const STANDALONE_PLUGINS: readonly BuiltinPluginId[] = ['com.objectstack.cache', 'com.objectstack.queue', 'com.objectstack.job', 'com.objectstack.metrics'];

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * One plugin's cold start: the first import of its module (what `kernel.register({ url })` triggers at boot), then
 * register → init → start in a fresh kernel (the module now cached, as after the kernel's own import).
 */
async function loadAndBootMs(id: BuiltinPluginId): Promise<{ importMs: number; bootMs: number }> {
  const url = builtinModuleUrl(id);
  if (!url) return { importMs: NaN, bootMs: NaN };
  let start = process.hrtime.bigint();
  await import(url.href);
  const importMs = ms(start);
  const manifest = await readBuiltinManifest(id);
  start = process.hrtime.bigint();
  const kernel = createKernel({ requiredServices: [], logDestination: silent });
  // job needs a queue service: the queue plugin boots with it (its own cost is measured on its row).
  if (manifest.requiresServices.includes('queue')) {
    kernel.register({
      manifest: await readBuiltinManifest('com.objectstack.queue'),
      url: builtinModuleUrl('com.objectstack.queue')!,
    });
  }
  kernel.register({ manifest, url });
  const report = await kernel.start();
  const bootMs = ms(start);
  await kernel.stop();
  if (report.failed.length > 0) throw report.failed[0]!.error;
  return { importMs, bootMs };
}

async function cacheOpsPerSecond(): Promise<{ get: number; set: number }> {
  const cache = new TieredCache([new MemoryStore({ name: 'm', maxSize: 10_000, ttlSeconds: 300, strategy: 'lru' })]);
  const n = 500_000;
  let start = process.hrtime.bigint();
  // 20 000 distinct keys into 10 000 slots: half the sets evict.
  for (let i = 0; i < n; i++) await cache.set(`k${i % 20_000}`, i);
  const set = n / (ms(start) / 1000);
  start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await cache.get(`k${10_000 + (i % 10_000)}`);
  const get = n / (ms(start) / 1000);
  return { get, set };
}

async function queueMessagesPerSecond(service: QueueService, messages: number): Promise<number> {
  const queue = `bench-${process.pid}-${Date.now()}`;
  let done = 0;
  let finished!: () => void;
  const all = new Promise<void>((resolve) => (finished = resolve));
  const start = process.hrtime.bigint();
  await service.consume(queue, () => {
    if (++done === messages) finished();
  });
  const publishes: Promise<string>[] = [];
  for (let i = 0; i < messages; i++) publishes.push(service.publish(queue, { i }));
  await Promise.all(publishes);
  await all;
  const perSecond = messages / (ms(start) / 1000);
  await service.close();
  return perSecond;
}

async function optionalQueue(make: () => Promise<QueueService>, messages: number): Promise<number | undefined> {
  try {
    return await queueMessagesPerSecond(await make(), messages);
  } catch {
    return undefined;
  }
}

export interface PluginBenchFigures {
  readonly loadMs: Readonly<Record<string, { importMs: number; bootMs: number }>>;
  readonly cacheGetPerSecond: number;
  readonly cacheSetPerSecond: number;
  readonly memoryQueuePerSecond: number;
  readonly redisQueuePerSecond: number | undefined;
  readonly natsQueuePerSecond: number | undefined;
}

export async function run(): Promise<PluginBenchFigures> {
  const loadMs: Record<string, { importMs: number; bootMs: number }> = {};
  // Pay the kernel's own first-use costs (logger, manifest schema, YAML reader) before timing any plugin.
  const warm = createKernel({ requiredServices: [], logDestination: silent });
  await readBuiltinManifest('com.objectstack.data');
  warm.register({ manifest: { id: 'bench.warm', name: 'warm', version: '1.0.0' }, module: { init() {} } });
  await warm.start();
  await warm.stop();
  // The plugins that boot without a database; data, metadata, audit and auth start with the data engine, whose
  // start-up the http suite measures as a whole (start-up to listening).
  for (const id of STANDALONE_PLUGINS) {
    if (BUILTIN_PLUGINS[id].hasModule) loadMs[id] = await loadAndBootMs(id);
  }
  const cache = await cacheOpsPerSecond();
  const figures: PluginBenchFigures = {
    loadMs,
    cacheGetPerSecond: cache.get,
    cacheSetPerSecond: cache.set,
    memoryQueuePerSecond: await queueMessagesPerSecond(new MemoryQueueDriver(driverOptions), 200_000),
    redisQueuePerSecond: await optionalQueue(async () => {
      const { RedisQueueDriver } = await import('../../runtime/plugins/queue/redis-driver.js');
      return RedisQueueDriver.connect({ ...driverOptions, url: REDIS_URL, prefix: `objectstack-bench:${process.pid}` });
    }, 5_000),
    natsQueuePerSecond: await optionalQueue(async () => {
      const { NatsQueueDriver } = await import('../../runtime/plugins/queue/nats-driver.js');
      return NatsQueueDriver.connect({ ...driverOptions, url: NATS_URL, prefix: `osbench_${process.pid}` });
    }, 5_000),
  };
  printTable(rows(figures));
  return figures;
}

export function rows(f: PluginBenchFigures): PluginBenchRow[] {
  const perSecond = (value: number | undefined) =>
    value === undefined ? 'unreachable' : `${Math.round(value).toLocaleString('en')}/s`;
  return [
    ...Object.entries(f.loadMs).map(([id, { importMs, bootMs }]) => ({
      name: `${id.replace('com.objectstack.', '')}: first import + register/init/start (memory)`,
      value: `${importMs.toFixed(1)} + ${bootMs.toFixed(1)} ms`,
      target: '< 100 ms',
      ok: importMs + bootMs < 100,
    })),
    { name: 'memory cache get (hit), LRU 10k', value: perSecond(f.cacheGetPerSecond), target: '—', ok: true },
    { name: 'memory cache set, LRU 10k, half evicting', value: perSecond(f.cacheSetPerSecond), target: '—', ok: true },
    {
      name: 'queue memory: publish → handled, concurrency 16',
      value: perSecond(f.memoryQueuePerSecond),
      target: '—',
      ok: true,
    },
    {
      name: 'queue redis: publish → handled (5k msgs)',
      value: perSecond(f.redisQueuePerSecond),
      target: '—',
      ok: true,
    },
    { name: 'queue nats: publish → handled (5k msgs)', value: perSecond(f.natsQueuePerSecond), target: '—', ok: true },
  ];
}

function printTable(table: readonly PluginBenchRow[]): void {
  const width = Math.max(...table.map((r) => r.name.length));
  console.log(`\nBuilt-in plugins (node ${process.version})`);
  console.log(`${'measure'.padEnd(width)}  ${'result'.padStart(14)}  ${'target'.padEnd(9)}  met`);
  for (const r of table)
    console.log(`${r.name.padEnd(width)}  ${r.value.padStart(14)}  ${r.target.padEnd(9)}  ${r.ok ? 'yes' : 'NO'}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
  // Process-metrics timers and client sockets may linger; the figures are printed.
  process.exit(0);
}
