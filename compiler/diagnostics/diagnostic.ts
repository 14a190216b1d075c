import type { DiagnosticCode } from './catalogue.js';
import type { SourceRef, SourceSpan } from './span.js';

export type Severity = 'error' | 'warning' | 'info';

/** A located problem, ready to render. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly span: SourceSpan;
  readonly hint?: string;
  readonly related?: readonly RelatedSpan[];
}

export interface RelatedSpan {
  readonly span: SourceSpan;
  readonly message: string;
}

/**
 * A problem found by a pure stage, located by reference. The pipeline resolves references to spans once, at the
 * end, so stages never parse positions themselves.
 */
export interface PendingDiagnostic {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly at: SourceRef | SourceSpan;
  /** Defaults to the catalogue's severity for the code. */
  readonly severity?: Severity;
  readonly hint?: string;
  readonly related?: readonly { readonly at: SourceRef | SourceSpan; readonly message: string }[];
}

export function isSpan(at: SourceRef | SourceSpan): at is SourceSpan {
  return typeof (at as SourceSpan).line === 'number';
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

export function hasErrors(diagnostics: readonly { severity?: Severity }[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order: file, line, column, code. Deterministic output depends on it. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : 0) ||
    a.span.line - b.span.line ||
    a.span.column - b.span.column ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}
