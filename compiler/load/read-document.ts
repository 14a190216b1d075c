import { readFileSync } from 'node:fs';
import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { fileSpan } from '../diagnostics/span.js';
import type { PathSegment, SourceRef, SourceSpan } from '../diagnostics/span.js';
import { substituteEnv } from './env.js';
import type { Environment } from './env.js';
import type { LoadedDocument } from './loaded-stack.js';
import { parseYaml } from './parse-yaml.js';
import type { PositionIndex } from './position-index.js';

export interface ReadContext {
  readonly positions: PositionIndex;
  readonly diagnostics: PendingDiagnostic[];
  /** Undefined to leave environment references untouched (built-in manifests). */
  readonly env: Environment | undefined;
  /** Collects where environment references were written (see envKey). */
  readonly envReferences: Set<string>;
}

/** Identifies a value by file and path, for LoadedStack.fromEnvironment. */
export function envKey(file: string, path: readonly PathSegment[]): string {
  return JSON.stringify([file, ...path]);
}

/**
 * Reads and parses one YAML file. A file that cannot be read is reported at `referencedFrom` (the include or path
 * entry that named it) and gives undefined.
 */
export function readDocument(file: string, context: ReadContext, referencedFrom?: SourceRef | SourceSpan): LoadedDocument | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    context.diagnostics.push({
      code: 'OS1006',
      message: `Cannot read ${file}: ${reason(error)}`,
      at: referencedFrom ?? fileSpan(file),
      hint: 'check the path; relative paths are resolved from the folder of objectstack.yaml',
    });
    return undefined;
  }
  const parsed = parseYaml(file, text, context.positions);
  context.diagnostics.push(...parsed.diagnostics);
  // Most files hold no reference; skipping the walk for them is most of the cost of substitution.
  if (!context.env || !text.includes('${env:')) return { file, data: parsed.data, wellFormed: parsed.wellFormed };
  const substituted = substituteEnv(parsed.data, file, context.env);
  context.diagnostics.push(...substituted.diagnostics);
  for (const path of substituted.references) context.envReferences.add(envKey(file, path));
  return { file, data: substituted.data, wellFormed: parsed.wellFormed };
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
