import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildStack, DEFAULT_OUT_DIR, digestInputs, inputPathsOf } from '../../compiler/build/index.js';
import { packageVersion } from '../../compiler/build/package-version.js';
import { LOCK_FILE } from '../../compiler/emit/index.js';
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
  readonly outDir: string;
}

/**
 * Checks the stack and rebuilds `generated/` when it is stale (its lock records the hash of other inputs), then
 * reads the artifacts the server serves. Errors → `StackProblems`, nothing served.
 */
export function prepareStack(entry: string, env: Readonly<Record<string, string | undefined>>): PreparedStack {
  const checked = checkStack(entry, { env });
  if (!checked.ir || checked.diagnostics.some((d) => d.severity === 'error')) throw new StackProblems(checked.diagnostics, checked.source);
  const stackDir = dirname(checked.validated.entryFile);
  let outDir = join(stackDir, DEFAULT_OUT_DIR);
  if (!isFresh(outDir, digestInputs(inputPathsOf(checked.validated), stackDir, packageVersion()).inputHash)) {
    const built = buildStack(entry, { env });
    if (built.diagnostics.some((d) => d.severity === 'error') || !built.report) throw new StackProblems(built.diagnostics, built.source);
    outDir = built.outDir;
  }
  const sdlFile = join(outDir, 'schema.graphql');
  const openapiFile = join(outDir, 'openapi.json');
  return {
    ir: checked.ir,
    stack: checked.ir,
    diagnostics: checked.diagnostics,
    outDir,
    ...(existsSync(sdlFile) && { graphqlSdl: readFileSync(sdlFile, 'utf8') }),
    ...(existsSync(openapiFile) && { openapi: JSON.parse(readFileSync(openapiFile, 'utf8')) as unknown }),
  };
}

/** Whether `generated/` was built from exactly these inputs (the lock's input hash). */
function isFresh(outDir: string, inputHash: string): boolean {
  const lock = join(outDir, LOCK_FILE);
  if (!existsSync(lock) || !existsSync(join(outDir, 'schema.graphql')) || !existsSync(join(outDir, 'openapi.json'))) return false;
  try {
    return (JSON.parse(readFileSync(lock, 'utf8')) as { inputHash?: unknown }).inputHash === inputHash;
  } catch {
    return false;
  }
}
