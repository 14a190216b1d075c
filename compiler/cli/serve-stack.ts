import { relative, resolve } from 'node:path';
import { watchStack } from '../build/index.js';
import { renderText, shouldUseColor } from '../diagnostics/render.js';
import { MigrateError } from '../migrate/migrate-error.js';
import { printDiagnostics } from '../migrate/cli-output.js';
import { isKernelError } from '../../runtime/kernel/errors.js';
import { installSignalHandlers } from '../../runtime/kernel/signals.js';
import { LoopbackRequired } from '../../runtime/serve/bind-policy.js';
import { StackProblems } from '../../runtime/serve/prepare.js';
import { startStack, type RunningStack } from '../../runtime/serve/start.js';
import type { SchemaSyncResult } from '../../runtime/serve/schema-sync.js';
import { UsageError, type ParsedArgs } from './args.js';
import type { CliIO } from './io.js';

/**
 * `serve` and `dev`: start the stack, print where it listens, then run until SIGINT/SIGTERM (graceful: in-flight
 * requests finish, plugins are destroyed, exit 0). In `dev`, a change to the YAML rebuilds and swaps the stack.
 */
export async function serveStack({ options, positionals }: ParsedArgs, io: CliIO, dev: boolean): Promise<number> {
  const entry = resolve(io.cwd, positionals[0] ?? 'objectstack.yaml');
  let running: RunningStack;
  try {
    running = await startStack({
      stack: entry,
      port: portOf(options.port),
      ...(typeof options.host === 'string' && { host: options.host }),
      ...(typeof options.database === 'string' && { database: options.database }),
      insecure: options.insecure === true,
      dev,
      env: io.env,
    });
  } catch (error) {
    return reportStartFailure(error, io, entry);
  }
  const { prepared } = running;
  if (prepared.diagnostics.length > 0) printDiagnostics(io, prepared.diagnostics);
  if (running.schema.refused.length > 0) {
    reportRefused(io, running.schema);
    await running.stop();
    return 1;
  }
  for (const change of running.schema.applied) io.stdout.write(`schema: applied ${change}\n`);
  if (!running.authenticated) io.stderr.write('warning: no authentication configured (com.objectstack.auth): listening on loopback only\n');
  io.stdout.write(`serving ${prepared.ir.manifest.name} at ${running.url} (database ${running.database})\n`);
  io.stdout.write(`  REST ${running.url}/api/v1/data/<object>   GraphQL ${running.url}/api/v1/graphql${dev ? ' (GraphiQL at /graphiql)' : ''}   OpenAPI ${running.url}/api/v1/openapi.json\n`);

  return new Promise<number>((done) => {
    const controller = new AbortController();
    const removeHandlers = installSignalHandlers(running.kernel, {
      exit: (code) => {
        controller.abort();
        if (code !== 0) process.exit(code);
        // The handlers stay until the stop completes, so a second signal still forces the exit.
        const finish = (result: number) => {
          removeHandlers();
          done(result);
        };
        void running.stop().then(() => finish(0), () => finish(1));
      },
    });
    if (dev) void watchAndReload(running, entry, io, controller.signal);
  });
}

async function watchAndReload(running: RunningStack, entry: string, io: CliIO, signal: AbortSignal): Promise<void> {
  io.stdout.write('watching the stack for changes (Ctrl-C to stop)\n');
  await watchStack(entry, {
    env: io.env,
    signal,
    onBuild: (result, changed) => {
      if (changed.length === 0) return;
      io.stdout.write(`changed: ${changed.map((file) => relative(io.cwd, file)).join(', ')}\n`);
      if (result.diagnostics.some((d) => d.severity === 'error')) {
        io.stdout.write(renderText(result.diagnostics, { cwd: io.cwd, color: shouldUseColor(io.stdout, io.env), source: result.source }));
        io.stdout.write('not reloaded: still serving the previous stack\n');
        return;
      }
      running.reload().then(
        (outcome) => {
          if (!outcome.ok) {
            reportRefused(io, outcome.refused);
            io.stdout.write('not reloaded: still serving the previous stack\n');
            return;
          }
          for (const change of outcome.applied) io.stdout.write(`schema: applied ${change}\n`);
          io.stdout.write(`reloaded: ${outcome.prepared.ir.objects.length} objects\n`);
        },
        (error: unknown) => io.stdout.write(`not reloaded: ${error instanceof Error ? error.message : String(error)}\n`),
      );
    },
  });
}

function portOf(value: unknown): number {
  if (value === undefined) return 3000;
  const port = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || port > 65535) {
    throw new UsageError('OS9002', `--port must be a number from 0 to 65535, got '${String(value)}'`);
  }
  return port;
}

function reportRefused(io: CliIO, sync: SchemaSyncResult): void {
  io.stderr.write('schema changes that could lose data were not applied:\n');
  for (const op of sync.refused) io.stderr.write(`  ${op.classification}: ${op.summary} (${op.reason})\n`);
  io.stderr.write(`to apply them: ${sync.command}\n`);
}

function reportStartFailure(error: unknown, io: CliIO, entry: string): number {
  if (error instanceof StackProblems) {
    printDiagnostics(io, error.diagnostics, error.source);
    io.stderr.write(`not serving: ${relative(io.cwd, entry)} has errors\n`);
    return 1;
  }
  if (error instanceof LoopbackRequired || isKernelError(error) || error instanceof MigrateError) {
    io.stderr.write(`error: ${error.message}${error instanceof MigrateError && error.hint ? `\n  hint: ${error.hint}` : ''}\n`);
    return 1;
  }
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
    io.stderr.write(`error: cannot listen: ${(error as Error).message}; pick another --port or --host\n`);
    return 1;
  }
  throw error;
}
