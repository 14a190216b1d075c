/**
 * Build benchmark: the synthetic 1,000 objects × 20 fields stack (engineer B's generator, one file per object, 20
 * interdependent plugins). Reports in one run, side by side: the bare YAML parse of the same texts, the check alone
 * (load + validate + resolve), the full build (all artifacts, into an empty output directory), the no-op rebuild,
 * `tsc --noEmit` over the generated types, and the output sizes. Targets: full build ≤ 1 s, no-op rebuild ≤ 100 ms,
 * tsc on the types ≤ 1 s. Run alone: `node dist/bench/build/index.js`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import jsYaml from 'js-yaml';
import YAML from 'yaml';
import { buildStack } from '../../compiler/build/index.js';
import { EMITTERS } from '../../compiler/emit/index.js';
import { checkStack } from '../../compiler/index.js';
import { packageRoot } from '../../compiler/load/package-root.js';
import { listFiles } from '../../compiler/write/index.js';
import { formatBytes, formatMs, measure, printTable } from '../harness.js';
import { BENCH_SHAPE, writeMultiFileStack } from '../validate/synthetic-stack.js';

export const TARGETS = { fullBuildMs: 1000, noopMs: 100, tscMs: 1000 } as const;

export interface BuildFigures {
  readonly yamlMs: number;
  readonly jsYamlMs: number;
  readonly checkMs: number;
  readonly fullBuildMs: number;
  /** CPU time (user + system) of this process, both threads, for the median run. */
  readonly fullBuildCpuMs: number;
  /** The same build forced onto one thread (`emitMode: 'inline'`). */
  readonly singleThreadMs: number;
  readonly noopMs: number;
  readonly noopCpuMs: number;
  readonly tscMs: number;
  readonly tscExitCode: number | null;
  /** Median time of each emitter alone on the checked IR, by emitter name. */
  readonly emitterMs: Readonly<Record<string, number>>;
  /** Bytes per artifact kind (`types/` summed). */
  readonly sizes: Readonly<Record<string, number>>;
}

function stackTexts(dir: string): string[] {
  const objects = join(dir, 'objects');
  return [join(dir, 'objectstack.yaml'), ...readdirSync(objects).sort().map((file) => join(objects, file))].map((file) => readFileSync(file, 'utf8'));
}

/** Wall and CPU time of `runs` runs after one warm-up; returns the run with the median wall time. */
function measureWithCpu(fn: () => unknown, runs: number): { medianMs: number; cpuMs: number } {
  fn();
  const samples: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    fn();
    const wall = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    samples.push({ wall, cpu: (used.user + used.system) / 1000 });
  }
  samples.sort((a, b) => a.wall - b.wall);
  const median = samples[Math.floor(samples.length / 2)]!;
  return { medianMs: median.wall, cpuMs: median.cpu };
}

function failIfInvalid(dir: string): void {
  const errors = checkStack(dir, { env: {} }).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`synthetic stack is not valid: ${errors.slice(0, 3).map((d) => d.message).join('; ')}`);
}

/** Wall time of the real `tsc --noEmit` (strict) over every generated types file, process start included. */
function typecheckTypes(outDir: string): { ms: number; status: number | null } {
  // The .ts and .d.ts files; the metadata .js modules are data a consumer's tsc never checks.
  const files = listFiles(join(outDir, 'types')).filter((path) => path.endsWith('.ts')).map((path) => `types/${path}`);
  const tsconfig = {
    compilerOptions: { target: 'ES2023', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] },
    files,
  };
  writeFileSync(join(outDir, 'tsconfig.bench.json'), JSON.stringify(tsconfig));
  const tsc = join(packageRoot(), 'node_modules/typescript/bin/tsc');
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [tsc, '-p', join(outDir, 'tsconfig.bench.json')], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  rmSync(join(outDir, 'tsconfig.bench.json'));
  if (result.status !== 0) console.error(result.stdout.slice(0, 2000));
  return { ms, status: result.status };
}

function outputSizes(outDir: string): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const path of listFiles(outDir)) {
    const kind = path.startsWith('types/') ? 'types/' : path;
    sizes[kind] = (sizes[kind] ?? 0) + statSync(join(outDir, path)).size;
  }
  return sizes;
}

