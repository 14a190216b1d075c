import type { Command } from './command.js';
import { SERVE_OPTIONS, runServe } from './serve.js';

export const devCommand: Command = {
  name: 'dev',
  summary: 'serve, plus watch: a YAML change rebuilds, applies safe schema changes and swaps the API without dropping requests',
  usage: 'dev [path] [--port 3000] [--host 127.0.0.1] [--database url] [--insecure]',
  arity: [0, 1],
  options: SERVE_OPTIONS,
  run: (args, io) => runServe(args, io, true),
};
