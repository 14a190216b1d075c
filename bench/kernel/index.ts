/**
 * Kernel benchmark: service lookup, emit latency to 10 async listeners, boot of 100 plugins with dependencies,
 * and in-process event throughput, each beside the target. `run()` prints a table and returns the
 * figures; `bench/run.ts` runs it as the `kernel` suite, or run it alone: `node dist/bench/kernel/index.js`.
 */
import { pathToFileURL } from 'node:url';
import { createKernel, type Kernel, type PluginContext } from '../../runtime/index.js';

export interface KernelBenchFigures {
  readonly lookupNs: number;
  readonly hostLookupNs: number;
  readonly emitP50Us: number;
  readonly emitP99Us: number;
  readonly boot100Ms: number;
  readonly eventsPerSecond: number;
}

export interface BenchRow {
  readonly name: string;
  readonly value: string;
  readonly target: string;
  readonly ok: boolean;
}

const silent = { write() {} };

function now(): bigint {
  return process.hrtime.bigint();
}

function kernelWith(): Kernel {
  return createKernel({ requiredServices: [], logDestination: silent });
}

/** A started kernel with a `cache` service and a plugin allowed to use it; returns that plugin's context. */
async function consumerContext(): Promise<{ kernel: Kernel; ctx: PluginContext }> {
  const kernel = kernelWith();
  let ctx: PluginContext | undefined;
  kernel.register({
    manifest: { id: 'bench.consumer', name: 'consumer', version: '1.0.0', permissions: ['cache.read'] },
    module: { init: (c) => void (ctx = c) },
  });
  kernel.registerService('cache', { hits: 0 });
  await kernel.start();
  return { kernel, ctx: ctx! };
}

function lookupNs(get: () => { hits: number }): number {
  const iterations = 5_000_000;
  let sink = 0;
  for (let i = 0; i < 200_000; i++) sink += get().hits; // warm-up: let the JIT settle
  const started = now();
  for (let i = 0; i < iterations; i++) sink += get().hits;
  const elapsed = Number(now() - started);
  if (sink < 0) console.log(sink); // keeps the loop observable
  return elapsed / iterations;
}

async function emitLatency(ctx: PluginContext): Promise<{ p50: number; p99: number }> {
  let handled = 0;
  for (let i = 0; i < 10; i++) {
    ctx.events.on('data.afterInsert', async () => {
      handled++;
    });
  }
  const payload = { object: 'account', operation: 'insert' };
  const samples = 20_000;
  const times = new Float64Array(samples);
  for (let i = 0; i < 2_000; i++) await ctx.events.emitAndWait('data.afterInsert', payload);
  for (let i = 0; i < samples; i++) {
    const started = now();
    await ctx.events.emitAndWait('data.afterInsert', payload);
    times[i] = Number(now() - started) / 1000;
  }
  if (handled === 0) throw new Error('listeners did not run');
  times.sort();
  return { p50: times[Math.floor(samples * 0.5)]!, p99: times[Math.floor(samples * 0.99)]! };
}

/** 100 plugins, each depending on the two before it, registered in reverse so the kernel must sort them. */
async function bootMs(): Promise<number> {
  const runs: number[] = [];
  for (let run = 0; run < 15; run++) {
    const started = now();
    const kernel = kernelWith();
    for (let i = 99; i >= 0; i--) {
      const dependencies: Record<string, string> = {};
      if (i > 0) dependencies[`bench.p${i - 1}`] = '^1.0.0';
      if (i > 1) dependencies[`bench.p${i - 2}`] = '^1.0.0';
      kernel.register({
        manifest: { id: `bench.p${i}`, name: `p${i}`, version: '1.0.0', dependencies },
        module: { init: (ctx) => ctx.registerService(`svc${i}`, i), start() {} },
      });
    }
    await kernel.start();
    runs.push(Number(now() - started) / 1e6);
    await kernel.stop();
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)]!;
}

function eventsPerSecond(ctx: PluginContext): number {
  let seen = 0;
  ctx.events.on('order.created', () => {
    seen++;
  });
  ctx.events.on('order.*', () => {
    seen++;
  });
  const events = 3_000_000;
  const payload = { id: 1 };
  for (let i = 0; i < 100_000; i++) ctx.events.emit('order.created', payload);
  const started = now();
  for (let i = 0; i < events; i++) ctx.events.emit('order.created', payload);
  const seconds = Number(now() - started) / 1e9;
  if (seen === 0) throw new Error('listeners did not run');
  return events / seconds;
}

export async function run(): Promise<KernelBenchFigures> {
  const { kernel, ctx } = await consumerContext();
  const figures: KernelBenchFigures = {
    lookupNs: lookupNs(() => ctx.getService<{ hits: number }>('cache')),
    hostLookupNs: lookupNs(() => kernel.getService<{ hits: number }>('cache')),
    ...(await emitLatency(ctx).then(({ p50, p99 }) => ({ emitP50Us: p50, emitP99Us: p99 }))),
    boot100Ms: await bootMs(),
    eventsPerSecond: eventsPerSecond(ctx),
  };
  await kernel.stop();
  printTable(rows(figures));
  return figures;
}

export function rows(f: KernelBenchFigures): BenchRow[] {
  return [
    { name: 'service lookup, plugin ctx (permission-checked)', value: `${f.lookupNs.toFixed(1)} ns/op`, target: '≤ 50 ns', ok: f.lookupNs <= 50 },
    { name: 'service lookup, host', value: `${f.hostLookupNs.toFixed(1)} ns/op`, target: '≤ 50 ns', ok: f.hostLookupNs <= 50 },
    { name: 'emit → 10 async listeners done, p50', value: `${f.emitP50Us.toFixed(2)} µs`, target: '—', ok: true },
    { name: 'emit → 10 async listeners done, p99', value: `${f.emitP99Us.toFixed(2)} µs`, target: '≤ 100 µs', ok: f.emitP99Us <= 100 },
    { name: 'boot 100 plugins with dependencies (median of 15)', value: `${f.boot100Ms.toFixed(2)} ms`, target: '≤ 100 ms', ok: f.boot100Ms <= 100 },
    { name: 'events/s in-process (2 sync listeners)', value: `${(f.eventsPerSecond / 1e6).toFixed(2)} M/s`, target: '≥ 1 M/s', ok: f.eventsPerSecond >= 1e6 },
  ];
}

function printTable(table: readonly BenchRow[]): void {
  const width = Math.max(...table.map((r) => r.name.length));
  console.log(`\nKernel (node ${process.version})`);
  console.log(`${'measure'.padEnd(width)}  ${'result'.padStart(14)}  ${'target'.padEnd(9)}  met`);
  for (const r of table) console.log(`${r.name.padEnd(width)}  ${r.value.padStart(14)}  ${r.target.padEnd(9)}  ${r.ok ? 'yes' : 'NO'}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