export async function run(): Promise<BuildFigures> {
  const root = mkdtempSync(join(tmpdir(), 'objectstack-bench-build-'));
  try {
    const stack = join(root, 'stack');
    writeMultiFileStack(stack, BENCH_SHAPE);
    failIfInvalid(stack);
    const texts = stackTexts(stack);
    let fresh = 0;
    // Every measured full build writes into a new, empty directory: nothing to compare against, everything written.
    const full = measureWithCpu(() => buildStack(join(stack, 'objectstack.yaml'), { env: {}, outDir: join(root, `full-${fresh++}`) }), 5);
    // The same build on one thread (what `auto` does below 100 objects), for the side-by-side figure.
    const singleThread = measureWithCpu(() => buildStack(join(stack, 'objectstack.yaml'), { env: {}, outDir: join(root, `full-${fresh++}`), emitMode: 'inline' }), 5);
    const outDir = join(root, 'full-0');
    const noop = measureWithCpu(() => {
      const result = buildStack(join(stack, 'objectstack.yaml'), { env: {}, outDir });
      if (!result.report || result.report.added.length + result.report.modified.length + result.report.removed.length > 0) {
        throw new Error('the no-op rebuild wrote files');
      }
    }, 7);
    const tsc = typecheckTypes(outDir);
    const ir = checkStack(stack, { env: {} }).ir!;
    const context = { inputHash: '0'.repeat(64), outDir, environment: new Map<string, string>() };
    const emitterMs = Object.fromEntries(EMITTERS.map((emitter) => [emitter.name, measure(() => emitter.emit(ir, context), { warmup: 1, runs: 3 }).medianMs]));
    const figures: BuildFigures = {
      yamlMs: measure(() => texts.map((text) => YAML.parse(text))).medianMs,
      jsYamlMs: measure(() => texts.map((text) => jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }))).medianMs,
      checkMs: measure(() => checkStack(stack, { env: {} }), { warmup: 1, runs: 5 }).medianMs,
      fullBuildMs: full.medianMs,
      fullBuildCpuMs: full.cpuMs,
      singleThreadMs: singleThread.medianMs,
      noopMs: noop.medianMs,
      noopCpuMs: noop.cpuMs,
      tscMs: tsc.ms,
      tscExitCode: tsc.status,
      emitterMs,
      sizes: outputSizes(outDir),
    };
    const { objects, fields, plugins } = BENCH_SHAPE;
    const verdict = (ms: number, target: number): string => `${formatMs(ms)} ${ms <= target ? '(≤ ' : '(NOT ≤ '}${target} ms)`;
    printTable(
      `Build: ${objects} objects × ${fields} fields, ${plugins} plugins, ${texts.length} files, ${formatBytes(texts.reduce((n, t) => n + Buffer.byteLength(t), 0))} (node ${process.version}; medians)`,
      ['step', 'time'],
      [
        ['yaml.parse (bare, all files)', formatMs(figures.yamlMs)],
        ['js-yaml.load (bare, all files)', formatMs(figures.jsYamlMs)],
        ['check only (load + validate + resolve)', formatMs(figures.checkMs)],
        ['full build, all artifacts, empty output dir (wall)', verdict(figures.fullBuildMs, TARGETS.fullBuildMs)],
        ['full build (CPU of this process, both threads)', formatMs(figures.fullBuildCpuMs)],
        ['full build forced onto one thread (wall)', formatMs(figures.singleThreadMs)],
        ['no-op rebuild, nothing written (wall)', verdict(figures.noopMs, TARGETS.noopMs)],
        ['no-op rebuild (CPU of this process)', verdict(figures.noopCpuMs, TARGETS.noopMs)],
        [`tsc --noEmit on generated types (exit ${figures.tscExitCode})`, verdict(figures.tscMs, TARGETS.tscMs)],
        ...Object.entries(emitterMs).map(([name, ms]) => [`  emitter alone: ${name}`, formatMs(ms)]),
      ],
    );
    printTable(
      'Build output sizes',
      ['artifact', 'size'],
      Object.entries(figures.sizes)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([kind, bytes]) => [kind, formatBytes(bytes)]),
    );
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
