import { resolve } from 'node:path';
import { renderJson, renderText, shouldUseColor } from '../diagnostics/render.js';
import type { Command } from './command.js';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check a stack and report every problem with its location',
  usage: 'validate [path]   (default: ./objectstack.yaml; a folder means its objectstack.yaml)',
  arity: [0, 1],
  options: {
    format: { type: 'string', choices: ['text', 'json'], description: 'Output format', placeholder: 'text|json' },
    quiet: { type: 'boolean', short: 'q', description: 'Report errors only' },
  },
  async run({ options, positionals }, io) {
    const entry = resolve(io.cwd, positionals[0] ?? 'objectstack.yaml');
    // Loaded on use: the compiler (schemas, resolution) is most of the CLI's start-up time, and --help needs none of it.
    const { checkStack } = await import('../index.js');
    const result = checkStack(entry, { env: io.env });
    const diagnostics = options.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
    const output =
      options.format === 'json'
        ? renderJson(diagnostics, io.cwd)
        : renderText(diagnostics, { cwd: io.cwd, color: shouldUseColor(io.stdout, io.env), source: result.source });
    io.stdout.write(output);
    return result.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  },
};
