import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildStack } from '../../compiler/build/index.js';
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { checkStack } from '../../compiler/index.js';
import type { StackIR } from '../../compiler/ir/types.js';
import type { ServedArtifacts } from '../http/server.js';

/** The stack could not be served: its diagnostics (with sources for code frames) say why. */
export class StackProblems extends Error {
  constructor(
    readonly diagnostics: readonly Diagnostic[],
    readonly source: (file: string) => string | undefined,
  ) {
    super(`the stack has ${diagnostics.filter((d) => d.severity === 'error').length} error(s)`);
    this.name = 'StackProblems';
  }
}

export interface PreparedStack extends ServedArtifacts {
  readonly ir: StackIR;
  readonly stack: StackIR;
  readonly diagnostics: readonly Diagnostic[];
  /** Project files the build read: what `dev` watches. */
  readonly inputFiles: readonly string[];
  readonly outDir: string;
}

/**
 * Checks the stack and brings `generated/` up to date (the writer leaves unchanged files alone, so an up-to-date
 * build costs no writes), then reads the artifacts the server serves. Errors → `StackProblems`, nothing served.
 */
export function prepareStack(entry: string, env: Readonly<Record<string, string | undefined>>): PreparedStack {
  const checked = checkStack(entry, { env });
  if (!checked.ir || checked.diagnostics.some((d) => d.severity === 'error')) throw new StackProblems(checked.diagnostics, checked.source);
  const built = buildStack(entry, { env });
  if (built.diagnostics.some((d) => d.severity === 'error') || !built.report) throw new StackProblems(built.diagnostics, built.source);
  const sdlFile = join(built.outDir, 'schema.graphql');
  const openapiFile = join(built.outDir, 'openapi.json');
  return {
    ir: checked.ir,
    stack: checked.ir,
    diagnostics: checked.diagnostics,
    inputFiles: built.inputFiles,
    outDir: built.outDir,
    ...(existsSync(sdlFile) && { graphqlSdl: readFileSync(sdlFile, 'utf8') }),
    ...(existsSync(openapiFile) && { openapi: JSON.parse(readFileSync(openapiFile, 'utf8')) as unknown }),
  };
}
