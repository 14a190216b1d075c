import { relative, resolve } from 'node:path';
import { buildStack, createProgress, watchStack, type BuildResult } from '../build/index.js';
import { renderText, shouldUseColor, summaryLine } from '../diagnostics/render.js';
import { summarizeWrite } from '../write/index.js';
import type { Command } from './command.js';
import type { CliIO } from './io.js';

export const buildCommand: Command = {
  name: 'build',
  summary: 'Generate bootstrap.ts, types, schema.graphql, openapi.json, snapshot and lock into generated/',
  usage: 'build [path] [--out generated] [--watch] [--force]   (default: ./objectstack.yaml)',
  arity: [0, 1],
  options: {
    out: { type: 'string', short: 'o', description: 'Output directory, relative to the stack file', placeholder: 'dir' },
    watch: { type: 'boolean', short: 'w', description: 'Rebuild on every change until Ctrl-C' },
    force: { type: 'boolean', description: 'Emit every artifact even when the lock proves the output current' },
  },
  async run({ options, positionals }, io) {
    const entry = resolve(io.cwd, positionals[0] ?? 'objectstack.yaml');
    const out = typeof options.out === 'string' ? resolve(io.cwd, options.out) : undefined;
    const buildOptions = {
      env: io.env,
      progress: createProgress(io.stderr),
      force: options.force === true,
      ...(out !== undefined && { outDir: out }),
    };
    if (!options.watch) return report(buildStack(entry, buildOptions), io);

    const controller = new AbortController();
    const stop = (): void => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      await watchStack(entry, {
        ...buildOptions,
        signal: controller.signal,
        onBuild: (result, changed) => {
          if (changed.length > 0) io.stdout.write(`changed: ${changed.map((file) => relative(io.cwd, file)).join(', ')}\n`);
          report(result, io, { warningsInFull: false });
          io.stdout.write('watching for changes (Ctrl-C to stop)\n');
        },
      });
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
    return 0;
  },
};

/**
 * Diagnostics, then one line saying what was written. Returns the exit code. In watch mode a successful rebuild
 * stays one line: its warnings are counted, not repeated on every save.
 */
function report(result: BuildResult, io: CliIO, { warningsInFull = true } = {}): number {
  const failed = result.diagnostics.some((d) => d.severity === 'error');
  if (result.diagnostics.length > 0 && (failed || warningsInFull)) {
    io.stdout.write(renderText(result.diagnostics, { cwd: io.cwd, color: shouldUseColor(io.stdout, io.env), source: result.source }));
  }
  const where = relative(io.cwd, result.outDir) || '.';
  const ms = Math.round(result.durationMs);
  if (failed || !result.report) {
    io.stdout.write(`build failed in ${ms} ms: nothing written to ${where}/\n`);
    return 1;
  }
  const warnings = warningsInFull || result.diagnostics.length === 0 ? '' : ` (${summaryLine(result.diagnostics)}: \`objectstack validate\` lists them)`;
  io.stdout.write(`built ${where}/ in ${ms} ms: ${summarizeWrite(result.report)}${warnings}\n`);
  return 0;
}
