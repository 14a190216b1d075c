/**
 * Validate benchmark: a synthetic stack of 1,000 objects × 20 fields with 20 interdependent plugins, in two
 * variants (one file per object; one single file). Reports side by side the bare `yaml` and js-yaml parse of the
 * same texts, the full validate (load + validate + resolve + locate) and its phases, and the ratios. Target: full
 * validate ≤ 500 ms. Run alone: `node dist/bench/validate/index.js`.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import jsYaml from 'js-yaml';
import YAML from 'yaml';
import { checkStack, loadStack, locate, resolveStack, validateStack } from '../../compiler/index.js';
import { formatBytes, formatMs, measure, printTable } from '../harness.js';
import { BENCH_SHAPE, writeMultiFileStack, writeSingleFileStack } from './synthetic-stack.js';

export const TARGET_MS = 500;

export interface VariantFigures {
  readonly variant: string;
  readonly files: number;
  readonly bytes: number;
  readonly yamlMs: number;
  readonly jsYamlMs: number;
  readonly loadMs: number;
  readonly validateMs: number;
  readonly resolveMs: number;
  readonly totalMs: number;
  readonly totalCpuMs: number;
}

function yamlFiles(dir: string): string[] {
  const objects = join(dir, 'objects');
  const included = readdirSync(dir).includes('objects') ? readdirSync(objects).sort().map((f) => join(objects, f)) : [];
  return [join(dir, 'objectstack.yaml'), ...included];
}

function benchVariant(variant: string, dir: string): VariantFigures {
  const texts = yamlFiles(dir).map((file) => readFileSync(file, 'utf8'));
  const check = checkStack(dir, { env: {} });
  const errors = check.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !check.ir) throw new Error(`synthetic stack (${variant}) is not valid: ${errors.map((d) => d.message).join('; ')}`);

  const loaded = loadStack(dir, { env: {} });
  const validated = validateStack(loaded);
  return {
    variant,
    files: texts.length,
    bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0),
    // The slowest figure by far: fewer runs keep the whole suite under a minute on a quiet machine.
    yamlMs: measure(() => texts.map((t) => YAML.parse(t)), { warmup: 1, runs: 3 }).medianMs,
    jsYamlMs: measure(() => texts.map((t) => jsYaml.load(t, { schema: jsYaml.CORE_SCHEMA }))).medianMs,
    loadMs: measure(() => loadStack(dir, { env: {} })).medianMs,
    validateMs: measure(() => validateStack(loaded)).medianMs,
    resolveMs: measure(() => locate(resolveStack(validated, { fromEnvironment: loaded.fromEnvironment }).diagnostics, loaded.positions)).medianMs,
    ...total(dir),
  };
}

function total(dir: string): { totalMs: number; totalCpuMs: number } {
  const timing = measure(() => checkStack(dir, { env: {} }));
  return { totalMs: timing.medianMs, totalCpuMs: timing.medianCpuMs };
}

export async function run(): Promise<VariantFigures[]> {
  const root = mkdtempSync(join(tmpdir(), 'objectstack-bench-'));
  try {
    writeMultiFileStack(join(root, 'multi'), BENCH_SHAPE);
    writeSingleFileStack(join(root, 'single'), BENCH_SHAPE);
    const figures = [benchVariant('one file per object', join(root, 'multi')), benchVariant('single file', join(root, 'single'))];
    const { objects, fields, plugins } = BENCH_SHAPE;
    printTable(
      `Validate: ${objects} objects × ${fields} fields, ${plugins} plugins (node ${process.version}, median of 7 after 2 warm-ups; ` +
        `yaml.parse: median of 3 after 1; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`,
      ['variant', 'files', 'size', 'yaml.parse', 'js-yaml.load', 'load', 'validate', 'resolve', 'full validate', 'full (cpu)', 'full/js-yaml', 'full/yaml', `≤ ${TARGET_MS} ms`],
      figures.map((f) => [
        f.variant,
        String(f.files),
        formatBytes(f.bytes),
        formatMs(f.yamlMs),
        formatMs(f.jsYamlMs),
        formatMs(f.loadMs),
        formatMs(f.validateMs),
        formatMs(f.resolveMs),
        formatMs(f.totalMs),
        formatMs(f.totalCpuMs),
        `${(f.totalMs / f.jsYamlMs).toFixed(2)}×`,
        `${(f.totalMs / f.yamlMs).toFixed(2)}×`,
        f.totalMs <= TARGET_MS ? 'yes' : 'NO',
      ]),
    );
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
