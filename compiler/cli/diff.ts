import { relative, resolve } from 'node:path';
import { DIALECT_NAMES, type DialectName } from '../migrate/dialect.js';
import { diffStack } from '../migrate/diff-stack.js';
import { operationsJson, operationsText, sqlText } from '../migrate/report.js';
import { CLASSIFICATIONS } from '../migrate/operations.js';
import type { Command } from './command.js';
import { printDiagnostics, reportingErrors } from '../migrate/cli-output.js';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Show the classified schema changes (and their SQL) from a snapshot or a live database to the YAML',
  usage: 'diff [stack]   (default: ./objectstack.yaml; compares generated/snapshot.json unless --from is given)',
  arity: [0, 1],
  options: {
    from: { type: 'string', description: 'Snapshot file, SQLite file or postgres:// URL to compare from', placeholder: 'snapshot|database' },
    to: { type: 'string', description: 'The stack to compare to (same as the positional argument)', placeholder: 'stack' },
    dialect: { type: 'string', choices: DIALECT_NAMES, description: 'SQL dialect (default: the database, else the stack datasource, else sqlite)', placeholder: 'sqlite|postgres' },
    'exit-code': { type: 'boolean', description: 'Exit 2 when there are changes, 0 when none, 1 on error' },
    format: { type: 'string', choices: ['text', 'json', 'sql'], description: 'Output format', placeholder: 'text|json|sql' },
  },
  async run({ options, positionals }, io) {
    const stackPath = resolve(io.cwd, positionals[0] ?? (options.to as string | undefined) ?? 'objectstack.yaml');
    return reportingErrors(io, stackPath, async () => {
      const result = await diffStack({
        stack: stackPath,
        ...(typeof options.from === 'string' ? { from: options.from } : {}),
        ...(typeof options.dialect === 'string' ? { dialect: options.dialect as DialectName } : {}),
        cwd: io.cwd,
        load: { env: io.env },
      });
      if (!('plan' in result)) {
        printDiagnostics(io, result.stack.diagnostics, result.stack.source);
        return 1;
      }
      const { plan, operations, stack } = result;
      const context = { cwd: io.cwd, spans: stack.spans };
      const from = result.live ? result.from : relative(io.cwd, resolve(io.cwd, result.from)) || result.from;
      const to = relative(io.cwd, stack.entryFile);
      const header = [`objectstack diff ${from} → ${to} (${plan.dialect})`];
      if (options.format === 'json') {
        io.stdout.write(
          `${JSON.stringify({ from, to, dialect: plan.dialect, live: result.live, changes: operationsJson(operations, context), statements: plan.statements, diagnostics: result.diagnostics }, null, 2)}\n`,
        );
      } else if (options.format === 'sql') {
        io.stdout.write(sqlText(header, plan.statements));
      } else {
        io.stdout.write(`${header[0]}\n\n`);
        if (operations.length === 0) io.stdout.write('No changes: the schema matches the YAML.\n');
        else {
          io.stdout.write(`${operationsText(operations, context)}\n\n${countLine(operations.map((p) => p.classification))}\n\n`);
          io.stdout.write(sqlText([`SQL (${plan.dialect})`], plan.statements));
        }
      }
      printDiagnostics(io, result.diagnostics, stack.source);
      return options['exit-code'] && operations.length > 0 ? 2 : 0;
    });
  },
};

function countLine(classifications: readonly string[]): string {
  const parts = CLASSIFICATIONS.map((name) => [name, classifications.filter((c) => c === name).length] as const)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${count} ${name}`);
  return `${classifications.length} change${classifications.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** `objectstack diff …` from code: the same parsing, output and exit code as the command line. */
export async function run(argv: readonly string[]): Promise<number> {
  // Imported on use: main.ts reaches this module through the command table.
  const { main } = await import('./main.js');
  return main(['diff', ...argv]);
}
