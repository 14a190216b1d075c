import type { ParsedArgs } from './args.js';
import type { Command } from './command.js';
import type { CliIO } from './io.js';

export const SERVE_OPTIONS = {
  port: { type: 'string', short: 'p', description: 'Port to listen on (default 3000; 0 picks a free one)', placeholder: 'port' },
  host: { type: 'string', description: 'Address to bind (default 127.0.0.1)', placeholder: 'host' },
  database: { type: 'string', description: 'postgres:// URL or SQLite file (default: the stack datasource, else .objectstack/dev.db)', placeholder: 'url' },
  insecure: { type: 'boolean', description: 'Allow binding beyond loopback without authentication configured' },
} as const;

/**
 * The runtime (Fastify, GraphQL, database drivers) is imported when `serve` or `dev` runs, not when the CLI starts:
 * it cost every other command about 300 ms of start-up.
 */
export async function runServe(args: ParsedArgs, io: CliIO, dev: boolean): Promise<number> {
  const { serveStack } = await import('./serve-stack.js');
  return serveStack(args, io, dev);
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Build if stale, apply safe schema changes, and serve REST, GraphQL and OpenAPI',
  usage: 'serve [path] [--port 3000] [--host 127.0.0.1] [--database url] [--insecure]',
  arity: [0, 1],
  options: SERVE_OPTIONS,
  run: (args, io) => runServe(args, io, false),
};
