import { dirname } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locate, type SpanResolver } from '../diagnostics/locate.js';
import type { StackIR } from '../ir/types.js';
import { loadStack, type LoadOptions } from '../load/load-stack.js';
import { resolveStack } from '../resolve/index.js';
import { validateStack } from '../validate/validate-stack.js';

/** The stack a diff or migration goes to, with what messages need to point into its YAML. */
export interface TargetStack {
  readonly entryFile: string;
  /** The folder of objectstack.yaml: migrations/, generated/ and .objectstack/ live here. */
  readonly projectDir: string;
  /** Problems of the stack itself; with an error there is no IR. */
  readonly diagnostics: readonly Diagnostic[];
  readonly ir?: StackIR;
  readonly spans: SpanResolver;
  readonly source: (file: string) => string | undefined;
}

/**
 * load → validate → resolve → locate. `checkStack` (compiler/index.ts) does not return the IR or its span resolver
 * yet; when it does, this becomes a call to it.
 */
export function loadTargetStack(entryPath: string, options: LoadOptions = {}): TargetStack {
  const loaded = loadStack(entryPath, options);
  const validated = validateStack(loaded);
  const resolved = resolveStack(validated);
  const diagnostics = locate([...validated.diagnostics, ...resolved.diagnostics], loaded.positions);
  const failed = diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  return {
    entryFile: loaded.entryFile,
    projectDir: dirname(loaded.entryFile),
    diagnostics,
    ...(resolved.ir && !failed ? { ir: resolved.ir } : {}),
    spans: loaded.positions,
    source: (file) => loaded.positions.text(file),
  };
}

/** The dialect the stack's default datasource uses (SQLite when it declares none). */
export function stackDialect(ir: StackIR): 'sqlite' | 'postgres' {
  const datasources = ir.datasources as Readonly<Record<string, { readonly driver: 'sqlite' | 'postgres' }>>;
  return datasources['default']?.driver ?? Object.values(datasources)[0]?.driver ?? 'sqlite';
}

/** The stack's default database: its default datasource URL, else `.objectstack/dev.db` (the one `serve` uses). */
export function stackDatabase(ir: StackIR): string {
  const datasources = ir.datasources as Readonly<Record<string, { readonly url: string }>>;
  return datasources['default']?.url ?? Object.values(datasources)[0]?.url ?? DEFAULT_SQLITE_DATABASE;
}

export const DEFAULT_SQLITE_DATABASE = '.objectstack/dev.db';
