import { loadStack, locate, validateStack } from '../../compiler/index.js';
import type { LoadOptions } from '../../compiler/index.js';

/** Runs load → validate → locate (no resolution) and gives the diagnostics in a compact, comparable form. */
export function check(dir: string, options: LoadOptions = {}) {
  const loaded = loadStack(dir, { env: {}, ...options });
  const validated = validateStack(loaded);
  const diagnostics = locate(validated.diagnostics, loaded.positions);
  const brief = diagnostics.map((d) => ({
    file: d.span.file.slice(dir.length + 1),
    line: d.span.line,
    column: d.span.column,
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...(d.hint !== undefined && { hint: d.hint }),
  }));
  return { validated, diagnostics, brief };
}
