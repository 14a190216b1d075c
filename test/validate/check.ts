import { checkStack } from '../../compiler/index.js';
import type { LoadOptions } from '../../compiler/index.js';

/** Runs load → validate → locate and gives the diagnostics in a compact, comparable form. */
export function check(dir: string, options: LoadOptions = {}) {
  const result = checkStack(dir, { env: {}, ...options });
  const brief = result.diagnostics.map((d) => ({
    file: d.span.file.slice(dir.length + 1),
    line: d.span.line,
    column: d.span.column,
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...(d.hint !== undefined && { hint: d.hint }),
  }));
  return { ...result, brief };
}
