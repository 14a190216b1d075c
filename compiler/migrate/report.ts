import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SpanResolver } from '../diagnostics/locate.js';
import { displayPath, location } from '../diagnostics/render.js';
import { fileSpan } from '../diagnostics/span.js';
import type { MigrateError } from './migrate-error.js';
import { stepOf } from './migration-meta.js';
import type { PlannedOperation } from './operations.js';
import { toScript } from './sql-script.js';

export interface ReportContext {
  readonly cwd: string;
  readonly spans: SpanResolver;
}

function where(planned: PlannedOperation, context: ReportContext): string | null {
  return planned.location ? location(context.spans.span(planned.location), context.cwd) : null;
}

function impact(planned: PlannedOperation): string {
  if (planned.affectedRows === undefined) return '';
  if (planned.affectedRows === 0) return ' (no row affected)';
  return ` (${planned.affectedRows} row${planned.affectedRows === 1 ? '' : 's'} affected)`;
}

/** The operations, one block each: classification and summary, then where and why. */
export function operationsText(operations: readonly PlannedOperation[], context: ReportContext): string {
  const width = Math.max(0, ...operations.map((planned) => planned.classification.length));
  return operations
    .map((planned, index) => {
      const subject = planned.field !== null ? `field ${planned.object}.${planned.field}` : `object ${planned.object}`;
      const at = where(planned, context);
      return [
        `${String(index + 1).padStart(3)}. ${planned.classification.padEnd(width)}  ${planned.summary}`,
        `       ${at !== null ? `${at} · ` : ''}${subject}`,
        `       ${planned.reason}${impact(planned)}`,
      ].join('\n');
    })
    .join('\n');
}

export function operationsJson(operations: readonly PlannedOperation[], context: ReportContext): unknown[] {
  return operations.map((planned) => {
    const span = planned.location ? context.spans.span(planned.location) : null;
    return {
      ...stepOf(planned),
      location: span ? { file: displayPath(span.file, context.cwd), line: span.line, column: span.column } : null,
      ...(planned.affectedRows !== undefined ? { affectedRows: planned.affectedRows } : {}),
    };
  });
}

export function sqlText(header: readonly string[], statements: readonly string[]): string {
  return toScript(header, statements);
}

/** A MigrateError as a diagnostic for the shared renderer. */
export function errorDiagnostic(error: MigrateError, fallbackFile: string): Diagnostic {
  return {
    code: error.code,
    severity: 'error',
    message: error.message,
    span: fileSpan(error.file ?? fallbackFile),
    ...(error.hint !== undefined ? { hint: error.hint } : {}),
  };
}
