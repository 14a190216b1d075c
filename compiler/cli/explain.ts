import { allCodes, catalogueEntry } from '../diagnostics/catalogue.js';
import { suggestion } from '../diagnostics/did-you-mean.js';
import { UsageError } from './args.js';
import type { Command } from './command.js';

export const explainCommand: Command = {
  name: 'explain',
  summary: 'Explain a diagnostic code, with an example and the fix',
  usage: 'explain <code>   (e.g. explain OS1201)',
  arity: [1, 1],
  options: {},
  async run({ positionals }, io) {
    const given = positionals[0] ?? '';
    const code = normalizeCode(given);
    const entry = catalogueEntry(code);
    if (!entry) {
      throw new UsageError('OS9004', `Unknown diagnostic code ${given}`, suggestion(code, allCodes()) ?? 'codes look like OS1201');
    }
    const example = entry.example.replace(/\n$/, '').split('\n').map((line) => `    ${line}`).join('\n');
    io.stdout.write(
      [
        `${code}: ${entry.title} (${entry.severity})${entry.retired ? ' [retired]' : ''}`,
        '',
        entry.explanation,
        '',
        'Example:',
        example,
        '',
        `Fix: ${entry.fix}`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};

/** Accepts os1201 and 1201 for OS1201. */
function normalizeCode(given: string): string {
  const upper = given.trim().toUpperCase();
  return /^\d+$/.test(upper) ? `OS${upper}` : upper;
}
